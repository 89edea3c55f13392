package dev.minrole.generator.declared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ${Name}} placeholders in SAM policy template text, filled with each value's alternatives.
 */
final class Placeholders {
  private Placeholders() {}

  /** Every text {@code template} can become; a placeholder without values stays as written. */
  static List<String> fill(String template, Map<String, List<String>> values) {
    List<List<String>> parts = new ArrayList<>();
    int i = 0;
    while (i < template.length()) {
      int start = template.indexOf("${", i);
      int end = start < 0 ? -1 : template.indexOf('}', start);
      if (end < 0) {
        parts.add(List.of(template.substring(i)));
        break;
      }
      parts.add(List.of(template.substring(i, start)));
      String name = template.substring(start + 2, end);
      parts.add(values.getOrDefault(name, List.of(template.substring(start, end + 1))));
      i = end + 1;
    }
    return Alternatives.combine(parts);
  }
}
