package dev.minrole.analyzer.build;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the build file of the module that holds a function's sources ({@code pom.xml}, {@code
 * build.gradle} or {@code build.gradle.kts}, in the source root or up to three directories above
 * it, with the parent POMs a Maven module inherits dependencies from) and reports each dependency
 * known to call AWS that minrole does not model: {@code UNMODELLED_LIBRARY}, which makes the
 * function incomplete. A build file that cannot be read gives {@code BUILD_FILE_ERROR}.
 */
public final class BuildFiles {
  private static final List<String> NAMES = List.of("pom.xml", "build.gradle", "build.gradle.kts");
  private static final int LEVELS_UP = 3;
  private static final int PARENTS = 5;

  private BuildFiles() {}

  /** The findings about the build of the sources under {@code roots}. */
  public static List<Finding> check(List<Path> roots, Path displayBase) {
    if (roots.isEmpty()) {
      return List.of();
    }
    Path root = roots.get(0).toAbsolutePath().normalize();
    Optional<Path> file = find(root);
    if (file.isEmpty()) {
      return List.of();
    }
    Path base = displayBase != null ? displayBase.toAbsolutePath().normalize() : root;
    List<Finding> findings = new ArrayList<>();
    List<Dependency> dependencies = new ArrayList<>();
    read(file.get(), base, dependencies, findings);
    AwsLibraries known = AwsLibraries.bundled();
    for (Dependency dependency : dependencies) {
      known
          .of(dependency)
          .filter(library -> !library.modelled())
          .ifPresent(library -> findings.add(unmodelled(dependency, library)));
    }
    return List.copyOf(findings);
  }

  /** The nearest build file: in {@code root} or a directory above it. */
  static Optional<Path> find(Path root) {
    Path dir = Files.isDirectory(root) ? root : root.getParent();
    for (int up = 0; dir != null && up <= LEVELS_UP; up++, dir = dir.getParent()) {
      for (String name : NAMES) {
        Path candidate = dir.resolve(name);
        if (Files.isRegularFile(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static void read(
      Path file, Path base, List<Dependency> dependencies, List<Finding> findings) {
    Path current = file;
    for (int depth = 0; current != null && depth < PARENTS; depth++) {
      String display = display(current, base);
      try {
        if (current.getFileName().toString().equals("pom.xml")) {
          MavenPom.Read pom = MavenPom.read(current, display);
          dependencies.addAll(pom.dependencies());
          Path parent = current.getParent();
          current =
              pom.parentPath()
                  .map(p -> parent.resolve(p).normalize())
                  .map(p -> Files.isDirectory(p) ? p.resolve("pom.xml") : p)
                  .filter(Files::isRegularFile)
                  .orElse(null);
        } else {
          dependencies.addAll(
              GradleBuild.read(Files.readString(current, StandardCharsets.UTF_8), display));
          current = null;
        }
      } catch (IOException e) {
        findings.add(
            Finding.warning(
                "BUILD_FILE_ERROR",
                "cannot read the dependencies of "
                    + display
                    + " ("
                    + e.getMessage()
                    + "); libraries it declares that call AWS are not checked",
                SourceLocation.of(display, 0)));
        current = null;
      }
    }
  }

  private static Finding unmodelled(Dependency dependency, AwsLibraries.Library library) {
    return Finding.warning(
        "UNMODELLED_LIBRARY",
        dependency.coordinates()
            + " calls AWS for the code ("
            + library.calls()
            + "), and minrole has no model of it: what it needs is not in the policy, and the"
            + " function is reported incomplete. Add its permissions by hand ("
            + library.source()
            + ")",
        dependency.where());
  }

  private static String display(Path file, Path base) {
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(base)
        ? base.relativize(absolute).toString().replace('\\', '/')
        : absolute.getFileName().toString();
  }
}
