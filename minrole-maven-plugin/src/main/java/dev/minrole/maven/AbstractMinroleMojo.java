package dev.minrole.maven;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.Severity;
import dev.minrole.analyzer.template.TemplateDiscovery;
import dev.minrole.engine.Analysis;
import dev.minrole.engine.AnalysisRequest;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What both goals share: which sources and template to analyze, how to write ARNs, and how findings
 * are logged. A goal holds no state between executions, so parallel builds ({@code -T}) may run it
 * in several projects at once.
 */
abstract class AbstractMinroleMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  /** The Java source roots to analyze: by default the project's compile source roots. */
  @Parameter(defaultValue = "${project.compileSourceRoots}", readonly = true)
  List<String> compileSourceRoots = new ArrayList<>();

  /**
   * The SAM or CloudFormation template (YAML or JSON) or cdk.out stack template. By default {@code
   * template.yaml}, {@code template.yml}, {@code template.json} or {@code cdk.out/*.template.json}
   * in the project's directory, else in the directory Maven was started in (the top of a
   * multi-module build). In a multi-module build each module analyzes the template functions whose
   * {@code CodeUri} is that module.
   */
  @Parameter(property = "minrole.template")
  File template;

  /**
   * Handlers to analyze, as {@code pkg.Class::method} or {@code pkg.Class}; with a template, only
   * the template functions with these handlers. Without a template they are required.
   */
  @Parameter(property = "minrole.handlers")
  List<String> handlers = new ArrayList<>();

  /** The region in ARNs (default: {@code *}). */
  @Parameter(property = "minrole.region")
  String region;

  /** The 12-digit account id in ARNs (default: {@code *}). */
  @Parameter(property = "minrole.account")
  String account;

  /** Template parameter values, overriding their defaults. */
  @Parameter Map<String, String> parameters = new LinkedHashMap<>();

  /** Where the goals write their files. */
  @Parameter(
      property = "minrole.outputDirectory",
      defaultValue = "${project.build.directory}/minrole")
  File outputDirectory;

  /** Skips the goal. */
  @Parameter(property = "minrole.skip", defaultValue = "false")
  boolean skip;

  /**
   * The request for this project, or empty (with the reason logged) when there is nothing to do:
   * {@code minrole.skip} is set, no source root exists, or there is neither a template nor a
   * handler.
   */
  Optional<AnalysisRequest> request() throws MojoFailureException {
    if (skip) {
      getLog().info("minrole: skipped (minrole.skip)");
      return Optional.empty();
    }
    if (template != null && !template.isFile()) {
      throw new MojoFailureException(
          "minrole: <template> "
              + template
              + " is not a file; give the SAM or CloudFormation template, or leave <template> out"
              + " to use the template.yaml of the project");
    }
    List<Path> roots =
        compileSourceRoots.stream().map(Path::of).filter(Files::isDirectory).toList();
    if (roots.isEmpty()) {
      getLog().info("minrole: no Java sources in this project; nothing to analyze");
      return Optional.empty();
    }
    Path base = project.getBasedir().toPath();
    AnalysisRequest.Builder request =
        AnalysisRequest.builder()
            .paths(roots)
            .handlers(handlers)
            .parameters(parameters)
            .region(region)
            .account(account);
    Optional<Path> templateDirectory = templateDirectory(base);
    if (template != null) {
      request.template(template.toPath()).projectDirectory(base);
    } else if (templateDirectory.isPresent()) {
      request.templateDirectory(templateDirectory.get()).projectDirectory(base);
    } else if (handlers.isEmpty()) {
      getLog()
          .info(
              "minrole: no template.yaml, template.yml, template.json or cdk.out here and no"
                  + " <handlers>; nothing to analyze (configure <template> or <handlers>)");
      return Optional.empty();
    } else {
      request.noTemplate(true);
    }
    return Optional.of(request.build());
  }

  private Optional<Path> templateDirectory(Path base) {
    if (!TemplateDiscovery.in(base).isEmpty()) {
      return Optional.of(base);
    }
    String top = session.getExecutionRootDirectory();
    if (top != null && !TemplateDiscovery.in(Path.of(top)).isEmpty()) {
      return Optional.of(Path.of(top));
    }
    return Optional.empty();
  }

  /** Logs every finding, errors and warnings as such, information at debug level. */
  void log(List<Finding> findings) {
    for (Finding f : findings.stream().distinct().sorted().toList()) {
      String where = f.location().isKnown() ? f.location() + ": " : "";
      String line = "minrole: " + where + f.message() + " [" + f.id() + "]";
      if (f.severity() == Severity.ERROR) {
        getLog().error(line);
      } else if (f.severity() == Severity.WARNING) {
        getLog().warn(line);
      } else {
        getLog().debug(line);
      }
    }
  }

  void log(Analysis analysis) {
    log(analysis.allFindings());
  }

  /** Writes {@code text} to {@code name} in the output directory and returns the file. */
  Path write(String name, String text) throws MojoExecutionException {
    Path file = outputDirectory.toPath().resolve(name);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("minrole: cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }
}
