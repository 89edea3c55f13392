package dev.minrole.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --since}/{@code --until}: a date (UTC midnight), an ISO-8601 instant, or {@code Nd} days
 * ago.
 */
final class TimeConverter implements ITypeConverter<Instant> {
  @Override
  public Instant convert(String value) {
    if (value.matches("\\d+d")) {
      return Instant.now()
          .minus(Duration.ofDays(Long.parseLong(value.substring(0, value.length() - 1))));
    }
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new TypeConversionException(
          "'" + value + "' is not a time; use 2024-05-01, 2024-05-01T12:00:00Z or 30d");
    }
  }
}
