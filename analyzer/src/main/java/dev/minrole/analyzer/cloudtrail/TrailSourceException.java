package dev.minrole.analyzer.cloudtrail;

/**
 * A trail source that could not be queried at all: the service refused, the query failed, the input
 * does not exist. The message says what went wrong and what to check.
 */
public final class TrailSourceException extends Exception {
  private static final long serialVersionUID = 1L;

  public TrailSourceException(String message) {
    super(message);
  }

  public TrailSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
