package dev.minrole.analyzer.java;

import java.util.Comparator;
import java.util.List;

/** The names nearest to one that was not found, for "did you mean" messages. */
public final class NearestNames {
  private NearestNames() {}

  /** {@code ; closest: a, b, c} for the candidates nearest to {@code wanted}, or nothing. */
  public static String closest(String wanted, List<String> candidates) {
    if (candidates.isEmpty()) {
      return "";
    }
    String simpleWanted = simple(wanted);
    List<String> best =
        candidates.stream()
            .distinct()
            .sorted(
                Comparator.comparingInt(
                        (String c) ->
                            Math.min(distance(wanted, c), distance(simpleWanted, simple(c))))
                    .thenComparing(c -> c))
            .limit(3)
            .toList();
    return "; closest: " + String.join(", ", best);
  }

  private static String simple(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /** Levenshtein distance, case-insensitive. */
  public static int distance(String a, String b) {
    String x = a.toLowerCase(java.util.Locale.ROOT);
    String y = b.toLowerCase(java.util.Locale.ROOT);
    int[] previous = new int[y.length() + 1];
    int[] current = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[y.length()];
  }
}
