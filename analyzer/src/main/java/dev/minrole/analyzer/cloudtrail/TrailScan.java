package dev.minrole.analyzer.cloudtrail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a trail says about a set of roles (observations sorted by key): the observations of their
 * calls, how active each role was, which event sources the trail holds data events for (from any
 * principal: that tells whether data events are logged at all), and, for local files, what reading
 * each file gave. {@code folded} is true when the reader had to generalize resource paths to stay
 * within memory.
 */
public record TrailScan(
    List<Observation> observations,
    List<RoleActivity> activity,
    SortedSet<String> dataEventSources,
    List<FileReport> files,
    long events,
    boolean folded,
    List<String> notes) {

  public TrailScan {
    observations = List.copyOf(observations);
    activity = List.copyOf(activity);
    dataEventSources = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(dataEventSources));
    files = List.copyOf(files);
    notes = List.copyOf(notes);
  }

  /** True if some input could not be read completely. */
  public boolean partial() {
    return files.stream().anyMatch(FileReport::partial);
  }

  /** The scans of several sources as one: observations of the same key are counted together. */
  public static TrailScan combine(List<TrailScan> scans, List<RoleTarget> roles) {
    if (scans.size() == 1) {
      return scans.get(0);
    }
    ObservationTable table = new ObservationTable();
    List<FileReport> files = new ArrayList<>();
    Set<String> dataSources = new TreeSet<>();
    List<String> notes = new ArrayList<>();
    long events = 0;
    boolean folded = false;
    ActivityTable activity = new ActivityTable();
    for (TrailScan s : scans) {
      for (Observation o : s.observations()) {
        table.add(
            o.key(), o.count(), o.firstSeen().getEpochSecond(), o.lastSeen().getEpochSecond());
      }
      for (RoleActivity a : s.activity()) {
        activity.add(a);
      }
      files.addAll(s.files());
      dataSources.addAll(s.dataEventSources());
      notes.addAll(s.notes());
      events += s.events();
      folded |= s.folded();
    }
    return new TrailScan(
        Observations.of(table),
        activity.result(roles),
        new TreeSet<>(dataSources),
        files,
        events,
        folded,
        notes);
  }
}
