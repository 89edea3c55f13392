package dev.minrole.generator.declared;

import dev.minrole.analyzer.model.ArgValue;
import java.util.ArrayList;
import java.util.List;

/** Values with several possible texts: which are unknown, and how parts combine. */
final class Alternatives {
  private Alternatives() {}

  /**
   * True if the value has a part minrole cannot know before deployment. A template reference whose
   * value is a pattern (a generated name) or an unknown region or account is not: the pattern is
   * what the deployment can produce.
   */
  static boolean unresolved(ArgValue value) {
    if (value instanceof ArgValue.Unknown
        || value instanceof ArgValue.EnvVar
        || value instanceof ArgValue.SystemProperty) {
      return true;
    }
    if (value instanceof ArgValue.TemplateRef ref) {
      return ref.value().isEmpty() && !ref.isPseudo();
    }
    if (value instanceof ArgValue.Concat concat) {
      return concat.parts().stream().anyMatch(Alternatives::unresolved);
    }
    return false;
  }

  /** Every way to join one text from each part, in order. */
  static List<String> combine(List<List<String>> parts) {
    List<String> out = new ArrayList<>(List.of(""));
    for (List<String> part : parts) {
      List<String> next = new ArrayList<>();
      for (String prefix : out) {
        for (String text : part) {
          next.add(prefix + text);
        }
      }
      out = next;
    }
    return out.stream().distinct().toList();
  }
}
