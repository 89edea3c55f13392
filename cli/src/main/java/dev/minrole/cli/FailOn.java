package dev.minrole.cli;

import dev.minrole.generator.diff.DiffKind;
import dev.minrole.generator.diff.DiffReport;

/**
 * {@code diff --fail-on}: which differences make the exit code non-zero. In order: 3 if something
 * needed is missing, else 6 if some function compared is incomplete (minrole could not see all its
 * code, so its grants are unverified), else 4 if something is excess or broader, else 0.
 *
 * <p>{@code any} fails on all three. {@code missing} fails on missing and on incomplete, since an
 * incomplete function may lack what minrole could not see; {@code excess} fails on excess and on
 * incomplete, since minrole could not check an incomplete function's grants. {@code none} never
 * fails.
 */
enum FailOn {
  missing,
  excess,
  any,
  none;

  int exitCode(DiffReport report) {
    if (this == none) {
      return ExitCodes.OK;
    }
    if ((this == missing || this == any) && report.count(DiffKind.MISSING) > 0) {
      return ExitCodes.MISSING;
    }
    if (!report.complete()) {
      return ExitCodes.INCOMPLETE;
    }
    boolean excessFails =
        (this == excess || this == any)
            && report.count(DiffKind.EXCESS) + report.count(DiffKind.BROADER) > 0;
    return excessFails ? ExitCodes.EXCESS : ExitCodes.OK;
  }
}
