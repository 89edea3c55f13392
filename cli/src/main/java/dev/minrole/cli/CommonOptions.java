package dev.minrole.cli;

import picocli.CommandLine.Option;

/** Options every command has. */
final class CommonOptions {
  @Option(
      names = "--verbose",
      description = "Print informational findings and stack traces of internal errors.")
  boolean verbose;
}
