package dev.minrole.generator.diff;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.Severity;
import java.util.List;

/**
 * How one function's needed permissions compare with its current policy: the classified entries,
 * sorted, and the findings of both sides. {@code partial} is true when a finding says part of what
 * the function needs may be missing from the needed side.
 */
public record FunctionDiff(
    String name, String handler, List<DiffEntry> entries, List<Finding> findings) {
  public FunctionDiff {
    entries = entries.stream().sorted().toList();
    findings = findings.stream().distinct().sorted().toList();
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
}
