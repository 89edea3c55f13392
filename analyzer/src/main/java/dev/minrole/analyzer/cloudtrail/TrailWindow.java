package dev.minrole.analyzer.cloudtrail;

import java.time.Instant;
import java.util.Optional;

/**
 * The time window whose events count: from {@code since} (inclusive) to {@code until} (exclusive),
 * either side open when absent. Bounds are kept in CloudTrail's time form so that events compare as
 * strings.
 */
public final class TrailWindow {
  public static final TrailWindow ALL = new TrailWindow(Optional.empty(), Optional.empty());

  private final Optional<Instant> since;
  private final Optional<Instant> until;
  private final String from;
  private final String to;

  public TrailWindow(Optional<Instant> since, Optional<Instant> until) {
    if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
      throw new IllegalArgumentException(
          "--since " + since.get() + " is not before --until " + until.get());
    }
    this.since = since;
    this.until = until;
    this.from = since.map(TrailTime::format).orElse(null);
    this.to = until.map(TrailTime::format).orElse(null);
  }

  public Optional<Instant> since() {
    return since;
  }

  public Optional<Instant> until() {
    return until;
  }

  /** True if an event at this time (in CloudTrail's form) is inside the window. */
  public boolean contains(String eventTime) {
    return (from == null || eventTime.compareTo(from) >= 0)
        && (to == null || eventTime.compareTo(to) < 0);
  }

  /** The window in words, for messages. */
  public String describe() {
    if (from == null && to == null) {
      return "the whole trail";
    }
    return (from == null ? "the start of the trail" : from)
        + " to "
        + (to == null ? "its end" : to);
  }
}
