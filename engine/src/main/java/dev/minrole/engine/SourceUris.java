package dev.minrole.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Turns a source file as the analyzer names it (relative to the PATH it was found under) into a
 * path relative to the working directory, which is what SARIF consumers expect when minrole runs
 * from the repository root.
 */
public record SourceUris(List<Path> roots, Path workingDirectory) implements UnaryOperator<String> {
  @Override
  public String apply(String file) {
    for (Path root : roots) {
      Path base =
          Files.isRegularFile(root) ? root.toAbsolutePath().getParent() : root.toAbsolutePath();
      Path candidate = base.resolve(file).normalize();
      if (Files.exists(candidate)) {
        try {
          return workingDirectory
              .toAbsolutePath()
              .normalize()
              .relativize(candidate)
              .toString()
              .replace('\\', '/');
        } catch (IllegalArgumentException e) {
          return candidate.toString().replace('\\', '/');
        }
      }
    }
    return file;
  }
}
