package dev.minrole.cli;

import dev.minrole.engine.Analysis;
import dev.minrole.engine.Engine;
import dev.minrole.engine.OutputFiles;
import dev.minrole.engine.OutputFormat;
import dev.minrole.engine.RequestException;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.render.ExplainRenderer;
import dev.minrole.generator.render.Renderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code minrole generate}: the least-privilege policy of each function. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Analyze a Java Lambda function and print the smallest IAM policy it needs.",
      "",
      "Examples:",
      "  minrole generate app/src/main/java --handler com.example.Handler::handleRequest",
      "  minrole generate . --handler com.example.Handler --format report --env TABLE=orders",
      "  minrole generate . --handler com.example.Handler --format cfn --region eu-west-1",
      "  minrole generate . --handler com.example.Handler --explain",
      "  minrole generate . --format cfn --out roles/",
      "  minrole generate app/src/main/java --handler com.example.Handler \\",
      "      --cloudtrail AWSLogs/ --role-arn arn:aws:iam::123456789012:role/orders-fn --since 30d",
      "  minrole generate --cloudtrail AWSLogs/ --role-arn arn:aws:iam::123456789012:role/orders-fn",
      "  minrole generate . --handler com.example.Handler --role-arn arn:aws:iam::123456789012:role/orders-fn \\",
      "      --athena-table default.cloudtrail_logs --athena-output s3://my-athena-results/minrole/",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:A policy was written (warnings go to stderr).",
      "1:Internal error (run again with --verbose for the stack trace).",
      "2:Bad usage or unreadable input, e.g. the handler is not in the sources, or --out DIR cannot"
          + " be written.",
      "6:--strict was given and some CloudTrail input could not be read completely (the policy is"
          + " still written)."
    })
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Mixin TrailOptions trail;

  @Mixin CommonOptions common;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "json",
      description = {
        "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
        "json: the IAM policy; yaml: the same in YAML; cfn: an AWS::IAM::Role template;"
            + " sam: a Policies: block for AWS::Serverless::Function; terraform: an"
            + " aws_iam_policy_document and aws_iam_role_policy (referencing a Terraform configuration's"
            + " own resources); serverless: iamRoleStatements for serverless.yml; report: the JSON"
            + " report."
      })
  OutputFormat format;

  @Option(
      names = "--explain",
      description =
          "Print, instead of the policy, why each permission is there: the evidence, access level and"
              + " findings of every action. Cannot be combined with --format.")
  boolean explain;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Write one file per function into DIR (created if needed) instead of printing: named"
              + " after the function's logical id, or its handler class without a template, with"
              + " the format's extension (.json, .yaml, .cfn.yaml, .sam.yaml, .tf, .report.json,"
              + " .explain.txt). Each written file is named on stderr.")
  Path outDir;

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      defaultValue = "auto",
      description =
          "Colour in --explain: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, colour when stdout is a terminal).")
  ColorMode color;

  @Override
  public Integer call() {
    if (explain && spec.commandLine().getParseResult().hasMatchedOption("--format")) {
      throw new RequestException(
          "--explain prints the explanation instead of the policy; drop --format " + format);
    }
    if (outDir != null) {
      OutputFiles.prepare(outDir);
    }
    Analysis result =
        Engine.bundled()
            .generate(source.request(trail.requested() ? trail : null, ProgressBar.forStderr()));
    PrintWriter err = spec.commandLine().getErr();
    Renderer renderer;
    if (explain) {
      renderer = new ExplainRenderer(IamCatalog.bundled(), outDir == null && color.enabled());
    } else {
      Diagnostics.print(err, result, common.verbose);
      renderer = format.renderer(source.arnContext());
    }
    if (outDir != null) {
      for (Path file : OutputFiles.write(outDir, renderer, result.functions(), result.findings())) {
        err.println("minrole: wrote " + file);
      }
      err.flush();
      return exitCode(result);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(renderer.render(result.functions(), result.findings()));
    out.flush();
    return exitCode(result);
  }

  private int exitCode(Analysis result) {
    return trail.strict && result.partialInput() ? ExitCodes.PARTIAL_INPUT : ExitCodes.OK;
  }
}
