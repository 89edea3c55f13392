package dev.minrole.generator.synth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * One thing a function is allowed to do: an IAM action on a resource, under conditions, with the
 * evidence that it needs it.
 */
public record Permission(
    String action, String resource, List<Condition> conditions, List<Evidence> evidence)
    implements Comparable<Permission> {

  private static final Comparator<Permission> ORDER =
      Comparator.comparing(Permission::action)
          .thenComparing(Permission::resource)
          .thenComparing(p -> p.conditions().toString());

  public Permission {
    conditions = List.copyOf(new TreeSet<>(conditions));
    evidence = List.copyOf(new TreeSet<>(evidence));
  }

  /** The same permission with more evidence. */
  public Permission withEvidence(List<Evidence> more) {
    List<Evidence> all = new ArrayList<>(evidence);
    all.addAll(more);
    return new Permission(action, resource, conditions, all);
  }

  /** True if this and {@code other} differ at most in evidence. */
  public boolean sameGrant(Permission other) {
    return action.equals(other.action)
        && resource.equals(other.resource)
        && conditions.equals(other.conditions);
  }

  @Override
  public int compareTo(Permission other) {
    return ORDER.compare(this, other);
  }
}
