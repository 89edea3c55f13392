package dev.minrole.generator.validate;

import dev.minrole.generator.catalog.IamAction;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.catalog.IamService;
import dev.minrole.generator.mapping.ActionRule;
import dev.minrole.generator.mapping.MappingData;
import dev.minrole.generator.mapping.OperationMapping;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Did-you-mean for names that do not exist. An SDK operation name used as an action ({@code
 * sqs:SendMessageBatch}) is answered from minrole's operation mapping ({@code sqs:SendMessage});
 * otherwise the closest name by edit distance, if it is close enough to be a typo.
 */
final class Suggestions {
  private Suggestions() {}

  /** The action(s) meant by an unknown action of a known service. */
  static Optional<String> action(IamService service, String name, MappingData mapping) {
    Optional<OperationMapping> override = mapping.override(service.prefix(), name);
    if (override.isPresent() && override.get().kind() == OperationMapping.Kind.ACTIONS) {
      List<String> actions =
          override.get().rules().stream().map(ActionRule::action).distinct().sorted().toList();
      if (!actions.isEmpty()) {
        return Optional.of(String.join(" and ", actions));
      }
    }
    return closest(name, service.actions().values().stream().map(IamAction::name).toList())
        .map(n -> service.prefix() + ":" + n);
  }

  /**
   * The service prefix meant by an unknown one: an SDK service name's prefix, or a close prefix.
   */
  static Optional<String> service(IamCatalog catalog, String prefix, MappingData mapping) {
    String aliased = mapping.prefixFor(prefix.toLowerCase(Locale.ROOT));
    if (!aliased.equalsIgnoreCase(prefix) && catalog.service(aliased).isPresent()) {
      return Optional.of(aliased);
    }
    return closest(prefix, catalog.services().keySet());
  }

  /**
   * The candidate nearest to {@code name}, when it differs by at most a third of its length (and 1
   * at least).
   */
  static Optional<String> closest(String name, Collection<String> candidates) {
    String lower = name.toLowerCase(Locale.ROOT);
    int limit = Math.max(1, name.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance
          || (d == bestDistance && best != null && candidate.compareTo(best) < 0)) {
        best = candidate;
        bestDistance = d;
      }
    }
    return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
