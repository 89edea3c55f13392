package dev.minrole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downloadable archive, unpacked into a temporary directory far from the repository: it runs
 * the bundled example with nothing but a JVM, makes its class-data archive in the user's cache
 * directory on first use, and goes without one where that cannot be written.
 */
class ArchiveIT {
  private static final String VERSION = System.getProperty("minrole.version", "0.1.0");
  private static final String HANDLER = "com.example.orders.OrderHandler::handleRequest";
  private static final Path TARGET = Path.of(System.getProperty("minrole.target", "target"));

  @TempDir Path temp;

  @Test
  void archive_whenUnpacked_runsGenerateOnTheBundledExample() throws Exception {
    Path home = unpack();
    Path cache = temp.resolve("cache");

    Processes run = minrole(home, cache, "generate", "examples/orders-app", "--handler", HANDLER);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .isEqualTo(
            Files.readString(
                Fixtures.root().resolve("examples/orders-app/expected/policy.json"),
                StandardCharsets.UTF_8));
    StderrChecks.onlyMinrole(run.err());
    assertThat(run.err()).contains("[OVER_GRANT]");
    try (Stream<Path> files = Files.list(cache.resolve("minrole").resolve(VERSION))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .singleElement()
          .satisfies(name -> assertThat(name).startsWith("minrole-").endsWith(".jsa"));
    }
  }

  @Test
  void archive_whenCacheCannotBeWritten_runsWithoutClassDataArchive() throws Exception {
    Path home = unpack();
    Path file = Files.writeString(temp.resolve("not-a-directory"), "");

    Processes run = minrole(home, file.resolve("cache"), "--version");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("minrole " + VERSION + "\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void zip_holdsTheSameFilesAsTheTarball_withWindowsLineEndsInTheCmdScript() throws Exception {
    Path home = unpack();
    List<String> unpacked = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(home)) {
      walk.filter(Files::isRegularFile)
          .forEach(p -> unpacked.add(home.relativize(p).toString().replace('\\', '/')));
    }
    List<String> zipped = new ArrayList<>();
    String cmd;
    try (ZipFile zip = new ZipFile(TARGET.resolve("minrole-" + VERSION + ".zip").toFile())) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        if (!e.isDirectory()) {
          zipped.add(e.getName().substring(("minrole-" + VERSION + "/").length()));
        }
      }
      ZipEntry script = zip.getEntry("minrole-" + VERSION + "/bin/minrole.cmd");
      cmd = new String(zip.getInputStream(script).readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(zipped).containsExactlyInAnyOrderElementsOf(unpacked);
    assertThat(unpacked)
        .contains("bin/minrole", "bin/minrole.cmd", "lib/minrole.jar", "LICENSE", "README.md");
    assertThat(cmd).contains("\r\n").contains("-jar \"%MINROLE_HOME%\\lib\\minrole.jar\"");
    assertThat(Files.isExecutable(home.resolve("bin/minrole"))).isTrue();
    assertThat(Files.readString(home.resolve("README.md"))).startsWith("# minrole " + VERSION);
  }

  private Path unpack() throws IOException, InterruptedException {
    Path archive = TARGET.resolve("minrole-" + VERSION + ".tar.gz").toAbsolutePath();
    assertThat(archive).exists();
    Path into = temp.resolve("unpacked");
    Files.createDirectories(into);
    Processes tar = Processes.run(into, Map.of(), List.of("tar", "-xzf", archive.toString()));
    assertThat(tar.exitCode()).as(tar.err()).isZero();
    return into.resolve("minrole-" + VERSION);
  }

  private Processes minrole(Path home, Path cache, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/minrole").toString()));
    command.addAll(List.of(args));
    return Processes.run(
        home,
        Map.of(
            "JAVA_HOME", System.getProperty("java.home"),
            "XDG_CACHE_HOME", cache.toString(),
            "HOME", temp.resolve("home").toString()),
        command);
  }
}
