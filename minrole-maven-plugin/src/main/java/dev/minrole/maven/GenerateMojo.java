package dev.minrole.maven;

import dev.minrole.engine.Analysis;
import dev.minrole.engine.AnalysisRequest;
import dev.minrole.engine.Engine;
import dev.minrole.engine.OutputFiles;
import dev.minrole.engine.OutputFormat;
import dev.minrole.engine.RequestException;
import dev.minrole.generator.render.ReportRenderer;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code minrole:generate}: writes the least-privilege policy of each Lambda function of this
 * project to {@code target/minrole/<Function>.json} (in the chosen format), and the JSON report of
 * all of them to {@code target/minrole/report.json}. Findings are logged as warnings; the build
 * fails only on bad configuration.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public final class GenerateMojo extends AbstractMinroleMojo {
  /** The per-function output: json, yaml, cfn, sam, terraform or report (as minrole generate). */
  @Parameter(property = "minrole.format", defaultValue = "json")
  OutputFormat format;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Optional<AnalysisRequest> request = request();
    if (request.isEmpty()) {
      return;
    }
    try {
      Analysis analysis = Engine.bundled().generate(request.get());
      log(analysis);
      if (analysis.functions().isEmpty()) {
        getLog().info("minrole: no function of the template has its code in this project");
        return;
      }
      Path dir = outputDirectory.toPath();
      OutputFiles.prepare(dir);
      for (Path file :
          OutputFiles.write(
              dir,
              format.renderer(request.get().arnContext()),
              analysis.functions(),
              analysis.findings())) {
        getLog().info("minrole: wrote " + file);
      }
      Path report =
          write(
              "report.json",
              new ReportRenderer().render(analysis.functions(), analysis.findings()));
      getLog().info("minrole: wrote " + report);
    } catch (RequestException e) {
      throw new MojoFailureException("minrole: " + e.getMessage(), e);
    }
  }
}
