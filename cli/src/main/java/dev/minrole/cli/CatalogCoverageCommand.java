package dev.minrole.cli;

import dev.minrole.analyzer.sdk.SdkInventory;
import dev.minrole.generator.mapping.CoverageReport;
import dev.minrole.generator.mapping.OperationMapper;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code minrole catalog coverage}: how much of the SDK the mapping covers. */
@Command(
    name = "coverage",
    mixinStandardHelpOptions = true,
    description = {
      "Print, as a Markdown table, how the operations of the 30 services Lambda functions use",
      "most are mapped: by the default rule, by a curated override, classified as permissionless",
      "or unmapped (with a reason), or not covered. The same table is in docs/iam-data.md.",
      "",
      "Examples:",
      "  minrole catalog coverage",
      "  minrole catalog coverage --missing",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Success.",
      "1:Internal error (run again with --verbose for the stack trace)."
    })
final class CatalogCoverageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(
      names = "--missing",
      description = "List the operations of the 30 services that are not covered, one a line.")
  boolean missing;

  @Override
  public Integer call() {
    CoverageReport report = CoverageReport.of(SdkInventory.bundled(), OperationMapper.bundled());
    PrintWriter out = spec.commandLine().getOut();
    if (missing) {
      report.total().unclassified().stream().sorted().forEach(out::println);
    } else {
      out.print(report.markdown());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
