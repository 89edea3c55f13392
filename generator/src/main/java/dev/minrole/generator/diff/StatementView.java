package dev.minrole.generator.diff;

import dev.minrole.generator.synth.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.policybuilder.iam.IamAction;
import software.amazon.awssdk.policybuilder.iam.IamCondition;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamResource;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/** What one statement of a current policy means: its effect, actions, resources and conditions. */
record StatementView(
    StatementRef ref,
    boolean allow,
    ActionSet actions,
    ResourceSet resources,
    List<Condition> conditions) {

  StatementView {
    conditions = List.copyOf(conditions);
  }

  static StatementView of(PolicyDocument document, int index) {
    IamStatement s = document.policy().statements().get(index);
    List<String> actions = s.actions().stream().map(IamAction::value).toList();
    List<String> resources = s.resources().stream().map(IamResource::value).toList();
    return new StatementView(
        document.statement(index),
        IamEffect.ALLOW.value().equals(s.effect().value()),
        s.notActions().isEmpty()
            ? new ActionSet.Listed(actions)
            : new ActionSet.AllExcept(s.notActions().stream().map(IamAction::value).toList()),
        s.notResources().isEmpty()
            ? new ResourceSet.Listed(resources)
            : new ResourceSet.AllExcept(s.notResources().stream().map(IamResource::value).toList()),
        conditions(s.conditions()));
  }

  /** Every statement of the documents, in order. */
  static List<StatementView> all(List<PolicyDocument> documents) {
    List<StatementView> out = new ArrayList<>();
    for (PolicyDocument d : documents) {
      for (int i = 0; i < d.policy().statements().size(); i++) {
        out.add(of(d, i));
      }
    }
    return out;
  }

  boolean conditional() {
    return !conditions.isEmpty();
  }

  /**
   * True if a request made under {@code needed} conditions always meets this statement's
   * conditions: each of them is among the needed ones with no more values (values of one key are
   * alternatives), or one every SDK request meets ({@link SdkRequestFacts}). Anything else counts
   * as "may not apply".
   */
  boolean conditionsHoldUnder(List<Condition> needed) {
    for (Condition c : conditions) {
      boolean held =
          SdkRequestFacts.alwaysMet(c)
              || needed.stream()
                  .anyMatch(
                      n ->
                          n.operator().equalsIgnoreCase(c.operator())
                              && n.key().equalsIgnoreCase(c.key())
                              && c.values().containsAll(n.values()));
      if (!held) {
        return false;
      }
    }
    return true;
  }

  /** The conditions as one line: {@code StringEquals aws:SourceVpc vpc-1}. */
  String describeConditions() {
    List<String> parts = new ArrayList<>();
    for (Condition c : conditions) {
      parts.add(c.operator() + " " + c.key() + " " + String.join("|", c.values()));
    }
    return String.join(" and ", parts);
  }

  static List<Condition> conditions(List<IamCondition> conditions) {
    Map<String, List<String>> byKey = new TreeMap<>();
    Map<String, String[]> names = new TreeMap<>();
    for (IamCondition c : conditions) {
      String key = c.operator().value() + "\u0000" + c.key().value();
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(c.value());
      names.put(key, new String[] {c.operator().value(), c.key().value()});
    }
    List<Condition> out = new ArrayList<>();
    byKey.forEach((k, values) -> out.add(new Condition(names.get(k)[0], names.get(k)[1], values)));
    return out;
  }
}
