package dev.minrole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The {@code expected/} folder of one golden case. {@link #compare} checks an output against its
 * file byte for byte, or, when updating ({@code -Dgolden.update=true}), writes the file. {@link
 * #finish} then looks for files no output was compared with, such as a format the case no longer
 * produces or a file under an old name: an update deletes them, and a normal run fails naming them,
 * so the folder holds exactly what the case checks.
 */
final class GoldenFiles {
  private final Path folder;
  private final boolean update;
  private final Set<String> compared = new TreeSet<>();

  GoldenFiles(Path folder, boolean update) {
    this.folder = folder;
    this.update = update;
  }

  /** The {@code expected/} folder of {@code caseFolder}, updated with {@code -Dgolden.update}. */
  static GoldenFiles of(Path caseFolder) {
    return new GoldenFiles(caseFolder.resolve("expected"), Fixtures.updating());
  }

  /** True if the folder has a file {@code name}. */
  boolean has(String name) {
    return Files.exists(folder.resolve(name));
  }

  /** Checks {@code actual} against the file {@code name}, or writes it when updating. */
  void compare(String name, String actual) throws IOException {
    compared.add(name);
    compare(folder.resolve(name), actual, update);
  }

  /** Deletes (when updating) or fails on the files no {@link #compare} call named. */
  void finish() throws IOException {
    keepOnly(compared);
  }

  /** Deletes (when updating) or fails on the files of the folder not named in {@code names}. */
  void keepOnly(Set<String> names) throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    List<Path> stale;
    try (Stream<Path> files = Files.list(folder)) {
      stale = files.filter(f -> !names.contains(f.getFileName().toString())).sorted().toList();
    }
    if (update) {
      for (Path file : stale) {
        delete(file);
      }
      return;
    }
    assertThat(stale)
        .as(
            "files in %s that no output of the case is compared with"
                + " (run with -Dgolden.update=true to delete them)",
            folder)
        .isEmpty();
  }

  /** One golden file: {@code actual} written to it when updating, else compared with it. */
  static void compare(Path expected, String actual, boolean update) throws IOException {
    if (update) {
      Files.createDirectories(expected.getParent());
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(expected)
        .as("golden file %s (run with -Dgolden.update=true to create it)", expected)
        .exists();
    assertThat(actual)
        .as("output differs from %s", expected)
        .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }

  private static void delete(Path path) throws IOException {
    try (Stream<Path> tree = Files.walk(path)) {
      for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
