package dev.minrole.analyzer.cloudtrail;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Counts one reader thread's events: those inside the window that belong to a wanted role become
 * observations; any data event marks its source as logged. It hands its tables to the shared
 * accumulator every few thousand keys, so a thread holds little.
 */
final class EventCollector implements Consumer<TrailEvent> {
  private static final int FLUSH_AT = 4096;
  private static final int PROGRESS_EVERY = 8192;

  private final RoleSelector roles;
  private final TrailWindow window;
  private final TrailAccumulator shared;
  private final TrailProgress progress;
  private ObservationTable table = new ObservationTable();
  private ActivityTable activity = new ActivityTable();
  private Set<String> dataSources = new HashSet<>();
  private long events;
  private long unreported;

  EventCollector(
      RoleSelector roles, TrailWindow window, TrailAccumulator shared, TrailProgress progress) {
    this.roles = roles;
    this.window = window;
    this.shared = shared;
    this.progress = progress;
  }

  @Override
  public void accept(TrailEvent e) {
    events++;
    if (++unreported == PROGRESS_EVERY) {
      progress.eventsRead(unreported);
      unreported = 0;
    }
    String time = e.eventTime();
    if (!window.contains(time)) {
      return;
    }
    if (e.dataEvent()) {
      dataSources.add(e.eventSource());
    }
    Optional<String> role = roles.match(e.issuerArn(), e.principalArn());
    if (role.isEmpty()) {
      return;
    }
    long second = TrailTime.epochSecond(time);
    activity.add(role.get(), 1, second, second);
    Denial denial = e.errorCode().isEmpty() ? Denial.NONE : Denial.of(e.errorMessage());
    table.add(ObservationKey.of(role.get(), e, denial), 1, second, second);
    if (table.size() >= FLUSH_AT) {
      flush();
    }
  }

  void flush() {
    progress.eventsRead(unreported);
    unreported = 0;
    shared.merge(table, activity, dataSources, events);
    table = new ObservationTable();
    activity = new ActivityTable();
    dataSources = new HashSet<>();
    events = 0;
  }
}
