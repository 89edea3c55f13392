package dev.minrole.generator.declared;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minrole.analyzer.data.DataFiles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * A policy statement as text, before it becomes an {@link IamStatement}: the form SAM policy
 * templates and managed policies are stored in, and inline documents are read into. Conditions map
 * an operator to keys and their values.
 */
public record StatementDraft(
    Optional<String> sid,
    String effect,
    List<String> actions,
    List<String> notActions,
    List<String> resources,
    List<String> notResources,
    Map<String, Map<String, List<String>>> conditions) {

  public static final String VERSION = "2012-10-17";

  public StatementDraft {
    actions = distinct(actions);
    notActions = distinct(notActions);
    resources = distinct(resources);
    notResources = distinct(notResources);
    Map<String, Map<String, List<String>>> sorted = new TreeMap<>();
    conditions.forEach(
        (operator, keys) -> {
          Map<String, List<String>> byKey = new TreeMap<>();
          keys.forEach((key, values) -> byKey.put(key, distinct(values)));
          sorted.put(operator, Collections.unmodifiableMap(byKey));
        });
    conditions = Collections.unmodifiableMap(sorted);
  }

  /**
   * Statements as IAM writes them in JSON (or YAML): {@code Statement} a list or one object, {@code
   * Action}, {@code Resource} and condition values a string or a list.
   */
  public static List<StatementDraft> read(JsonNode statements) {
    List<StatementDraft> out = new ArrayList<>();
    for (JsonNode s : statements.isArray() ? statements : List.of(statements)) {
      Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
      s.path("Condition")
          .properties()
          .forEach(
              operator -> {
                Map<String, List<String>> keys = new LinkedHashMap<>();
                operator
                    .getValue()
                    .properties()
                    .forEach(key -> keys.put(key.getKey(), DataFiles.texts(key.getValue())));
                conditions.put(operator.getKey(), keys);
              });
      out.add(
          new StatementDraft(
              s.hasNonNull("Sid") ? Optional.of(s.get("Sid").asText()) : Optional.empty(),
              s.path("Effect").asText("Allow"),
              DataFiles.texts(s.path("Action")),
              DataFiles.texts(s.path("NotAction")),
              DataFiles.texts(s.path("Resource")),
              DataFiles.texts(s.path("NotResource")),
              conditions));
    }
    return out;
  }

  /** The statement with every resource and condition value replaced by its alternatives. */
  public StatementDraft fill(Function<String, List<String>> values) {
    Map<String, Map<String, List<String>>> filled = new TreeMap<>();
    conditions.forEach(
        (operator, keys) -> {
          Map<String, List<String>> byKey = new TreeMap<>();
          keys.forEach((key, list) -> byKey.put(key, flatMap(list, values)));
          filled.put(operator, byKey);
        });
    return new StatementDraft(
        sid,
        effect,
        actions,
        notActions,
        flatMap(resources, values),
        flatMap(notResources, values),
        filled);
  }

  /** The statements as a policy, or nothing if none grants or denies an action. */
  public static Optional<IamPolicy> policy(List<StatementDraft> drafts) {
    IamPolicy.Builder policy = IamPolicy.builder().version(VERSION);
    boolean any = false;
    for (StatementDraft draft : drafts) {
      if (draft.actions.isEmpty() && draft.notActions.isEmpty()) {
        continue;
      }
      policy.addStatement(draft.statement());
      any = true;
    }
    return any ? Optional.of(policy.build()) : Optional.empty();
  }

  private IamStatement statement() {
    IamStatement.Builder s = IamStatement.builder().effect(effect);
    sid.ifPresent(s::sid);
    s.actionIds(actions)
        .notActionIds(notActions)
        .resourceIds(resources)
        .notResourceIds(notResources);
    conditions.forEach(
        (operator, keys) ->
            keys.forEach(
                (key, values) ->
                    s.addConditions(IamConditionOperator.create(operator), key, values)));
    return s.build();
  }

  private static List<String> flatMap(List<String> in, Function<String, List<String>> values) {
    List<String> out = new ArrayList<>();
    in.forEach(v -> out.addAll(values.apply(v)));
    return out;
  }

  private static List<String> distinct(List<String> values) {
    return List.copyOf(new LinkedHashSet<>(values));
  }
}
