package dev.minrole.generator.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One IAM action an operation needs, possibly only when the request sets certain members, on a
 * resource type whose ARN variables are bound to request members. {@code each} repeats the rule
 * for every element of a list member ({@code TransactItems[*].Put}).
 */
public record ActionRule(
    String action,
    Optional<String> resourceType,
    Map<String, List<VariableSource>> bind,
    Optional<When> when,
    Optional<String> each,
    List<ConditionTemplate> conditions) {

  public ActionRule {
    bind = Map.copyOf(bind);
    conditions = List.copyOf(conditions);
  }

  public static ActionRule simple(String action) {
    return new ActionRule(action, Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), List.of());
  }
}
