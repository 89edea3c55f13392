package dev.minrole.cli;

import dev.minrole.generator.diff.DiffKind;
import java.util.Optional;

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

  /**
   * diff and tighten: nothing is missing, but minrole could not see all the code of some function
   * compared, so its grants are unverified. The same number as {@link #PARTIAL_INPUT}: in both,
   * minrole could not see all of its input.
   */
  static final int INCOMPLETE = 6;

  private ExitCodes() {}

  /**
   * The exit code of a check: {@link #MISSING}, {@link #INCOMPLETE}, {@link #EXCESS} or {@link
   * #OK}.
   */
  static int of(Optional<DiffKind> failure) {
    return failure
        .map(
            k ->
                switch (k) {
                  case MISSING -> MISSING;
                  case UNVERIFIED -> INCOMPLETE;
                  default -> EXCESS;
                })
        .orElse(OK);
  }
}
