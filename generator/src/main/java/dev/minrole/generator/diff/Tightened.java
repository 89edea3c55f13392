package dev.minrole.generator.diff;

import dev.minrole.generator.synth.FunctionPolicy;
import dev.minrole.generator.synth.Permission;
import java.util.List;
import java.util.Optional;

/**
 * A tightened policy and what tightening did: the policy (empty when nothing the function needs is
 * granted), the needed permissions the current policy does not grant (added only with {@code
 * --add-missing}), and the observed-only permissions dropped by {@code --drop-observed}. What was
 * removed or narrowed is the {@code excess} and {@code broader} part of the diff of the current
 * policy ({@link PolicyDiff}).
 */
public record Tightened(
    Optional<FunctionPolicy> policy,
    List<Permission> missing,
    boolean missingAdded,
    List<Permission> droppedObserved) {

  public Tightened {
    missing = List.copyOf(missing);
    droppedObserved = List.copyOf(droppedObserved);
  }
}
