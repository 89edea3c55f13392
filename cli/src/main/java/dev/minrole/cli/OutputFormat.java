package dev.minrole.cli;

/** What {@code generate} prints. */
enum OutputFormat {
  json,
  report
}
