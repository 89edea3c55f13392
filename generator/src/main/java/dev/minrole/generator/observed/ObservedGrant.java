package dev.minrole.generator.observed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An observed-only permission after generalization: an action on a resource pattern, the counts of
 * every call it stands for, and how many distinct resources those calls named.
 */
record ObservedGrant(String action, String resource, TrailStats stats, int distinctResources) {

  /**
   * Folds the observed calls' S3 object keys per action (see {@link ObjectKeyFolding}) and adds up
   * their counts.
   */
  static List<ObservedGrant> generalize(List<ObservedCall> calls) {
    Map<String, List<ObservedCall>> byAction = new TreeMap<>();
    calls.forEach(c -> byAction.computeIfAbsent(c.action(), k -> new ArrayList<>()).add(c));
    List<ObservedGrant> out = new ArrayList<>();
    for (Map.Entry<String, List<ObservedCall>> e : byAction.entrySet()) {
      Map<String, String> patternOf =
          ObjectKeyFolding.fold(e.getValue().stream().map(ObservedCall::resource).toList());
      Map<String, TrailStats> stats = new TreeMap<>();
      Map<String, Integer> distinct = new TreeMap<>();
      for (ObservedCall c : e.getValue()) {
        String pattern = patternOf.get(c.resource());
        stats.merge(pattern, c.stats(), TrailStats::plus);
        distinct.merge(pattern, 1, Integer::sum);
      }
      stats.forEach(
          (pattern, s) ->
              out.add(new ObservedGrant(e.getKey(), pattern, s, distinct.get(pattern))));
    }
    return out;
  }
}
