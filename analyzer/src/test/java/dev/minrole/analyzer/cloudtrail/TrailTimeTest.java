package dev.minrole.analyzer.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrailTimeTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2024-05-01T12:00:00Z, 2024-05-01T12:00:00Z",
    "2024-02-29T23:59:59Z, 2024-02-29T23:59:59Z",
    "2024-05-01T12:00:00.123Z, 2024-05-01T12:00:00Z",
    "2024-05-01 12:00:00.000, 2024-05-01T12:00:00Z",
    "2024-13-01T00:00:00Z, ''",
    "2024-00-01T00:00:00Z, ''",
    "2023-02-29T00:00:00Z, ''",
    "2024-04-31T00:00:00Z, ''",
    "2024-05-00T00:00:00Z, ''",
    "2024-05-01T24:00:00Z, 2024-05-02T00:00:00Z",
    "2024-05-01T25:00:00Z, ''",
    "2024-05-01T12:60:00Z, ''",
    "yesterday, ''"
  })
  void normalize_readsRealTimesOnly(String text, String expected) {
    assertThat(TrailTime.normalize(text).orElse("")).isEqualTo(expected);
    TrailTime.normalize(text).ifPresent(t -> assertThat(TrailTime.epochSecond(t)).isNotNegative());
  }
}
