package dev.minrole.analyzer.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * Something minrole noticed and reports instead of guessing: an unresolved resource, a call it
 * cannot map, a file it cannot parse. Ids are stable and documented in {@code docs/findings.md}.
 *
 * <p>{@code hidesCode} is true when the finding means some code the function runs was not seen (see
 * {@link Completeness}): the function is then incomplete, and nothing it is granted is called
 * excess.
 */
public record Finding(
    String id, Severity severity, String message, SourceLocation location, boolean hidesCode)
    implements Comparable<Finding> {

  private static final Comparator<Finding> ORDER =
      Comparator.comparing((Finding f) -> f.location())
          .thenComparing(Finding::severity)
          .thenComparing(Finding::id)
          .thenComparing(Finding::message)
          .thenComparing(Finding::hidesCode);

  public Finding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    location = location == null ? SourceLocation.NONE : location;
  }

  /** A finding that hides code exactly when its id does by default ({@link Completeness}). */
  public Finding(String id, Severity severity, String message, SourceLocation location) {
    this(id, severity, message, location, Completeness.hidesCode(id));
  }

  /** The same finding, saying whether it hides code the function runs. */
  public Finding hidingCode(boolean hides) {
    return new Finding(id, severity, message, location, hides);
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
