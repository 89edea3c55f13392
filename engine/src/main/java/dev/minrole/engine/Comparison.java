package dev.minrole.engine;

import dev.minrole.generator.diff.CurrentPolicy;
import dev.minrole.generator.diff.DiffReport;
import java.util.List;

/**
 * A diff and what it was made against: {@code baselines} are the current policies compared with, in
 * order (the one given, or one per template function's role; none against a git ref), each with the
 * findings about what could not be read.
 */
public record Comparison(DiffReport report, List<CurrentPolicy> baselines) {
  public Comparison {
    baselines = List.copyOf(baselines);
  }
}
