package dev.minrole.cli;

/** The exit codes of every command, as documented in {@code --help} and the README. */
final class ExitCodes {
  static final int OK = 0;
  static final int SOFTWARE = 1;
  static final int USAGE = 2;

  /** Every command: the result could not be written to stdout (an I/O error, like bad input). */
  static final int UNWRITTEN = 2;

  /** {@code validate}: at least one policy has errors. */
  static final int POLICY_ERRORS = 3;

  /** diff and tighten: something the code needs is not granted. */
  static final int MISSING = 3;

  /** diff: nothing is missing, but something granted is excess or broader than needed. */
  static final int EXCESS = 4;

  /** tighten --access-analyzer: Access Analyzer found new access or policy errors. */
  static final int ACCESS_ANALYZER = 5;

  /** {@code generate --strict}: some CloudTrail input could not be read completely. */
  static final int PARTIAL_INPUT = 6;

  private ExitCodes() {}
}
