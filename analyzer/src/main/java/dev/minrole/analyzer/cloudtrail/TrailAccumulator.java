package dev.minrole.analyzer.cloudtrail;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shared result of all reader threads: observations, role activity, and the event sources with
 * data events. Threads merge their own tables into it under its lock. When the observations outgrow
 * {@code limit} distinct keys, resource paths are folded (see {@link ResourceFolding}) until half
 * the limit is left, so memory stays bounded whatever the trail holds.
 */
final class TrailAccumulator {
  /** About 300 bytes a key once strings are shared: some 15 MiB, well inside a 256 MiB heap. */
  static final int DEFAULT_LIMIT = 50_000;

  private final int limit;
  private final ObservationTable table = ObservationTable.pooled();
  private final ActivityTable activity = new ActivityTable();
  private final Set<String> dataSources = new TreeSet<>();
  private long events;

  TrailAccumulator(int limit) {
    this.limit = limit;
  }

  synchronized void merge(ObservationTable t, ActivityTable a, Set<String> sources, long count) {
    table.addAll(t);
    activity.addAll(a);
    dataSources.addAll(sources);
    events += count;
    if (table.size() > limit) {
      table.compact(limit / 2);
    }
  }

  synchronized TrailScan result(
      List<RoleTarget> roles, List<FileReport> files, List<String> notes) {
    return new TrailScan(
        Observations.of(table),
        activity.result(roles),
        new TreeSet<>(dataSources),
        files,
        events,
        table.folded(),
        notes);
  }
}
