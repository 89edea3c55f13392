package dev.minrole.generator.diff;

import dev.minrole.analyzer.model.Finding;
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
 *
 * <p>For a function that is not complete, {@code keptAsWritten} are the current policy's statements
 * kept as they are because they grant something {@code unverified}, and {@code incompleteness} the
 * findings that say why; both are empty for a complete function.
 */
public record Tightened(
    Optional<FunctionPolicy> policy,
    List<Permission> missing,
    boolean missingAdded,
    List<Permission> droppedObserved,
    List<StatementRef> keptAsWritten,
    List<Finding> incompleteness) {

  public Tightened {
    missing = List.copyOf(missing);
    droppedObserved = List.copyOf(droppedObserved);
    keptAsWritten = List.copyOf(keptAsWritten);
    incompleteness = List.copyOf(incompleteness);
  }

  /** True if minrole saw all the code the function runs. */
  public boolean complete() {
    return incompleteness.isEmpty();
  }
}
