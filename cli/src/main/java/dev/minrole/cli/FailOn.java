package dev.minrole.cli;

import dev.minrole.generator.diff.DiffKind;
import dev.minrole.generator.diff.DiffReport;

/** {@code diff --fail-on}: which differences make the exit code non-zero. */
enum FailOn {
  missing,
  excess,
  any,
  none;

  /**
   * 3 if something needed is missing, else 4 if something is excess or broader, else 0; narrowed by
   * this.
   */
  int exitCode(DiffReport report) {
    boolean missingFails = (this == missing || this == any) && report.count(DiffKind.MISSING) > 0;
    boolean excessFails =
        (this == excess || this == any)
            && report.count(DiffKind.EXCESS) + report.count(DiffKind.BROADER) > 0;
    if (missingFails) {
      return ExitCodes.MISSING;
    }
    return excessFails ? ExitCodes.EXCESS : ExitCodes.OK;
  }
}
