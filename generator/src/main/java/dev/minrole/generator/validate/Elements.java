package dev.minrole.generator.validate;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Fixes for misspelled policy element names. */
final class Elements {
  private Elements() {}

  static String fix(String name, Set<String> known) {
    for (String k : known) {
      if (k.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return "element names are case-sensitive: write " + k;
      }
    }
    Optional<String> close = Suggestions.closest(name, known);
    return close
        .map(c -> "did you mean " + c + "?")
        .orElse(
            "remove it; the elements here are "
                + String.join(", ", known.stream().sorted().toList()));
  }
}
