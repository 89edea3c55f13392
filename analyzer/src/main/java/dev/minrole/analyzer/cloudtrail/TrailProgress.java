package dev.minrole.analyzer.cloudtrail;

/**
 * Told how reading goes, for a progress bar. Called from reader threads; implementations must be
 * thread-safe and cheap.
 */
public interface TrailProgress {
  TrailProgress NONE = new TrailProgress() {};

  /** The number of files to read, once they are found. */
  default void start(int files, long bytes) {}

  default void bytesRead(long bytes) {}

  default void eventsRead(long events) {}

  default void fileDone() {}

  /** Reading is over; a progress bar clears its line. */
  default void finish() {}
}
