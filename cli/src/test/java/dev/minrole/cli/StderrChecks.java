package dev.minrole.cli;

import static org.assertj.core.api.Assertions.assertThat;

/** What a clean stderr is: only minrole's own diagnostics, never a JVM message. */
final class StderrChecks {
  private StderrChecks() {}

  static void onlyMinrole(String err) {
    assertThat(err.lines())
        .as("stderr:%n%s", err)
        .allSatisfy(line -> assertThat(line).startsWith("minrole: "));
    assertThat(err).doesNotContainIgnoringCase("shared archive").doesNotContain("[warning]");
  }
}
