package dev.minrole.analyzer.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * Something minrole noticed and reports instead of guessing: an unresolved resource, a call it
 * cannot map, a file it cannot parse. Ids are stable and documented in {@code docs/findings.md}.
 */
public record Finding(String id, Severity severity, String message, SourceLocation location)
    implements Comparable<Finding> {

  private static final Comparator<Finding> ORDER =
      Comparator.comparing((Finding f) -> f.location())
          .thenComparing(Finding::severity)
          .thenComparing(Finding::id)
          .thenComparing(Finding::message);

  public Finding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    location = location == null ? SourceLocation.NONE : location;
  }

  public static Finding error(String id, String message, SourceLocation location) {
    return new Finding(id, Severity.ERROR, message, location);
  }

  public static Finding warning(String id, String message, SourceLocation location) {
    return new Finding(id, Severity.WARNING, message, location);
  }

  public static Finding info(String id, String message, SourceLocation location) {
    return new Finding(id, Severity.INFO, message, location);
  }

  @Override
  public int compareTo(Finding other) {
    return ORDER.compare(this, other);
  }
}
