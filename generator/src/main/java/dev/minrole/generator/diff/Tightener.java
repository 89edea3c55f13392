package dev.minrole.generator.diff;

import dev.minrole.generator.synth.Condition;
import dev.minrole.generator.synth.Evidence;
import dev.minrole.generator.synth.FunctionPolicy;
import dev.minrole.generator.synth.Permission;
import dev.minrole.generator.synth.PolicySynthesizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * Cuts a current policy down to what the function needs, and never grants more than it: each needed
 * permission (from the code, observed in CloudTrail, or required by the platform) is kept only
 * where the current policy grants it, scoped to the needed resource, with the grant's conditions
 * when the grant has some; Deny statements that touch a kept permission are kept as they are.
 * Everything else is removed. Needed permissions the current policy does not grant are reported,
 * and added only when asked.
 */
public final class Tightener {
  /** {@code --add-missing} and {@code --drop-observed}. */
  public record Options(boolean addMissing, boolean dropObserved) {}

  private final PolicySynthesizer synthesizer;

  public Tightener(PolicySynthesizer synthesizer) {
    this.synthesizer = synthesizer;
  }

  public Tightened tighten(FunctionPolicy needed, CurrentPolicy current, Options options) {
    PolicyEvaluator evaluator = new PolicyEvaluator(current);
    Set<StatementView> identity = new HashSet<>(evaluator.identityStatements());
    List<Permission> kept = new ArrayList<>();
    List<Permission> missing = new ArrayList<>();
    List<Permission> dropped = new ArrayList<>();
    Set<StatementView> denies = new LinkedHashSet<>();
    for (Permission need : needed.permissions()) {
      if (options.dropObserved()
          && need.evidence().stream().allMatch(e -> e instanceof Evidence.Trail)) {
        dropped.add(need);
        continue;
      }
      Evaluation ev = evaluator.evaluate(need.action(), need.resource(), need.conditions());
      switch (ev.access()) {
        case GRANTED -> kept.add(scoped(need, ev.resource(), need.conditions()));
        case CONDITIONAL -> {
          List<Condition> conditions =
              ev.allows().isEmpty()
                  ? withGrantConditions(need, ev.conditionalAllows().get(0))
                  : need.conditions();
          kept.add(scoped(need, ev.resource(), conditions));
          ev.denies().stream().filter(identity::contains).forEach(denies::add);
        }
        default -> {
          missing.add(need);
          if (options.addMissing()) {
            kept.add(need);
          }
        }
      }
    }
    Optional<FunctionPolicy> policy = Optional.empty();
    if (!kept.isEmpty()) {
      FunctionPolicy allows =
          synthesizer.synthesize(
              needed.name(), needed.handler(), List.of(), kept, needed.findings());
      List<IamStatement> statements = new ArrayList<>(allows.statements());
      denies.forEach(d -> statements.add(statement(d, current)));
      IamPolicy tightened =
          IamPolicy.builder().version(PolicySynthesizer.VERSION).statements(statements).build();
      policy =
          Optional.of(
              new FunctionPolicy(
                      needed.name(),
                      needed.handler(),
                      tightened,
                      allows.permissions(),
                      allows.findings())
                  .withDeployment(needed.deployment()));
    }
    return new Tightened(policy, missing, options.addMissing(), dropped);
  }

  private static Permission scoped(Permission need, String resource, List<Condition> conditions) {
    return new Permission(need.action(), resource, conditions, need.evidence());
  }

  /** The grant's conditions, and the needed ones on keys the grant does not constrain. */
  private static List<Condition> withGrantConditions(Permission need, StatementView grant) {
    List<Condition> out = new ArrayList<>(grant.conditions());
    for (Condition c : need.conditions()) {
      boolean constrained =
          grant.conditions().stream()
              .anyMatch(
                  g ->
                      g.operator().equalsIgnoreCase(c.operator())
                          && g.key().equalsIgnoreCase(c.key()));
      if (!constrained) {
        out.add(c);
      }
    }
    return out;
  }

  /** The Deny statement as the current policy writes it. */
  private static IamStatement statement(StatementView deny, CurrentPolicy current) {
    int i = deny.ref().index();
    for (PolicyDocument d : current.identity()) {
      if (i < d.policy().statements().size() && d.statement(i).equals(deny.ref())) {
        return d.policy().statements().get(i);
      }
    }
    throw new IllegalStateException("deny statement not in the current policy: " + deny.ref());
  }
}
