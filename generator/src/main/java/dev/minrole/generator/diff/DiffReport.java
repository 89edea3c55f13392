package dev.minrole.generator.diff;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.Severity;
import java.util.List;

/**
 * One run of {@code minrole diff}: what was compared with what, each function's diff, and the
 * findings that belong to no single function. With {@link Baseline#BASE_REF} the "current" side is
 * the needed policy at a git ref, so {@code missing} reads "added by this change" and {@code
 * excess} "removed".
 */
public record DiffReport(
    Baseline baseline, String current, List<FunctionDiff> functions, List<Finding> findings) {

  /** What the needed policy is compared with. */
  public enum Baseline {
    /** A current policy: files, a live role, a template. */
    CURRENT,
    /** The needed policy at a git ref ({@code --base-ref}). */
    BASE_REF
  }

  public DiffReport {
    functions = List.copyOf(functions);
    findings = findings.stream().distinct().sorted().toList();
  }

  public long count(DiffKind kind) {
    return functions.stream().mapToLong(f -> f.count(kind)).sum();
  }

  public boolean partial() {
    return functions.stream().anyMatch(FunctionDiff::partial)
        || findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  /** The word output uses for a kind: {@code missing}, or {@code added} against a git ref. */
  public String word(DiffKind kind) {
    if (baseline == Baseline.CURRENT) {
      return kind.label();
    }
    return switch (kind) {
      case MISSING -> "added";
      case EXCESS -> "removed";
      case BROADER -> "narrowed";
      case MATCHED -> "unchanged";
    };
  }
}
