package dev.minrole.generator.synth;

import dev.minrole.generator.catalog.AccessLevel;
import dev.minrole.generator.catalog.IamCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * Groups permissions into statements: actions that need exactly the same resources under exactly
 * the same conditions share a statement, so grouping never grants an action on a resource it was
 * not asked for. Statements are per service unless {@code acrossServices} (used to shorten a policy
 * that is over its size limit), and named by {@link StatementIds}.
 */
final class StatementGrouper {
  private static final String SEP = "\u0000";

  private final IamCatalog catalog;

  StatementGrouper(IamCatalog catalog) {
    this.catalog = catalog;
  }

  private record Group(Set<String> actions, List<String> resources, List<Condition> conditions) {}

  List<IamStatement> statements(
      List<Permission> permissions, Map<String, String> labels, boolean acrossServices) {
    Map<String, Set<String>> resourcesByAction = new TreeMap<>();
    Map<String, List<Condition>> conditionsByKey = new HashMap<>();
    for (Permission p : permissions) {
      String key = p.action() + SEP + p.conditions();
      resourcesByAction.computeIfAbsent(key, k -> new TreeSet<>()).add(p.resource());
      conditionsByKey.put(key, p.conditions());
    }
    Map<String, Group> groups = new TreeMap<>();
    for (Map.Entry<String, Set<String>> e : resourcesByAction.entrySet()) {
      String action = e.getKey().substring(0, e.getKey().indexOf(SEP));
      List<Condition> conditions = conditionsByKey.get(e.getKey());
      String service = acrossServices ? "" : prefix(action);
      String key = service + SEP + e.getValue() + SEP + conditions;
      groups
          .computeIfAbsent(
              key, k -> new Group(new TreeSet<>(), List.copyOf(e.getValue()), conditions))
          .actions()
          .add(action);
    }
    List<Group> ordered = new ArrayList<>(groups.values());
    ordered.sort(
        Comparator.comparing((Group g) -> g.actions().iterator().next())
            .thenComparing(g -> g.resources().toString())
            .thenComparing(g -> g.conditions().toString()));
    List<IamStatement> statements = new ArrayList<>();
    Map<String, Integer> sidCount = new HashMap<>();
    for (Group group : ordered) {
      String sid = sid(group, labels);
      int n = sidCount.merge(sid, 1, Integer::sum);
      statements.add(statement(n == 1 ? sid : sid + n, group));
    }
    return statements;
  }

  private String sid(Group group, Map<String, String> labels) {
    Set<String> prefixes = new TreeSet<>();
    Set<AccessLevel> levels = EnumSet.noneOf(AccessLevel.class);
    for (String action : group.actions()) {
      prefixes.add(prefix(action));
      catalog.action(action).ifPresent(a -> levels.add(a.access()));
    }
    List<String> resourceLabels = new ArrayList<>();
    group
        .resources()
        .forEach(r -> resourceLabels.add(labels.getOrDefault(r, ArnBuilder.labelOf(r))));
    return StatementIds.of(List.copyOf(prefixes), levels, resourceLabels);
  }

  private static IamStatement statement(String sid, Group group) {
    IamStatement.Builder statement = IamStatement.builder().sid(sid).effect(IamEffect.ALLOW);
    group.actions().forEach(statement::addAction);
    group.resources().forEach(statement::addResource);
    for (Condition c : group.conditions()) {
      for (String value : c.values()) {
        statement.addCondition(IamConditionOperator.create(c.operator()), c.key(), value);
      }
    }
    return statement.build();
  }

  static String prefix(String action) {
    int colon = action.indexOf(':');
    return colon < 0 ? action : action.substring(0, colon);
  }
}
