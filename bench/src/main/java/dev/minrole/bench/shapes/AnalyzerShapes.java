package dev.minrole.bench.shapes;

import dev.minrole.analyzer.java.FunctionAnalysis;
import dev.minrole.analyzer.java.JavaProject;
import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SdkCall;
import dev.minrole.analyzer.sdk.SdkInventory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Runs the analyzer on every {@link Shape} at growing sizes and prints one Markdown row per run:
 * the work in evaluation steps (deterministic, the unit of the analysis budget), the times and heap
 * (informational), and what the analysis found. Each run writes its sources to a directory of its
 * own, loads them with {@link JavaProject#load} and analyzes the handler, as {@code minrole
 * generate} does.
 *
 * <pre>
 * java -cp minrole-bench.jar dev.minrole.bench.shapes.AnalyzerShapes [--only SHAPE,...]
 *     [--sizes N,...] [--budget STEPS] [--out DIR]
 * </pre>
 */
public final class AnalyzerShapes {
  private AnalyzerShapes() {}

  public static void main(String[] args) throws IOException {
    List<Shape> shapes = List.of(Shape.values());
    List<Integer> sizes = null;
    long budget = 0;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--only" ->
            shapes = Arrays.stream(args[++i].split(",")).map(AnalyzerShapes::shape).toList();
        case "--sizes" ->
            sizes = Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
        case "--budget" -> budget = Long.parseLong(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path root = out == null ? Files.createTempDirectory("minrole-shapes") : out;
    boolean keep = out != null;
    measure(Shape.CALL_SITES, 8, root.resolve("warmup"), budget, false);
    System.out.println(ShapeResult.HEADER);
    for (Shape shape : shapes) {
      for (int n : sizes == null ? shape.sizes() : sizes) {
        ShapeResult result = measure(shape, n, root.resolve(shape.id() + "-" + n), budget, keep);
        System.out.println(result.row());
        System.out.flush();
      }
    }
    if (!keep) {
      delete(root);
    }
  }

  private static Shape shape(String id) {
    return Arrays.stream(Shape.values())
        .filter(s -> s.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown shape "
                        + id
                        + "; the shapes are "
                        + Arrays.stream(Shape.values()).map(Shape::id).toList()));
  }

  /**
   * Writes the shape at size {@code n} under {@code dir}, analyzes it within {@code budget} steps
   * (0: the default) and says what it cost. The sources are deleted afterwards unless {@code keep}.
   */
  static ShapeResult measure(Shape shape, int n, Path dir, long budget, boolean keep)
      throws IOException {
    ShapeSource source = shape.generate(n);
    write(source, dir);
    try (PeakHeap heap = new PeakHeap()) {
      long start = System.nanoTime();
      JavaProject project = JavaProject.load(List.of(dir), SdkInventory.bundled());
      if (budget > 0) {
        project = project.withEvaluationBudget(budget);
      }
      long loaded = System.nanoTime();
      JavaProject.Outcome outcome;
      String crash = "";
      try {
        outcome = project.analyze(source.handler());
      } catch (RuntimeException | StackOverflowError e) {
        outcome = new JavaProject.HandlerNotFound(e.toString());
        crash = e.getClass().getSimpleName();
      }
      long analyzed = System.nanoTime();
      Map<String, Integer> findings = new TreeMap<>();
      List<Finding> all = new ArrayList<>(project.sources().findings());
      FunctionAnalysis analysis = null;
      if (outcome instanceof JavaProject.Analyzed a) {
        analysis = a.analysis();
        all.addAll(analysis.findings());
      } else if (crash.isEmpty()) {
        findings.put("handler not found", 1);
      }
      all.forEach(f -> findings.merge(f.id(), 1, Integer::sum));
      return new ShapeResult(
          shape,
          n,
          source.lines(),
          analysis == null ? 0 : analysis.work(),
          (loaded - start) / 1_000_000,
          (analyzed - loaded) / 1_000_000,
          heap.delta(),
          analysis == null ? 0 : analysis.calls().size(),
          analysis == null ? List.of() : keys(analysis.calls()),
          findings,
          analysis != null && all.stream().noneMatch(Finding::hidesCode),
          crash);
    } finally {
      if (!keep) {
        delete(dir);
      }
    }
  }

  private static List<String> keys(List<SdkCall> calls) {
    return calls.stream()
        .map(c -> c.args().get("Key"))
        .filter(java.util.Objects::nonNull)
        .map(ArgValue::pattern)
        .distinct()
        .sorted()
        .toList();
  }

  private static void write(ShapeSource source, Path dir) throws IOException {
    for (Map.Entry<String, String> file : source.files().entrySet()) {
      Path target = dir.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
