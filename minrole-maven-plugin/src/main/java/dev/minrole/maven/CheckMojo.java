package dev.minrole.maven;

import dev.minrole.engine.Analysis;
import dev.minrole.engine.AnalysisRequest;
import dev.minrole.engine.Comparison;
import dev.minrole.engine.Engine;
import dev.minrole.engine.FailOn;
import dev.minrole.engine.RequestException;
import dev.minrole.engine.SourceUris;
import dev.minrole.generator.diff.CurrentPolicy;
import dev.minrole.generator.diff.DiffEntry;
import dev.minrole.generator.diff.DiffKind;
import dev.minrole.generator.diff.DiffReport;
import dev.minrole.generator.diff.FunctionDiff;
import dev.minrole.generator.diff.PolicyFiles;
import dev.minrole.generator.diff.PolicyInputException;
import dev.minrole.generator.render.DiffMarkdown;
import dev.minrole.generator.render.DiffSarif;
import dev.minrole.generator.synth.Evidence;
import dev.minrole.generator.synth.FunctionPolicy;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code minrole:check}: compares what each function needs with the role its template declares, or
 * with {@code currentPolicy}, writes {@code target/minrole/diff.md} and {@code
 * target/minrole/minrole.sarif}, and fails the build per {@code failOn}. A missing permission is
 * named with the file and line of the SDK call that needs it.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractMinroleMojo {
  /**
   * What fails the build: {@code missing} (a permission the code needs is not granted), {@code
   * excess} (something granted is excess or broader than needed), {@code any} (either, or a
   * function whose code minrole could not see completely), or {@code none}.
   */
  @Parameter(property = "minrole.failOn", defaultValue = "missing")
  FailOn failOn;

  /**
   * The current IAM policy to compare with (a JSON policy document or a list of them), instead of
   * the role the template declares.
   */
  @Parameter(property = "minrole.currentPolicy")
  File currentPolicy;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Optional<AnalysisRequest> request = request();
    if (request.isEmpty()) {
      return;
    }
    Comparison comparison;
    Analysis needed;
    try {
      Engine engine = Engine.bundled();
      needed = engine.needed(request.get());
      log(needed);
      if (needed.functions().isEmpty()) {
        getLog().info("minrole: no function of the template has its code in this project");
        return;
      }
      comparison = compare(engine, needed);
    } catch (RequestException e) {
      throw new MojoFailureException("minrole: " + e.getMessage(), e);
    }
    comparison.baselines().forEach(b -> log(b.findings()));
    DiffReport report = comparison.report();
    Path top = Path.of(session.getExecutionRootDirectory());
    getLog().info("minrole: wrote " + write("diff.md", new DiffMarkdown().render(report)));
    getLog()
        .info(
            "minrole: wrote "
                + write(
                    "minrole.sarif",
                    sarif(new SourceUris(request.get().paths(), top)).render(report)));
    List<String> failures = failures(report, needed);
    if (!failures.isEmpty()) {
      failures.forEach(getLog()::error);
      throw new MojoFailureException(
          "minrole: "
              + failures.size()
              + " problem(s) with the role of "
              + project.getArtifactId()
              + " (failOn="
              + failOn
              + "): "
              + String.join("; ", failures)
              + ". See "
              + outputDirectory.toPath().resolve("diff.md"));
    }
    getLog()
        .info(
            "minrole: "
                + report.count(DiffKind.MISSING)
                + " missing, "
                + report.count(DiffKind.EXCESS)
                + " excess, "
                + report.count(DiffKind.BROADER)
                + " broader (failOn="
                + failOn
                + ")");
  }

  private Comparison compare(Engine engine, Analysis needed) throws MojoFailureException {
    if (currentPolicy != null) {
      try {
        CurrentPolicy current =
            new PolicyFiles(
                    List.of(currentPolicy.toPath()), List.of(), project.getBasedir().toPath())
                .read();
        return engine.diff(needed, current);
      } catch (PolicyInputException e) {
        throw new MojoFailureException("minrole: " + e.getMessage(), e);
      }
    }
    List<String> undeclared =
        needed.functions().stream()
            .map(FunctionPolicy::name)
            .filter(name -> !needed.declared().containsKey(name))
            .toList();
    if (!undeclared.isEmpty()) {
      throw new MojoFailureException(
          "minrole: nothing to compare "
              + String.join(", ", undeclared)
              + " with: no template declares its role; configure <currentPolicy> with the role's"
              + " policy, or analyze a template function");
    }
    return engine.diffWithTemplateRoles(needed);
  }

  /** One line per reason the build fails, each missing permission with the code that needs it. */
  private List<String> failures(DiffReport report, Analysis needed) {
    List<String> out = new ArrayList<>();
    if (failOn.failure(report).isPresent()) {
      for (FunctionDiff f : report.functions()) {
        for (DiffEntry e : f.entries()) {
          if (counts(e.kind())) {
            out.add(describe(f, e));
          }
        }
      }
    }
    if (failOn == FailOn.any) {
      for (FunctionPolicy f : needed.functions()) {
        if (!f.complete()) {
          List<String> reasons =
              f.incompleteness().stream().map(i -> i.location() + ": " + i.message()).toList();
          out.add(
              f.name()
                  + ": minrole could not see all the code it runs ("
                  + String.join("; ", reasons)
                  + ")");
        }
      }
    }
    return out;
  }

  private boolean counts(DiffKind kind) {
    return switch (kind) {
      case MISSING -> failOn == FailOn.missing || failOn == FailOn.any;
      case EXCESS, BROADER -> failOn == FailOn.excess || failOn == FailOn.any;
      case MATCHED, UNVERIFIED -> false;
    };
  }

  /** SARIF whose code and template locations are relative to the top of the build. */
  private static DiffSarif sarif(SourceUris uris) {
    return new DiffSarif(uris, uris);
  }

  private static String describe(FunctionDiff f, DiffEntry e) {
    String line = f.name() + ": " + e.kind().label() + " " + e.action() + " on " + e.resource();
    if (e.evidence().isEmpty()) {
      return line;
    }
    return line
        + ", needed by "
        + String.join(", ", e.evidence().stream().map(Evidence::describe).toList());
  }
}
