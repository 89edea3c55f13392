package dev.minrole.bench.run;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import dev.minrole.analyzer.java.JavaSourceLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The baseline: JavaParser alone over the same files, with the analyzer's parser configuration and
 * its parallelism (one parser per thread, as many threads as cores, the same thread stack size),
 * reading and decoding each file as the analyzer does and keeping every tree until the end, as the
 * analyzer does.
 *
 * <pre>java -cp minrole-bench.jar dev.minrole.bench.run.ParseOnly ROOT</pre>
 */
public final class ParseOnly {
  private ParseOnly() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int threads = Runtime.getRuntime().availableProcessors();
    try (HeapWatch heap = new HeapWatch()) {
      long cpuStart = RunResult.processCpuNanos();
      long start = System.nanoTime();
      List<Path> files = javaFiles(root);
      List<CompilationUnit> units = parseAll(files, threads);
      long elapsed = System.nanoTime() - start;
      RunResult result =
          new RunResult("parse")
              .put("threads", threads)
              .put("files", files.size())
              .put("parsed", units.size())
              .seconds("seconds", elapsed)
              .seconds("cpu_s", RunResult.processCpuNanos() - cpuStart)
              .put("files_per_s", Math.round(files.size() / (elapsed / 1e9)));
      result.heap(heap.finish());
      System.out.println(result.line());
      if (units.size() != files.size()) {
        System.exit(1);
      }
    }
  }

  static List<Path> javaFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
          .sorted()
          .toList();
    }
  }

  private static List<CompilationUnit> parseAll(List<Path> files, int threads) throws Exception {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads, task -> new Thread(null, task, "parse-only", 64L * 1024 * 1024));
    ThreadLocal<JavaParser> parsers =
        ThreadLocal.withInitial(() -> new JavaParser(JavaSourceLoader.parserConfiguration()));
    try {
      List<Future<ParseResult<CompilationUnit>>> futures = new ArrayList<>();
      for (Path file : files) {
        futures.add(
            pool.submit(
                () ->
                    parsers
                        .get()
                        .parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8))));
      }
      List<CompilationUnit> units = new ArrayList<>();
      for (Future<ParseResult<CompilationUnit>> future : futures) {
        ParseResult<CompilationUnit> result = future.get();
        if (result.isSuccessful()) {
          result.getResult().ifPresent(units::add);
        }
      }
      return units;
    } finally {
      pool.shutdownNow();
    }
  }
}
