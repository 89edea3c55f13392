package dev.minrole.cli;

/** The exit codes of every command, as documented in {@code --help} and the README. */
final class ExitCodes {
  static final int OK = 0;
  static final int SOFTWARE = 1;
  static final int USAGE = 2;
  /** {@code generate --strict}: some CloudTrail input could not be read completely. */
  static final int PARTIAL_INPUT = 5;

  private ExitCodes() {}
}
