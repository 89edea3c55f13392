package dev.minrole.analyzer.java;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the {@code *.java} files under the user's paths. Symbolic links are followed, but a link
 * that leads back into a directory being walked is reported and not followed again. Build output
 * and VCS folders are skipped. The result is sorted, so analysis order never depends on the file
 * system.
 */
final class JavaFileWalker {
  private static final Set<String> SKIPPED_DIRS =
      Set.of(".git", ".hg", ".svn", "node_modules", ".gradle", ".idea", "cdk.out", ".aws-sam");

  /**
   * VCS and tool folders, and build output: {@code target} beside a {@code pom.xml}, {@code build}
   * beside a Gradle build file. A package that happens to be called {@code build} is kept.
   */
  private static boolean isSkipped(Path dir, String name) {
    if (SKIPPED_DIRS.contains(name)) {
      return true;
    }
    Path parent = dir.getParent();
    if (parent == null) {
      return false;
    }
    return switch (name) {
      case "target" -> Files.exists(parent.resolve("pom.xml"));
      case "build" ->
          Files.exists(parent.resolve("build.gradle"))
              || Files.exists(parent.resolve("build.gradle.kts"));
      default -> false;
    };
  }

  /** A Java file and the root its displayed path is relative to. */
  record Found(Path path, Path root) {
    String displayPath() {
      Path relative = root.equals(path) ? path.getFileName() : root.relativize(path);
      return relative.toString().replace('\\', '/');
    }
  }

  private final Path displayBase;

  JavaFileWalker() {
    this(null);
  }

  /** Files are shown relative to {@code displayBase} when they are under it, else to their root. */
  JavaFileWalker(Path displayBase) {
    this.displayBase = displayBase == null ? null : displayBase.toAbsolutePath().normalize();
  }

  record Result(List<Found> files, List<Finding> findings) {}

  Result walk(List<Path> roots) throws IOException {
    TreeMap<String, Found> files = new TreeMap<>();
    List<Finding> findings = new ArrayList<>();
    for (Path root : roots) {
      Path normalizedRoot = root.toAbsolutePath().normalize();
      Path shownFrom =
          displayBase != null && normalizedRoot.startsWith(displayBase)
              ? displayBase
              : normalizedRoot;
      if (Files.isRegularFile(normalizedRoot)) {
        Path base = normalizedRoot.getParent();
        files.putIfAbsent(
            normalizedRoot.toString(),
            new Found(
                normalizedRoot,
                shownFrom != normalizedRoot ? shownFrom : base == null ? normalizedRoot : base));
        continue;
      }
      Files.walkFileTree(
          normalizedRoot,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              Path name = dir.getFileName();
              if (!dir.equals(normalizedRoot) && name != null && isSkipped(dir, name.toString())) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".java")) {
                files.putIfAbsent(file.toString(), new Found(file, shownFrom));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              String where = new Found(file, shownFrom).displayPath();
              String message =
                  e instanceof FileSystemLoopException
                      ? "symbolic link loop at " + where + " is not followed"
                      : "cannot read " + where + ": " + e.getMessage() + "; check its permissions";
              findings.add(
                  Finding.warning("UNREADABLE_SOURCE", message, SourceLocation.file(where)));
              return FileVisitResult.CONTINUE;
            }
          });
    }
    return new Result(List.copyOf(files.values()), findings);
  }
}
