package dev.minrole.analyzer.entry;

import java.util.List;

/**
 * How a framework picks one of several candidates by name: the settings it reads, in order (the
 * first one set wins), the characters that split a value into several names ({@code a|b} composes
 * two Spring Cloud functions), and whether, with no setting, the Lambda function's own name picks
 * (Micronaut's function beans).
 */
public record Selector(List<SettingKey> settings, String separators, boolean byFunctionName) {
  public Selector {
    settings = List.copyOf(settings);
    separators = separators == null ? "" : separators;
  }

  /** The names a setting's value gives, split and trimmed. */
  public List<String> names(String value) {
    if (separators.isEmpty()) {
      return value.isBlank() ? List.of() : List.of(value.strip());
    }
    String pattern = "[" + java.util.regex.Pattern.quote(separators) + "]";
    return java.util.Arrays.stream(value.split(pattern))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** The setting to name in advice: the first one. */
  public String advice() {
    return settings.isEmpty() ? "" : settings.get(0).describe();
  }
}
