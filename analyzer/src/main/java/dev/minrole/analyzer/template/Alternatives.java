package dev.minrole.analyzer.template;

import dev.minrole.analyzer.model.ArgValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The alternatives a template value can have, kept to at most {@value #MAX}: past that, the value
 * is unknown rather than a long list nobody can check.
 */
final class Alternatives {
  static final int MAX = 16;

  private Alternatives() {}

  /** {@code values}, or one unknown value if there are more than {@value #MAX}. */
  static List<ArgValue> capped(List<ArgValue> values) {
    return values.size() > MAX ? tooMany() : values;
  }

  /**
   * Every way of putting one alternative of each part after another, each once; an empty part
   * counts as the empty string.
   */
  static List<ArgValue> concat(List<List<ArgValue>> parts) {
    List<List<ArgValue>> combos = new ArrayList<>();
    combos.add(List.of());
    for (List<ArgValue> part : parts) {
      List<ArgValue> alternatives = part.isEmpty() ? List.of(ArgValue.literal("")) : part;
      List<List<ArgValue>> next = new ArrayList<>();
      for (List<ArgValue> combo : combos) {
        for (ArgValue v : alternatives) {
          List<ArgValue> extended = new ArrayList<>(combo);
          extended.add(v);
          next.add(extended);
        }
      }
      if (next.size() > MAX) {
        return tooMany();
      }
      combos = next;
    }
    List<ArgValue> out = new ArrayList<>();
    combos.forEach(c -> out.add(ArgValue.concat(c)));
    return out.stream().distinct().toList();
  }

  private static List<ArgValue> tooMany() {
    return List.of(ArgValue.unknown("more than " + MAX + " possible values"));
  }
}
