package dev.minrole.bench.run;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import dev.minrole.analyzer.java.JavaSourceLoader;
import dev.minrole.analyzer.java.ParsedFile;
import dev.minrole.analyzer.java.SourceSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * An experiment, not what the analyzer does: loads the sources like {@link JavaSourceLoader} (same
 * configuration, one parser per core), but right after each parse replaces every node's token range
 * by its plain range. Positions stay exactly the same; the tokens (most of a tree's memory) become
 * garbage. It shows what that change in the loader would save.
 */
final class TokenDroppingLoader {
  private TokenDroppingLoader() {}

  static SourceSet load(Path root) throws Exception {
    List<Path> files = ParseOnly.javaFiles(root);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(),
            task -> new Thread(null, task, "parse-drop-tokens", 64L * 1024 * 1024));
    ThreadLocal<JavaParser> parsers =
        ThreadLocal.withInitial(() -> new JavaParser(JavaSourceLoader.parserConfiguration()));
    try {
      List<Future<ParsedFile>> futures = new ArrayList<>();
      for (Path file : files) {
        futures.add(pool.submit(() -> parse(parsers.get(), root, file)));
      }
      List<ParsedFile> parsed = new ArrayList<>();
      for (Future<ParsedFile> future : futures) {
        ParsedFile file = future.get();
        if (file != null) {
          parsed.add(file);
        }
      }
      return new SourceSet(parsed, List.of(), files.size());
    } finally {
      pool.shutdownNow();
    }
  }

  private static ParsedFile parse(JavaParser parser, Path root, Path file) throws Exception {
    ParseResult<CompilationUnit> result =
        parser.parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    if (!result.isSuccessful() || result.getResult().isEmpty()) {
      return null;
    }
    CompilationUnit unit = result.getResult().get();
    for (Node node : unit.findAll(Node.class)) {
      Range range = node.getRange().orElse(null);
      node.setTokenRange(null);
      node.setRange(range);
    }
    String display = root.relativize(file).toString().replace('\\', '/');
    return new ParsedFile(file.toAbsolutePath().normalize(), display, unit);
  }
}
