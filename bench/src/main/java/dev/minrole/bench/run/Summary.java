package dev.minrole.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Summarizes the runs the benchmark script collected ({@code results.txt}: one {@link RunResult}
 * line per JVM run, plus the CLI timings of a single small function) as medians, the ratio of
 * analysis to parse-only time, and the targets, in Markdown for {@code docs/benchmarks.md}.
 *
 * <pre>java -cp minrole-bench.jar dev.minrole.bench.run.Summary results.txt [hyperfine.json]</pre>
 */
public final class Summary {
  static final double RATIO_TARGET = 1.5;
  static final double HEAP_TARGET_MIB = 1024;
  static final double SINGLE_FUNCTION_TARGET_S = 2.0;
  private static final Pattern HYPERFINE_TIMES = Pattern.compile("\"times\"\\s*:\\s*\\[([^\\]]*)]");

  private Summary() {}

  public static void main(String[] args) throws IOException {
    Map<String, List<Map<String, String>>> groups = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      if (!line.startsWith("run=")) {
        continue;
      }
      Map<String, String> run = parse(line);
      groups.computeIfAbsent(key(run), k -> new ArrayList<>()).add(run);
    }
    List<Double> cli = new ArrayList<>();
    for (Map<String, String> run : groups.getOrDefault("cli", List.of())) {
      cli.add(Double.parseDouble(run.get("seconds")));
    }
    if (args.length > 1 && Files.exists(Path.of(args[1]))) {
      Matcher m = HYPERFINE_TIMES.matcher(Files.readString(Path.of(args[1])));
      if (m.find()) {
        for (String t : m.group(1).split(",")) {
          cli.add(Double.parseDouble(t.strip()));
        }
      }
    }
    System.out.print(render(groups, cli));
  }

  private static Map<String, String> parse(String line) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : line.strip().split(" ")) {
      int eq = pair.indexOf('=');
      out.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return out;
  }

  /**
   * Runs are grouped by kind and thread count, and runs under a heap limit by the limit alone (a
   * run that failed has no thread count).
   */
  private static String key(Map<String, String> run) {
    String key = run.get("run");
    if (run.containsKey("xmx")) {
      return key + " xmx=" + run.get("xmx");
    }
    if (run.containsKey("threads") && !key.equals("parse")) {
      key += " threads=" + run.get("threads");
    }
    return key;
  }

  static String render(Map<String, List<Map<String, String>>> groups, List<Double> cli) {
    StringBuilder out = new StringBuilder();
    out.append(
            "| run | n | files | wall s | CPU s | files/s | load→index→analyze s | peak heap MiB |")
        .append(" retained MiB | wrong | 1-min load |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Map.Entry<String, List<Map<String, String>>> group : groups.entrySet()) {
      if (group.getKey().equals("cli")) {
        continue;
      }
      List<Map<String, String>> runs = group.getValue();
      List<String> cells =
          List.of(
              group.getKey(),
              String.valueOf(runs.size()),
              first(runs, "files"),
              median(runs, "seconds"),
              median(runs, "cpu_s"),
              median(runs, "files_per_s"),
              phases(runs),
              median(runs, "peak_heap_mib"),
              median(runs, "retained_mib"),
              first(runs, "wrong_handlers"),
              median(runs, "load"));
      out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
    out.append('\n');
    for (String group : groups.keySet()) {
      if (group.equals("parse") || group.equals("cli") || group.contains("xmx")) {
        continue;
      }
      double wall = pairedRatio(groups.get(group), groups.get("parse"), "seconds");
      double cpu = pairedRatio(groups.get(group), groups.get("parse"), "cpu_s");
      double heap = medianValue(groups.get(group), "peak_heap_mib");
      out.append(
          String.format(
              Locale.ROOT,
              "- %s: analysis / parse-only = %.2f wall, %.2f CPU (median of the per-round ratios;"
                  + " target ≤ %.1f: %s); peak heap %.0f MiB (target ≤ %.0f MiB: %s)%n",
              group,
              wall,
              cpu,
              RATIO_TARGET,
              verdict(wall <= RATIO_TARGET),
              heap,
              HEAP_TARGET_MIB,
              verdict(heap <= HEAP_TARGET_MIB)));
    }
    for (String group : groups.keySet()) {
      if (group.contains("xmx")) {
        List<Map<String, String>> runs = groups.get(group);
        long ok = runs.stream().filter(r -> !"false".equals(r.get("ok"))).count();
        out.append(
            String.format(
                Locale.ROOT,
                "- %s: %d of %d runs completed%s%n",
                group,
                ok,
                runs.size(),
                ok > 0
                    ? ", median wall "
                        + median(
                            runs.stream().filter(r -> r.containsKey("seconds")).toList(), "seconds")
                        + " s"
                    : ""));
      }
    }
    if (!cli.isEmpty()) {
      List<Double> sorted = new ArrayList<>(cli);
      sorted.sort(Double::compare);
      double med = medianOf(sorted);
      out.append(
          String.format(
              Locale.ROOT,
              "- single small function with the CLI jar, JVM start included: median %.2f s over %d"
                  + " runs (min %.2f, max %.2f; target < %.1f s: %s)%n",
              med,
              sorted.size(),
              sorted.get(0),
              sorted.get(sorted.size() - 1),
              SINGLE_FUNCTION_TARGET_S,
              verdict(med < SINGLE_FUNCTION_TARGET_S)));
    }
    return out.toString();
  }

  /**
   * The median over rounds of {@code runs[key] / baseline[key]}, pairing runs of the same round
   * (the script runs them back to back, so they saw about the same load); without rounds, the ratio
   * of the medians.
   */
  static double pairedRatio(
      List<Map<String, String>> runs, List<Map<String, String>> baseline, String key) {
    if (baseline == null) {
      return Double.NaN;
    }
    Map<String, Double> base = new LinkedHashMap<>();
    baseline.stream()
        .filter(r -> r.containsKey("round") && r.containsKey(key))
        .forEach(r -> base.put(r.get("round"), Double.parseDouble(r.get(key))));
    List<Double> ratios = new ArrayList<>();
    for (Map<String, String> run : runs) {
      Double b = base.get(run.get("round"));
      if (b != null && run.containsKey(key)) {
        ratios.add(Double.parseDouble(run.get(key)) / b);
      }
    }
    if (ratios.isEmpty()) {
      return medianValue(runs, key) / medianValue(baseline, key);
    }
    ratios.sort(Double::compare);
    return medianOf(ratios);
  }

  private static String verdict(boolean met) {
    return met ? "met" : "MISSED";
  }

  private static String phases(List<Map<String, String>> runs) {
    if (!runs.get(0).containsKey("load_s")) {
      return "";
    }
    return median(runs, "load_s")
        + " → "
        + median(runs, "index_s")
        + " → "
        + median(runs, "analyze_s");
  }

  private static String first(List<Map<String, String>> runs, String key) {
    return runs.stream().map(r -> r.get(key)).filter(v -> v != null).findFirst().orElse("");
  }

  private static String median(List<Map<String, String>> runs, String key) {
    double m = medianValue(runs, key);
    if (Double.isNaN(m)) {
      return "";
    }
    boolean whole =
        runs.stream().map(r -> r.get(key)).filter(v -> v != null).noneMatch(v -> v.contains("."));
    return whole && m == Math.rint(m)
        ? String.format(Locale.ROOT, "%.0f", m)
        : String.format(Locale.ROOT, "%.2f", m);
  }

  private static double medianValue(List<Map<String, String>> runs, String key) {
    if (runs == null) {
      return Double.NaN;
    }
    List<Double> values = new ArrayList<>();
    for (Map<String, String> run : runs) {
      if (run.containsKey(key)) {
        values.add(Double.parseDouble(run.get(key)));
      }
    }
    if (values.isEmpty()) {
      return Double.NaN;
    }
    values.sort(Double::compare);
    return medianOf(values);
  }

  private static double medianOf(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
