package dev.minrole.bench.shapes;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one shape at one size cost and gave. {@code steps} is the analysis's work in evaluation
 * steps (deterministic); the times and the heap are informational.
 *
 * @param calls the SDK calls found
 * @param keys the distinct S3 keys the calls name, sorted
 * @param findings each finding id with its count, of the sources and of the function
 * @param complete false if a finding hides code
 * @param crash the exception the run ended with, or empty
 */
public record ShapeResult(
    Shape shape,
    int size,
    long lines,
    long steps,
    long loadMillis,
    long analyzeMillis,
    long heapDelta,
    int calls,
    List<String> keys,
    Map<String, Integer> findings,
    boolean complete,
    String crash) {
  public ShapeResult {
    keys = List.copyOf(keys);
    findings = Map.copyOf(findings);
  }

  static final String HEADER =
      "| shape | n | lines | steps | load ms | analyze ms | heap MiB | calls | key | findings"
          + " | complete |\n|---|---|---|---|---|---|---|---|---|---|---|";

  /** One Markdown table row. */
  String row() {
    String key =
        keys.isEmpty()
            ? "-"
            : "`" + shorten(keys.get(0)) + "`" + (keys.size() > 1 ? " (" + keys.size() + ")" : "");
    String ids =
        findings.isEmpty()
            ? "-"
            : String.join(
                ", ",
                new java.util.TreeMap<>(findings)
                    .entrySet().stream()
                        .map(e -> e.getKey() + (e.getValue() > 1 ? " ×" + e.getValue() : ""))
                        .toList());
    return String.format(
        Locale.ROOT,
        "| %s | %,d %s | %,d | %,d | %,d | %,d | %.1f | %,d | %s | %s | %s |",
        shape.title(),
        size,
        shape.unit(),
        lines,
        steps,
        loadMillis,
        analyzeMillis,
        heapDelta / (1024.0 * 1024.0),
        calls,
        key,
        crash.isEmpty() ? ids : "**crash: " + crash + "**",
        complete ? "yes" : "no");
  }

  private static String shorten(String key) {
    return key.length() <= 36 ? key : key.substring(0, 20) + "…" + key.substring(key.length() - 12);
  }
}
