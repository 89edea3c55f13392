package dev.minrole.cli;

/** The exit codes of every command, as documented in {@code --help} and the README. */
final class ExitCodes {
  static final int OK = 0;
  static final int SOFTWARE = 1;
  static final int USAGE = 2;
  /** {@code validate}: at least one policy has errors. */
  static final int POLICY_ERRORS = 3;

  private ExitCodes() {}
}
