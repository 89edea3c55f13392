package dev.minrole.generator.diff;

import java.util.List;

/**
 * How a current policy treats one needed permission: the verdict, the resource it was judged on
 * (the needed one, or with the region and account a grant names filled in, see {@link
 * PolicyEvaluator}), and the statements that decided it.
 */
record Evaluation(
    Access access,
    String resource,
    List<StatementView> allows,
    List<StatementView> conditionalAllows,
    List<StatementView> denies,
    List<StatementView> boundaryGrants,
    String assumption) {

  Evaluation {
    allows = List.copyOf(allows);
    conditionalAllows = List.copyOf(conditionalAllows);
    denies = List.copyOf(denies);
    boundaryGrants = List.copyOf(boundaryGrants);
  }

  /** A grant covers the resource as written, not a wider pattern. */
  boolean exactlyGranted() {
    return allows.stream()
        .anyMatch(
            s -> s.resources() instanceof ResourceSet.Listed l && l.patterns().contains(resource));
  }
}
