package dev.minrole.analyzer.entry;

import java.util.List;

/**
 * A setting a framework reads: a configuration property and the environment variables that override
 * it ({@code spring.cloud.function.definition}, {@code SPRING_CLOUD_FUNCTION_DEFINITION}). The
 * property is empty for a setting only the environment gives ({@code MAIN_CLASS}).
 */
public record SettingKey(String property, List<String> env) {
  public SettingKey {
    property = property == null ? "" : property;
    env = List.copyOf(env);
  }

  /** How to name the setting in a message: the property, or else the first variable. */
  public String describe() {
    if (property.isEmpty()) {
      return env.isEmpty() ? "" : env.get(0);
    }
    return env.isEmpty() ? property : property + " (or the variable " + env.get(0) + ")";
  }
}
