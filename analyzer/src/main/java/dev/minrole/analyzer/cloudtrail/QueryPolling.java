package dev.minrole.analyzer.cloudtrail;

import java.time.Duration;

/** How long to wait between polls of a running query, and how long to wait at most. */
public record QueryPolling(Duration interval, Duration timeout) {
  public static final QueryPolling DEFAULT =
      new QueryPolling(Duration.ofSeconds(1), Duration.ofMinutes(30));

  void sleep() throws TrailSourceException {
    try {
      Thread.sleep(interval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TrailSourceException("interrupted while waiting for the query", e);
    }
  }

  int maxPolls() {
    return (int) Math.max(1, timeout.toMillis() / Math.max(1, interval.toMillis()));
  }
}
