package dev.minrole.analyzer.cloudtrail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts observations by key, with the first and last time each was seen. Not thread-safe: each
 * reader thread fills its own and merges it into a shared one under that one's lock. Its size is
 * the number of distinct keys, never the number of events; past a limit, {@link #compact} folds the
 * deepest resource paths one level up until it fits (see {@link ResourceFolding}).
 */
final class ObservationTable {
  /** Counts for one key; times are epoch seconds. */
  static final class Tally {
    long count;
    long first;
    long last;

    Tally(long count, long first, long last) {
      this.count = count;
      this.first = first;
      this.last = last;
    }

    void add(long n, long from, long to) {
      count += n;
      first = Math.min(first, from);
      last = Math.max(last, to);
    }
  }

  private Map<ObservationKey, Tally> tallies = new HashMap<>();
  private Map<String, String> pool;
  private boolean folded;

  /**
   * A table that shares one instance of each string among its keys: for the long-lived shared
   * table.
   */
  static ObservationTable pooled() {
    ObservationTable t = new ObservationTable();
    t.pool = new HashMap<>();
    return t;
  }

  void add(ObservationKey key, long count, long first, long last) {
    Tally t = tallies.get(key);
    if (t == null) {
      tallies.put(pool == null ? key : key.canonical(pool), new Tally(count, first, last));
    } else {
      t.add(count, first, last);
    }
  }

  void addAll(ObservationTable other) {
    other.tallies.forEach((k, t) -> add(k, t.count, t.first, t.last));
    folded |= other.folded;
  }

  int size() {
    return tallies.size();
  }

  boolean folded() {
    return folded;
  }

  Map<ObservationKey, Tally> tallies() {
    return tallies;
  }

  void clear() {
    tallies = new HashMap<>();
  }

  /**
   * Folds the deepest resource paths until at most {@code target} keys remain, or none can fold.
   */
  void compact(int target) {
    while (tallies.size() > target) {
      int deepest = 0;
      for (ObservationKey k : tallies.keySet()) {
        for (String r : k.resources()) {
          deepest = Math.max(deepest, ResourceFolding.level(r));
        }
      }
      if (deepest == 0) {
        return;
      }
      Map<ObservationKey, Tally> next = new HashMap<>();
      for (Map.Entry<ObservationKey, Tally> e : tallies.entrySet()) {
        ObservationKey key = e.getKey();
        List<String> resources = new ArrayList<>(key.resources().size());
        for (String r : key.resources()) {
          resources.add(ResourceFolding.level(r) == deepest ? ResourceFolding.foldOnce(r) : r);
        }
        ObservationKey folded = key.withResources(resources.stream().distinct().sorted().toList());
        Tally t = e.getValue();
        Tally existing = next.get(folded);
        if (existing == null) {
          next.put(folded, new Tally(t.count, t.first, t.last));
        } else {
          existing.add(t.count, t.first, t.last);
        }
      }
      tallies = next;
      folded = true;
      if (pool != null) {
        pool = new HashMap<>();
        Map<ObservationKey, Tally> canonical = new HashMap<>();
        next.forEach((k, t) -> canonical.put(k.canonical(pool), t));
        tallies = canonical;
      }
    }
  }
}
