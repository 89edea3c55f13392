package dev.minrole.generator.diff;

import dev.minrole.generator.catalog.CoverIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Unconditional Deny statements, indexed by their action and resource patterns, so that asking
 * whether one takes a grant away looks at the few that may, not at every Deny of the policy: a
 * policy of thousands of statements is read in time linear in its size. {@code NotAction} and
 * {@code NotResource} Denies may apply to anything and are always looked at.
 */
final class DenyIndex {
  private final List<StatementView> denies;
  private final CoverIndex actions = new CoverIndex(true);
  private final CoverIndex resources = new CoverIndex(false);
  private final List<Integer> anyAction = new ArrayList<>();
  private final List<Integer> anyResource = new ArrayList<>();

  DenyIndex(List<StatementView> denies) {
    this.denies = List.copyOf(denies);
    for (int i = 0; i < this.denies.size(); i++) {
      StatementView d = this.denies.get(i);
      if (d.actions() instanceof ActionSet.Listed listed) {
        for (String p : listed.patterns()) {
          actions.add(p, i);
        }
      } else {
        anyAction.add(i);
      }
      if (d.resources() instanceof ResourceSet.Listed listed) {
        for (String p : listed.patterns()) {
          resources.add(p, i);
        }
      } else {
        anyResource.add(i);
      }
    }
  }

  /** True if some Deny names {@code action} and every ARN {@code resource} names. */
  boolean deniesAll(String action, String resource) {
    boolean byAction = actions.count(action) <= resources.count(resource);
    TreeSet<Integer> candidates =
        new TreeSet<>(byAction ? actions.candidates(action) : resources.candidates(resource));
    candidates.addAll(byAction ? anyAction : anyResource);
    for (int i : candidates) {
      StatementView d = denies.get(i);
      if (d.actions().matches(action) && d.resources().covers(resource)) {
        return true;
      }
    }
    return false;
  }
}
