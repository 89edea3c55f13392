package dev.minrole.analyzer.cloudtrail;

import java.time.Instant;

/** How often the calls of one key were seen, and when first and last. */
public record Observation(ObservationKey key, long count, Instant firstSeen, Instant lastSeen)
    implements Comparable<Observation> {

  @Override
  public int compareTo(Observation other) {
    return key.compareTo(other.key);
  }
}
