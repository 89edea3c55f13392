package dev.minrole.generator.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One IAM action an operation needs, possibly only when the request sets certain members, on a
 * resource type whose ARN variables are bound to request members. {@code each} repeats the rule for
 * every element of a list member ({@code TransactItems[*].Put}).
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

  /**
   * The rule in words: {@code s3:GetObjectVersion on object, when VersionId is set}, with its list,
   * bindings and conditions.
   */
  public String describe() {
    StringBuilder text = new StringBuilder(action);
    resourceType.ifPresent(r -> text.append(" on ").append(r));
    each.ifPresent(e -> text.append(", for each ").append(e));
    when.ifPresent(w -> text.append(", when ").append(w.describe()));
    new java.util.TreeMap<>(bind)
        .forEach(
            (variable, sources) ->
                text.append(", ")
                    .append(variable)
                    .append(" from ")
                    .append(
                        String.join(
                            " or ", sources.stream().map(VariableSource::describe).toList())));
    for (ConditionTemplate c : conditions) {
      text.append(", condition ")
          .append(c.operator())
          .append(' ')
          .append(c.key())
          .append(' ')
          .append(c.value().orElseGet(() -> c.member().map(m -> "<" + m + ">").orElse("")));
    }
    return text.toString();
  }

  public static ActionRule simple(String action) {
    return new ActionRule(
        action, Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), List.of());
  }
}
