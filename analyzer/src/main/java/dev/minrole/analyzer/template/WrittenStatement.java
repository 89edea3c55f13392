package dev.minrole.analyzer.template;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One statement of a {@link DeclaredPolicy.Written} document: its fields as the code writes them,
 * every value with its alternatives (unknown parts are {@link ArgValue.Unknown}), conditions by
 * operator and key, and where the statement is.
 */
public record WrittenStatement(
    Optional<String> sid,
    String effect,
    List<ArgValue> actions,
    List<ArgValue> notActions,
    List<ArgValue> resources,
    List<ArgValue> notResources,
    Map<String, Map<String, List<ArgValue>>> conditions,
    SourceLocation location) {
  public WrittenStatement {
    actions = List.copyOf(actions);
    notActions = List.copyOf(notActions);
    resources = List.copyOf(resources);
    notResources = List.copyOf(notResources);
    Map<String, Map<String, List<ArgValue>>> copy = new LinkedHashMap<>();
    conditions.forEach(
        (op, keys) -> {
          Map<String, List<ArgValue>> byKey = new LinkedHashMap<>();
          keys.forEach((k, v) -> byKey.put(k, List.copyOf(v)));
          copy.put(op, Collections.unmodifiableMap(byKey));
        });
    conditions = Collections.unmodifiableMap(copy);
  }
}
