package dev.minrole.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code minrole catalog}: look things up in minrole's IAM knowledge base. */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = {
      "Look up IAM actions and how SDK calls map to them.",
      "",
      "Examples:",
      "  minrole catalog action 's3:Get*'",
      "  minrole catalog sdk S3Client.headObject",
      "  minrole catalog coverage",
      "  minrole catalog libraries",
      ""
    },
    subcommands = {
      CatalogActionCommand.class,
      CatalogSdkCommand.class,
      CatalogCoverageCommand.class,
      CatalogLibrariesCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Success.",
      "1:Internal error (run again with --verbose for the stack trace).",
      "2:Bad usage, or nothing matches what was asked for."
    })
final class CatalogCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a catalog command: action, sdk, coverage or libraries");
  }
}
