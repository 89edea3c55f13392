package dev.minrole.generator.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minrole.analyzer.data.DataFiles;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * IAM's condition operators and the kind of value each takes, from {@code
 * condition-operators.yaml}.
 */
final class ConditionOperators {
  private static final Map<String, String> KINDS = load();

  private ConditionOperators() {}

  private static Map<String, String> load() {
    JsonNode root = DataFiles.yaml("/dev/minrole/generator/validate/condition-operators.yaml");
    Map<String, String> out = new TreeMap<>();
    root.path("operators").properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  /** The operators without qualifier or suffix. */
  static java.util.Set<String> names() {
    return KINDS.keySet();
  }

  /**
   * The kind of value ({@code String}, {@code Numeric}, ...) of an operator with any qualifier and
   * suffix, if it is one.
   */
  static Optional<String> kind(String operator) {
    String base = operator;
    if (base.startsWith("ForAnyValue:") || base.startsWith("ForAllValues:")) {
      base = base.substring(base.indexOf(':') + 1);
    }
    if (base.endsWith("IfExists") && !base.equals("NullIfExists")) {
      base = base.substring(0, base.length() - "IfExists".length());
    }
    return Optional.ofNullable(KINDS.get(base));
  }
}
