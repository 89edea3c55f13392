package dev.minrole.analyzer.entry;

import dev.minrole.analyzer.model.SourceLocation;
import java.util.List;
import java.util.Objects;

/**
 * One environment variable of a function as its deployment sets it: the name, the values it can
 * have (several under a template condition; none when the value is only known at deployment, such
 * as a parameter without a default), where it is set, and the path to cite ({@code
 * Resources.Fn.Properties.Environment.Variables.MAIN_CLASS}, or {@code --env MAIN_CLASS}).
 */
public record Setting(String name, List<String> values, SourceLocation location, String origin) {
  public Setting {
    Objects.requireNonNull(name, "name");
    values = List.copyOf(values);
    location = location == null ? SourceLocation.NONE : location;
    origin = origin == null ? name : origin;
  }

  /** True if minrole knows what the variable holds. */
  public boolean isKnown() {
    return !values.isEmpty();
  }
}
