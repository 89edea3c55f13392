package dev.minrole.bench.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A generated source tree held in memory: the Java files by path, and for every handler the SDK
 * operations ({@code service.Operation}) its code can perform, which the analysis must find.
 */
final class SourceTree {
  /** Where the sources go, below the output directory. */
  static final String SOURCES = "tree";

  /** One handler per line, {@code pkg.Class::method}. */
  static final String HANDLERS = "handlers.txt";

  /**
   * One handler per line: the handler, a tab, the folder its app's sources are in (every SDK call
   * the analysis finds for it must be there or in the shared library), a tab, then its operations
   * separated by spaces.
   */
  static final String EXPECTED = "expected.tsv";

  private final SortedMap<String, String> files = new TreeMap<>();
  private final SortedMap<String, SortedSet<String>> expected = new TreeMap<>();
  private final SortedMap<String, String> appDirs = new TreeMap<>();

  void add(String path, String content) {
    if (files.putIfAbsent(path, content) != null) {
      throw new IllegalStateException("generated twice: " + path);
    }
  }

  void expect(String handler, String appDir, Collection<String> operations) {
    expected.put(handler, new TreeSet<>(operations));
    appDirs.put(handler, appDir);
  }

  int fileCount() {
    return files.size();
  }

  Map<String, String> files() {
    return files;
  }

  SortedMap<String, SortedSet<String>> expected() {
    return expected;
  }

  /** Writes the tree under {@code out/tree}, with the handler list and expectations beside it. */
  void writeTo(Path out) throws IOException {
    Path root = out.resolve(SOURCES);
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = root.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
    Files.write(out.resolve(HANDLERS), List.copyOf(expected.keySet()), StandardCharsets.UTF_8);
    StringBuilder tsv = new StringBuilder();
    expected.forEach(
        (h, ops) ->
            tsv.append(h)
                .append('\t')
                .append(appDirs.get(h))
                .append('\t')
                .append(String.join(" ", ops))
                .append('\n'));
    Files.writeString(out.resolve(EXPECTED), tsv, StandardCharsets.UTF_8);
  }
}
