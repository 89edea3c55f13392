package dev.minrole.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTest {
  @Test
  void main_printsMediansRatiosAndVerdicts(@TempDir Path dir) throws Exception {
    Path results = dir.resolve("results.txt");
    Files.writeString(
        results,
"""
# header lines are skipped
run=parse threads=2 files=10 seconds=10.000 cpu_s=20.000 peak_heap_mib=100.0 load=1.0
run=parse threads=2 files=10 seconds=30.000 cpu_s=20.000 peak_heap_mib=100.0 load=1.0
run=parse threads=2 files=10 seconds=20.000 cpu_s=20.000 peak_heap_mib=100.0 load=1.0
run=analysis threads=2 files=10 seconds=28.000 cpu_s=26.000 peak_heap_mib=2000.0 wrong_handlers=0 load=1.0
run=analysis ok=false load=1.0 xmx=1g
""");
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.PrintStream original = System.out;
    System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      Summary.main(new String[] {results.toString()});
    } finally {
      System.setOut(original);
    }
    String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text)
        .contains("| parse | 3 | 10 | 20.00 | 20.00 |")
        .contains(
            "analysis threads=2: analysis / parse-only = 1.40 wall, 1.30 CPU (median of the"
                + " per-round ratios; target ≤ 1.5: met); peak heap 2000 MiB (target ≤ 1024 MiB:"
                + " MISSED)")
        .contains("analysis xmx=1g: 0 of 1 runs completed");
  }

  @Test
  void pairedRatio_dividesEachRunByTheBaselineOfItsOwnRound() {
    java.util.List<java.util.Map<String, String>> parse =
        java.util.List.of(
            java.util.Map.of("round", "1", "seconds", "10"),
            java.util.Map.of("round", "2", "seconds", "100"),
            java.util.Map.of("round", "3", "seconds", "20"));
    java.util.List<java.util.Map<String, String>> analysis =
        java.util.List.of(
            java.util.Map.of("round", "1", "seconds", "12"),
            java.util.Map.of("round", "2", "seconds", "130"),
            java.util.Map.of("round", "3", "seconds", "28"));
    assertThat(Summary.pairedRatio(analysis, parse, "seconds")).isCloseTo(1.3, within(1e-9));
  }
}
