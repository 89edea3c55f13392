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
  private static final DateTimeFormatter LAKE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

  private TrailTime() {}

  /**
   * The time in CloudTrail's form, or empty if it is not a time: text of the right shape with a
   * field out of range ({@code 2024-13-01T00:00:00Z}, February 30th) is not a time either.
   */
  public static Optional<String> normalize(String text) {
    if (text == null) {
      return Optional.empty();
    }
    if (isCanonical(text) && inRange(text)) {
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

  /**
   * The epoch second of a time in CloudTrail's form (as {@link #normalize} returns it), without a
   * parser: the reader's hot path.
   */
  public static long epochSecond(String canonical) {
    int year = digits(canonical, 0, 4);
    int month = digits(canonical, 5, 7);
    int day = digits(canonical, 8, 10);
    long days = java.time.LocalDate.of(year, month, day).toEpochDay();
    return days * 86_400
        + digits(canonical, 11, 13) * 3600L
        + digits(canonical, 14, 16) * 60L
        + digits(canonical, 17, 19);
  }

  private static int digits(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + (s.charAt(i) - '0');
    }
    return n;
  }

  /** An instant in CloudTrail's form, truncated to seconds. */
  public static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** Whether the fields of a time in CloudTrail's form name a real date and time of day. */
  private static boolean inRange(String t) {
    int month = digits(t, 5, 7);
    if (month < 1 || month > 12) {
      return false;
    }
    int day = digits(t, 8, 10);
    return day >= 1
        && day <= java.time.YearMonth.of(digits(t, 0, 4), month).lengthOfMonth()
        && digits(t, 11, 13) < 24
        && digits(t, 14, 16) < 60
        && digits(t, 17, 19) < 60;
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
