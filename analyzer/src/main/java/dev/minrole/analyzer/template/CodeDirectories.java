package dev.minrole.analyzer.template;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The directory holding a function's sources, from where its deployment says the code is: a
 * directory of sources, or a built jar or zip under {@code target/}, {@code build/} or {@code
 * build/libs/}, whose module is read. An S3 location or anything else gives nothing.
 */
public final class CodeDirectories {
  private CodeDirectories() {}

  /** {@code uri} (relative to {@code base}) as a source directory. */
  public static Optional<Path> of(Path base, String uri) {
    if (uri.isEmpty() || uri.startsWith("s3://")) {
      return Optional.empty();
    }
    Path path = base.resolve(uri).normalize();
    if (Files.isRegularFile(path) || looksBuilt(path)) {
      Path parent = path.getParent();
      String name =
          parent == null || parent.getFileName() == null
              ? ""
              : parent.getFileName().toString().toLowerCase(Locale.ROOT);
      if ((name.equals("target") || name.equals("build") || name.equals("libs"))
          && parent.getParent() != null) {
        Path module =
            name.equals("libs") && parent.getParent().getParent() != null
                ? parent.getParent().getParent()
                : parent.getParent();
        return Optional.of(module);
      }
      return Optional.empty();
    }
    return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
  }

  /** A jar or zip that is not built yet (Terraform names the artifact before the build). */
  private static boolean looksBuilt(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    return !Files.exists(path) && (name.endsWith(".jar") || name.endsWith(".zip"));
  }
}
