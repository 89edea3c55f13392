package dev.minrole.cli;

import dev.minrole.analyzer.cloudtrail.TrailProgress;
import dev.minrole.analyzer.java.FunctionAnalysis;
import dev.minrole.analyzer.java.JavaProject;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.sdk.SdkInventory;
import dev.minrole.generator.mapping.OperationMapper;
import dev.minrole.generator.synth.FunctionPolicy;
import dev.minrole.generator.synth.PolicySynthesizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The generate pipeline: read the sources, analyze each function from its handler, and synthesize
 * its policy. Problems with the input are {@link UsageException}s; findings travel with the
 * result.
 */
final class Pipeline {
  /**
   * Every function's policy, the findings that belong to no single function, and whether some
   * CloudTrail input could not be read completely ({@code --strict} turns that into exit code 5).
   */
  record Result(List<FunctionPolicy> functions, List<Finding> findings, boolean partialInput) {
    Result(List<FunctionPolicy> functions, List<Finding> findings) {
      this(functions, findings, false);
    }
  }

  /** The functions the code defines, and the findings about the sources. */
  record Code(List<FunctionAnalysis> analyses, List<Finding> findings) {}

  private Pipeline() {}

  static Result generate(SourceOptions options) {
    return generate(options, new TrailOptions(), TrailProgress.NONE);
  }

  static Result generate(SourceOptions options, TrailOptions trail, TrailProgress progress) {
    if (trail.active() || !trail.roles.roleArns.isEmpty()) {
      return TrailPipeline.generate(options, trail, progress);
    }
    Code code = analyze(options);
    PolicySynthesizer synthesizer = new PolicySynthesizer(OperationMapper.bundled(), options.arnContext());
    List<FunctionPolicy> functions = new ArrayList<>();
    for (FunctionAnalysis analysis : code.analyses()) {
      functions.add(
          synthesizer.synthesize(
              analysis.handler(), analysis.handler(), analysis.calls(), List.of(), analysis.findings()));
    }
    return new Result(functions, code.findings());
  }

  /** Reads the sources and analyzes each handler (or, without one, every public method). */
  static Code analyze(SourceOptions options) {
    List<Path> paths = options.pathsOrCurrent();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new UsageException(p + " does not exist; give the directory that holds the function's Java sources");
      }
    }
    JavaProject project;
    try {
      project = JavaProject.load(paths, SdkInventory.bundled());
    } catch (IOException e) {
      throw new UsageException("cannot read " + paths + ": " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw new UsageException("cannot read " + paths + ": " + e.getCause().getMessage());
    }
    if (project.sources().isEmpty()) {
      throw new UsageException(
          "no Java files under " + String.join(", ", paths.stream().map(Path::toString).toList())
              + "; give the directory that holds the function's sources (e.g. src/main/java)");
    }
    List<FunctionAnalysis> analyses = new ArrayList<>();
    if (options.handlers.isEmpty()) {
      analyses.add(project.analyzeAllPublicMethods(functionName(paths)));
    }
    for (String handler : options.handlers) {
      JavaProject.Outcome outcome = project.analyze(handler);
      if (outcome instanceof JavaProject.HandlerNotFound missing) {
        throw new UsageException(missing.message());
      }
      analyses.add(((JavaProject.Analyzed) outcome).analysis());
    }
    return new Code(analyses, project.sources().findings());
  }

  private static String functionName(List<Path> paths) {
    Path first = paths.get(0).toAbsolutePath().normalize();
    return first.getFileName() == null ? "function" : first.getFileName().toString();
  }
}
