package dev.minrole.bench.run;

import dev.minrole.analyzer.java.FunctionAnalysis;
import dev.minrole.analyzer.java.JavaProject;
import dev.minrole.analyzer.java.JavaSourceLoader;
import dev.minrole.analyzer.java.SourceSet;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.sdk.SdkInventory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The full analysis of a generated tree, as a monorepo user runs it: load (parse on all cores),
 * index, then analyze every handler, on {@code --threads} threads sharing one {@link JavaProject}.
 * With more than one thread this is what {@link JavaProject#analyzeAll} does for {@code minrole
 * generate} with several handlers, except that a crash ends only its own handler's analysis here.
 * Each analysis is checked against the generator's expectations; problems and crashes go to {@code
 * --problems FILE}.
 *
 * <pre>
 * java -cp minrole-bench.jar dev.minrole.bench.run.FullAnalysis --out DIR [--threads N]
 *     [--problems FILE]
 * </pre>
 */
public final class FullAnalysis {
  private FullAnalysis() {}

  public static void main(String[] args) throws Exception {
    Path out = null;
    int threads = 1;
    Path problemsFile = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> out = Path.of(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--problems" -> problemsFile = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (out == null) {
      throw new IllegalArgumentException("--out DIR (the generator's output) is required");
    }
    Expectations expectations = Expectations.read(out.resolve("expected.tsv"));
    List<String> handlers = expectations.handlers();
    try (HeapWatch heap = new HeapWatch()) {
      long cpuStart = RunResult.processCpuNanos();
      long start = System.nanoTime();
      SourceSet sources = new JavaSourceLoader().load(List.of(out.resolve("tree")));
      long loaded = System.nanoTime();
      JavaProject project = JavaProject.of(sources, SdkInventory.bundled());
      long indexed = System.nanoTime();
      Outcome[] outcomes = analyzeAll(project, handlers, threads);
      long analyzed = System.nanoTime();
      long cpu = RunResult.processCpuNanos() - cpuStart;

      List<String> problems = new ArrayList<>();
      Map<String, Integer> findings = new TreeMap<>();
      int calls = 0;
      int wrong = 0;
      for (int i = 0; i < handlers.size(); i++) {
        String handler = handlers.get(i);
        List<String> own = problems(outcomes[i], handler, expectations, findings);
        if (!own.isEmpty()) {
          wrong++;
          own.forEach(p -> problems.add(handler + ": " + p));
        }
        if (outcomes[i].analysis() != null) {
          calls += outcomes[i].analysis().calls().size();
        }
      }
      sources.findings().forEach(f -> findings.merge(f.id(), 1, Integer::sum));
      if (problemsFile != null) {
        Files.write(problemsFile, problems, StandardCharsets.UTF_8);
      }
      long total = analyzed - start;
      RunResult result =
          new RunResult("analysis")
              .put("threads", threads)
              .put("files", sources.filesSeen())
              .put("handlers", handlers.size())
              .seconds("load_s", loaded - start)
              .seconds("index_s", indexed - loaded)
              .seconds("analyze_s", analyzed - indexed)
              .seconds("seconds", total)
              .seconds("cpu_s", cpu)
              .put("files_per_s", Math.round(sources.filesSeen() / (total / 1e9)))
              .put("calls", calls)
              .put("wrong_handlers", wrong);
      findings.forEach((id, n) -> result.put("finding_" + id, n));
      result.heap(heap.finish());
      System.out.println(result.line());
    }
  }

  /** One handler's analysis, or the crash that ended it. */
  private record Outcome(JavaProject.Outcome outcome, Throwable crash) {
    FunctionAnalysis analysis() {
      return outcome instanceof JavaProject.Analyzed a ? a.analysis() : null;
    }
  }

  private static Outcome[] analyzeAll(JavaProject project, List<String> handlers, int threads)
      throws InterruptedException {
    Outcome[] outcomes = new Outcome[handlers.size()];
    AtomicInteger next = new AtomicInteger();
    Runnable worker =
        () -> {
          for (int i = next.getAndIncrement(); i < handlers.size(); i = next.getAndIncrement()) {
            try {
              outcomes[i] = new Outcome(project.analyze(handlers.get(i)), null);
            } catch (RuntimeException | StackOverflowError e) {
              outcomes[i] = new Outcome(null, e);
            }
          }
        };
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread thread = new Thread(null, worker, "analyze-" + t, 64L * 1024 * 1024);
      thread.start();
      running.add(thread);
    }
    for (Thread thread : running) {
      thread.join();
    }
    return outcomes;
  }

  private static List<String> problems(
      Outcome outcome, String handler, Expectations expectations, Map<String, Integer> findings) {
    if (outcome.crash() != null) {
      StringWriter trace = new StringWriter();
      outcome.crash().printStackTrace(new PrintWriter(trace));
      return List.of("crashed: " + trace.toString().replace("\n", "\n    "));
    }
    if (outcome.outcome() instanceof JavaProject.HandlerNotFound missing) {
      return List.of("not found: " + missing.message());
    }
    FunctionAnalysis analysis = outcome.analysis();
    for (Finding f : analysis.findings()) {
      findings.merge(f.id(), 1, Integer::sum);
    }
    return expectations.check(analysis);
  }
}
