package dev.minrole.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the repository's {@code fixtures/} folder is, whichever module the tests run from. */
final class Fixtures {
  private Fixtures() {}

  static Path root() {
    for (Path candidate : new Path[] {Path.of("fixtures"), Path.of("..", "fixtures")}) {
      if (Files.isDirectory(candidate)) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("fixtures/ not found from " + Path.of("").toAbsolutePath());
  }

  /** The case folders under {@code fixtures/<kind>/}, sorted; there must be some. */
  static List<Path> caseFolders(String kind) throws IOException {
    try (Stream<Path> list = Files.list(root().resolve(kind))) {
      List<Path> folders = list.filter(Files::isDirectory).sorted().toList();
      if (folders.isEmpty()) {
        throw new IllegalStateException("no cases under fixtures/" + kind);
      }
      return folders;
    }
  }

  static boolean updating() {
    return Boolean.parseBoolean(System.getProperty("golden.update", "false"));
  }
}
