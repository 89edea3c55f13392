package dev.minrole.generator.observed;

import dev.minrole.generator.synth.Evidence;
import java.time.Instant;

/** A count of calls and the first and last time one was seen; adds up across observations. */
record TrailStats(long count, Instant firstSeen, Instant lastSeen) {
  TrailStats plus(TrailStats other) {
    return new TrailStats(
        count + other.count,
        firstSeen.isBefore(other.firstSeen) ? firstSeen : other.firstSeen,
        lastSeen.isAfter(other.lastSeen) ? lastSeen : other.lastSeen);
  }

  Evidence.Trail evidence() {
    return new Evidence.Trail(count, firstSeen, lastSeen);
  }

  /** {@code 12 times (2024-05-01T10:00:00Z to 2024-05-03T11:00:00Z)}. */
  String describe() {
    return (count == 1 ? "once" : count + " times")
        + " ("
        + firstSeen
        + (count == 1 ? "" : " to " + lastSeen)
        + ")";
  }
}
