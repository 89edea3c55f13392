package dev.minrole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code ./minrole} around a rebuild of the jar (as {@code mvn -B verify} does
 * after the Quick start): the class-data archive made for the old jar no longer matches, and the
 * launcher makes a new one silently; stderr never shows a JVM message.
 */
class LauncherIT {
  private static final String HANDLER = "com.example.orders.OrderHandler::handleRequest";

  @TempDir Path clone;

  @Test
  void launcher_whenJarIsRebuilt_makesANewArchiveAndKeepsStderrClean() throws Exception {
    Path repo = Fixtures.root().getParent();
    copy(repo.resolve("minrole"), clone.resolve("minrole"));
    copy(repo.resolve("cli/src/dist/bin/minrole"), clone.resolve("cli/src/dist/bin/minrole"));
    Path jar = clone.resolve("cli/target/minrole.jar");
    copy(repo.resolve("cli/target/minrole.jar"), jar);
    copyTree(
        repo.resolve("fixtures/examples/orders-app"),
        clone.resolve("fixtures/examples/orders-app"));
    String expected =
        Files.readString(
            repo.resolve("fixtures/examples/orders-app/expected/policy.json"),
            StandardCharsets.UTF_8);
    Path cds = clone.resolve("cli/target/cds");

    Processes first = launch();
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).isEqualTo(expected);
    StderrChecks.onlyMinrole(first.err());
    Path archive = onlyArchive(cds);
    assertThat(usable(archive, jar)).as("the archive matches the jar").isTrue();
    FileTime made = Files.getLastModifiedTime(archive);

    Processes again = launch();
    assertThat(again.exitCode()).isZero();
    assertThat(onlyArchive(cds)).isEqualTo(archive);
    assertThat(Files.getLastModifiedTime(archive)).as("not made again").isEqualTo(made);

    // A rebuild: the jar gets a new modification time, and the JVM would reject the old archive.
    Files.setLastModifiedTime(
        jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
    assertThat(usable(archive, jar)).as("the old archive no longer matches").isFalse();

    Processes rebuilt = launch();
    assertThat(rebuilt.exitCode()).as(rebuilt.err()).isZero();
    assertThat(rebuilt.out()).isEqualTo(expected);
    StderrChecks.onlyMinrole(rebuilt.err());
    assertThat(rebuilt.err()).isEqualTo(first.err());
    Path newArchive = onlyArchive(cds);
    assertThat(newArchive).isNotEqualTo(archive);
    assertThat(usable(newArchive, jar)).as("the new archive matches the rebuilt jar").isTrue();
  }

  private Processes launch() throws IOException, InterruptedException {
    return Processes.run(
        clone,
        Map.of("JAVA_HOME", System.getProperty("java.home")),
        List.of(
            "bash",
            clone.resolve("minrole").toString(),
            "generate",
            "fixtures/examples/orders-app",
            "--handler",
            HANDLER));
  }

  /** True if the JVM maps the archive for this jar ({@code -Xshare:on} fails otherwise). */
  private boolean usable(Path archive, Path jar) throws IOException, InterruptedException {
    Processes run =
        Processes.run(
            clone,
            Map.of(),
            List.of(
                Processes.java(),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:on",
                "-XX:SharedArchiveFile=" + archive,
                "-jar",
                jar.toString(),
                "--version"));
    return run.exitCode() == 0;
  }

  private static Path onlyArchive(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> archives = files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
      assertThat(archives).as("archives in %s", dir).hasSize(1);
      return archives.get(0);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
