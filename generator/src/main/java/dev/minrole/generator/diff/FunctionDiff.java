package dev.minrole.generator.diff;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.Severity;
import java.util.List;

/**
 * How one function's needed permissions compare with its current policy: the classified entries,
 * sorted, and the findings of both sides. {@code partial} is true when a finding says part of what
 * the function needs may be missing from the needed side. {@code incompleteness} holds the findings
 * that hide code the function runs ({@link Finding#hidesCode()}); when there are any, the function
 * is not {@link #complete()} and its grants are {@code unverified}, never {@code excess} or {@code
 * broader}.
 */
public record FunctionDiff(
    String name,
    String handler,
    List<DiffEntry> entries,
    List<Finding> findings,
    List<Finding> incompleteness) {
  public FunctionDiff {
    entries = entries.stream().sorted().toList();
    findings = findings.stream().distinct().sorted().toList();
    incompleteness = incompleteness.stream().distinct().sorted().toList();
  }

  public List<DiffEntry> of(DiffKind kind) {
    return entries.stream().filter(e -> e.kind() == kind).toList();
  }

  public long count(DiffKind kind) {
    return entries.stream().filter(e -> e.kind() == kind).count();
  }

  public boolean partial() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  /** True if minrole saw all the code the function runs, so excess means excess. */
  public boolean complete() {
    return incompleteness.isEmpty();
  }

  /** {@code minrole could not see all the code the function runs (REFLECTIVE_CALL at ...)}. */
  public String incompleteBecause() {
    return HiddenCode.reason(incompleteness);
  }
}
