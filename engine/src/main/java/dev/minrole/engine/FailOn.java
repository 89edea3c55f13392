package dev.minrole.engine;

import dev.minrole.generator.diff.DiffKind;
import dev.minrole.generator.diff.DiffReport;
import java.util.Optional;

/**
 * Which differences fail a check ({@code minrole diff --fail-on}, the Maven plugin's {@code
 * failOn}): {@code missing}, {@code excess} (excess or broader), {@code any} of them, or {@code
 * none}. In order: something needed is missing, else some function compared is incomplete (minrole
 * could not see all its code, so its grants are unverified), else something is excess or broader.
 *
 * <p>{@code any} fails on all three. {@code missing} fails on missing and on incomplete, since an
 * incomplete function may lack what minrole could not see; {@code excess} fails on excess and on
 * incomplete, since minrole could not check an incomplete function's grants. {@code none} never
 * fails.
 */
public enum FailOn {
  missing,
  excess,
  any,
  none;

  /**
   * The difference that fails the check, if any: {@link DiffKind#MISSING} when something needed is
   * missing and this fails on it, else {@link DiffKind#UNVERIFIED} when a function compared is
   * incomplete, else {@link DiffKind#EXCESS} when something is excess or broader and this fails on
   * that, else empty.
   */
  public Optional<DiffKind> failure(DiffReport report) {
    if (this == none) {
      return Optional.empty();
    }
    if ((this == missing || this == any) && report.count(DiffKind.MISSING) > 0) {
      return Optional.of(DiffKind.MISSING);
    }
    if (!report.complete()) {
      return Optional.of(DiffKind.UNVERIFIED);
    }
    boolean excessFails =
        (this == excess || this == any)
            && report.count(DiffKind.EXCESS) + report.count(DiffKind.BROADER) > 0;
    return excessFails ? Optional.of(DiffKind.EXCESS) : Optional.empty();
  }
}
