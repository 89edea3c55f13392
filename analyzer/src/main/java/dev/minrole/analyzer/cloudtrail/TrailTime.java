package dev.minrole.analyzer.cloudtrail;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Event times as CloudTrail writes them, {@code 2024-05-01T12:00:00Z}. Times in that form compare
 * as strings, so the reader never parses the common case; other forms (fractions of a second,
 * offsets, CloudTrail Lake's {@code 2024-05-01 12:00:00.000}) are converted to it.
 */
public final class TrailTime {
  private static final DateTimeFormatter LAKE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

  private TrailTime() {}

  /** The time in CloudTrail's form, or empty if it is not a time. */
  public static Optional<String> normalize(String text) {
    if (text == null) {
      return Optional.empty();
    }
    if (isCanonical(text)) {
      return Optional.of(text);
    }
    try {
      return Optional.of(format(Instant.parse(text)));
    } catch (DateTimeParseException e) {
      // not ISO-8601 with a zone; try the forms below
    }
    try {
      return Optional.of(format(LocalDateTime.parse(text, LAKE).toInstant(ZoneOffset.UTC)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** An instant in CloudTrail's form, truncated to seconds. */
  public static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  private static boolean isCanonical(String t) {
    if (t.length() != 20 || t.charAt(19) != 'Z' || t.charAt(10) != 'T') {
      return false;
    }
    for (int i = 0; i < 19; i++) {
      char c = t.charAt(i);
      boolean separator = i == 4 || i == 7 || i == 10 || i == 13 || i == 16;
      if (separator) {
        if (c != (i == 4 || i == 7 ? '-' : i == 10 ? 'T' : ':')) {
          return false;
        }
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
