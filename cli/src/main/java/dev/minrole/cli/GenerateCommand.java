package dev.minrole.cli;

import dev.minrole.analyzer.model.Finding;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
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
      "2:Bad usage or unreadable input, e.g. the handler is not in the sources.",
      "5:--strict was given and some CloudTrail input could not be read completely (the policy is still written)."
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
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    Pipeline.Result result = Pipeline.generate(source, trail, ProgressBar.forStderr());
    PrintWriter out = spec.commandLine().getOut();
    List<Finding> all = new ArrayList<>(result.findings());
    result.functions().forEach(f -> all.addAll(f.findings()));
    Diagnostics.print(spec.commandLine().getErr(), all, common.verbose);
    out.print(format.renderer().render(result.functions(), result.findings()));
    out.flush();
    return trail.strict && result.partialInput() ? ExitCodes.PARTIAL_INPUT : ExitCodes.OK;
  }
}
