package dev.minrole.generator.diff;

import dev.minrole.generator.catalog.Glob;
import dev.minrole.generator.catalog.IamAction;
import dev.minrole.generator.catalog.IamCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The actions a statement names: its {@code Action} patterns, or every action but its {@code
 * NotAction} patterns. Action names match case-insensitively, as in IAM.
 */
sealed interface ActionSet {

  /** {@code "Action": [...]}. */
  record Listed(List<String> patterns) implements ActionSet {
    public Listed {
      patterns = List.copyOf(patterns);
    }
  }

  /** {@code "NotAction": [...]}: every action except these. */
  record AllExcept(List<String> patterns) implements ActionSet {
    public AllExcept {
      patterns = List.copyOf(patterns);
    }
  }

  /** True if the statement names {@code action} (a concrete {@code service:Name}). */
  default boolean matches(String action) {
    if (this instanceof Listed listed) {
      return listed.patterns().stream().anyMatch(p -> Glob.coversIgnoreCase(p, action));
    }
    return ((AllExcept) this).patterns().stream().noneMatch(p -> Glob.coversIgnoreCase(p, action));
  }

  /**
   * Every action the statement names, each with the pattern that names it as written ({@code
   * s3:Get*}, or {@code NotAction iam:*}). Patterns expand through the catalog; a literal action
   * the catalog does not know is kept as written, so a typo still shows up as granted.
   */
  default Map<String, String> expand(IamCatalog catalog) {
    Map<String, String> out = new LinkedHashMap<>();
    if (this instanceof Listed listed) {
      for (String pattern : listed.patterns()) {
        List<IamAction> expanded = catalog.expand(pattern);
        if (expanded.isEmpty() && !Glob.isPattern(pattern)) {
          out.putIfAbsent(pattern, pattern);
        }
        expanded.forEach(a -> out.putIfAbsent(a.id(), pattern));
      }
      return out;
    }
    String label = "NotAction " + String.join(", ", ((AllExcept) this).patterns());
    for (IamAction a : catalog.expand("*")) {
      if (matches(a.id())) {
        out.put(a.id(), label);
      }
    }
    return out;
  }

  /** The patterns as written. */
  List<String> patterns();
}
