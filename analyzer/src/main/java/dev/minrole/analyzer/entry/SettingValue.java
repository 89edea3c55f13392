package dev.minrole.analyzer.entry;

import dev.minrole.analyzer.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a framework setting is for one function, and where that comes from: an environment variable
 * of the function (which wins, as it does in Spring Boot, Micronaut and Quarkus) or a property in
 * the application's configuration files. {@code values} is empty when the setting is there but its
 * value is only known at deployment; several values come from template conditions or from several
 * configuration files and profiles.
 */
public record SettingValue(String name, List<String> values, SourceLocation location) {
  public SettingValue {
    values = List.copyOf(values);
    location = location == null ? SourceLocation.NONE : location;
  }

  public boolean isKnown() {
    return !values.isEmpty();
  }

  /** {@code NAME=value} (or {@code NAME=a|b} for alternatives), for messages. */
  public String describe() {
    return isKnown() ? name + "=" + String.join(" or ", values) : name;
  }

  /** The first of {@code keys} that is set for this function, if any. */
  public static Optional<SettingValue> find(
      List<SettingKey> keys, FunctionContext context, ApplicationConfig config) {
    for (SettingKey key : keys) {
      for (String variable : key.env()) {
        Optional<Setting> set = context.variable(variable);
        if (set.isPresent()) {
          return Optional.of(new SettingValue(variable, set.get().values(), set.get().location()));
        }
      }
      if (!key.property().isEmpty()) {
        List<ConfigEntry> entries = config.get(key.property());
        if (!entries.isEmpty()) {
          Set<String> values = new LinkedHashSet<>();
          entries.forEach(e -> values.add(e.value()));
          return Optional.of(
              new SettingValue(key.property(), new ArrayList<>(values), entries.get(0).location()));
        }
      }
    }
    return Optional.empty();
  }
}
