package dev.minrole.cli;

import java.nio.file.Files;
import java.nio.file.Path;

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

  static boolean updating() {
    return Boolean.parseBoolean(System.getProperty("golden.update", "false"));
  }
}
