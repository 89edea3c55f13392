package dev.minrole.generator.diff;

import dev.minrole.generator.catalog.Glob;
import java.util.List;

/**
 * The resources a statement names: its {@code Resource} patterns, or everything but its {@code
 * NotResource} patterns. Needed resources are patterns too ({@code arn:aws:s3:::media/*}), so every
 * question here is about sets of ARNs, answered on the safe side (see {@link Glob}).
 */
sealed interface ResourceSet {

  /** {@code "Resource": [...]}. */
  record Listed(List<String> patterns) implements ResourceSet {
    public Listed {
      patterns = List.copyOf(patterns);
    }
  }

  /** {@code "NotResource": [...]}: every resource except these. */
  record AllExcept(List<String> patterns) implements ResourceSet {
    public AllExcept {
      patterns = List.copyOf(patterns);
    }
  }

  /** True if the statement names every ARN {@code resource} names (an Allow that grants it all). */
  default boolean covers(String resource) {
    if (this instanceof Listed listed) {
      return listed.patterns().stream().anyMatch(p -> Glob.covers(p, resource));
    }
    return ((AllExcept) this)
        .patterns().stream().noneMatch(p -> Glob.overlaps(Glob.variablesAsWildcards(p), resource));
  }

  /** True if the statement may name some ARN {@code resource} names (a Deny that may deny it). */
  default boolean mayOverlap(String resource) {
    if (this instanceof Listed listed) {
      return listed.patterns().stream()
          .anyMatch(p -> Glob.overlaps(Glob.variablesAsWildcards(p), resource));
    }
    return ((AllExcept) this).patterns().stream().noneMatch(p -> Glob.covers(p, resource));
  }

  /** How the statement reads: the patterns, or {@code NotResource a, b}. */
  default String describe() {
    if (this instanceof Listed listed) {
      return String.join(", ", listed.patterns());
    }
    return "NotResource " + String.join(", ", ((AllExcept) this).patterns());
  }
}
