package dev.minrole.generator.diff;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.Severity;
import java.util.List;

/**
 * One run of {@code minrole diff}: what was compared with what, each function's diff, and the
 * findings that belong to no single function. With {@link Baseline#BASE_REF} the "current" side is
 * the needed policy at a git ref, so {@code missing} reads "added by this change" and {@code
 * excess} "removed". A function that is not complete has {@code unverified} entries instead of
 * excess and broader ones, against either baseline.
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

  private static final List<DiffKind> KINDS_OF_COMPLETE =
      List.of(DiffKind.MISSING, DiffKind.BROADER, DiffKind.EXCESS, DiffKind.MATCHED);

  public DiffReport {
    functions = List.copyOf(functions);
    findings = findings.stream().distinct().sorted().toList();
  }

  public long count(DiffKind kind) {
    return functions.stream().mapToLong(f -> f.count(kind)).sum();
  }

  /** True if minrole saw all the code of every function compared. */
  public boolean complete() {
    return functions.stream().allMatch(FunctionDiff::complete);
  }

  /**
   * The kinds output shows, in order: {@code unverified} only when some function is incomplete (no
   * complete function has any).
   */
  public List<DiffKind> kinds() {
    return complete() ? KINDS_OF_COMPLETE : List.of(DiffKind.values());
  }

  /** The kinds output shows for one function: {@code unverified} only when it is incomplete. */
  public static List<DiffKind> kinds(FunctionDiff function) {
    return function.complete() ? KINDS_OF_COMPLETE : List.of(DiffKind.values());
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
      case UNVERIFIED -> "unverified";
      case MATCHED -> "unchanged";
    };
  }
}
