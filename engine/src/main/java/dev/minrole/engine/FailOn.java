package dev.minrole.engine;

import dev.minrole.generator.diff.DiffKind;
import dev.minrole.generator.diff.DiffReport;
import java.util.Optional;

/**
 * Which differences fail a check ({@code minrole diff --fail-on}, the Maven plugin's {@code
 * failOn}): {@code missing}, {@code excess} (excess or broader), {@code any} of them, or {@code
 * none}.
 */
public enum FailOn {
  missing,
  excess,
  any,
  none;

  /**
   * The difference that fails the check, if any: {@link DiffKind#MISSING} when something needed is
   * missing and this fails on it, else {@link DiffKind#EXCESS} when something is excess or broader
   * and this fails on that, else empty.
   */
  public Optional<DiffKind> failure(DiffReport report) {
    boolean missingFails = (this == missing || this == any) && report.count(DiffKind.MISSING) > 0;
    boolean excessFails =
        (this == excess || this == any)
            && report.count(DiffKind.EXCESS) + report.count(DiffKind.BROADER) > 0;
    if (missingFails) {
      return Optional.of(DiffKind.MISSING);
    }
    return excessFails ? Optional.of(DiffKind.EXCESS) : Optional.empty();
  }
}
