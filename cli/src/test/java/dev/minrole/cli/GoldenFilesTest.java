package dev.minrole.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Dgolden.update=true} leaves in {@code expected/} exactly the files the case compares: it
 * deletes a file no output has (a format the case no longer produces), and a normal run fails on
 * one.
 */
class GoldenFilesTest {
  @TempDir Path dir;

  @Test
  void finish_whenUpdating_deletesFilesNoOutputWasComparedWith() throws IOException {
    Path expected = Files.createDirectories(dir.resolve("expected"));
    Files.writeString(expected.resolve("policy.json"), "old\n");
    Files.writeString(expected.resolve("policy.cfn.yaml"), "stale\n");
    Files.createDirectories(expected.resolve("old-format"))
        .resolve("a.txt")
        .toFile()
        .createNewFile();

    GoldenFiles files = new GoldenFiles(expected, true);
    files.compare("policy.json", "new\n");
    files.compare("report.json", "{}\n");
    files.finish();

    assertThat(names(expected)).containsExactly("policy.json", "report.json");
    assertThat(expected.resolve("policy.json")).hasContent("new");
  }

  @Test
  void finish_whenNotUpdating_failsNamingTheStaleFileAndKeepsIt() throws IOException {
    Path expected = Files.createDirectories(dir.resolve("expected"));
    Files.writeString(expected.resolve("policy.json"), "same\n");
    Files.writeString(expected.resolve("policy.cfn.yaml"), "stale\n");

    GoldenFiles files = new GoldenFiles(expected, false);
    files.compare("policy.json", "same\n");

    assertThatThrownBy(files::finish)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("policy.cfn.yaml")
        .hasMessageContaining("-Dgolden.update=true");
    assertThat(names(expected)).containsExactly("policy.cfn.yaml", "policy.json");
  }

  @Test
  void finish_whenEveryFileWasCompared_passes() throws IOException {
    Path expected = Files.createDirectories(dir.resolve("expected"));
    Files.writeString(expected.resolve("diff.txt"), "x\n");

    GoldenFiles files = new GoldenFiles(expected, false);
    files.compare("diff.txt", "x\n");
    files.finish();

    GoldenFiles none = new GoldenFiles(dir.resolve("no-such-folder"), false);
    none.finish();
    assertThat(dir.resolve("no-such-folder")).doesNotExist();
  }

  @Test
  void goldenCase_whenUpdated_losesAFormatItDoesNotProduceAndKeepsItsOutputs() throws Exception {
    Path original = Fixtures.root().resolve("cases/s3-put");
    Path copy = copy(original, dir.resolve("s3-put"));
    Files.writeString(copy.resolve("expected/policy.cfn.yaml"), "Resources: {}\n");

    assertThatThrownBy(() -> GoldenCasesTest.run(copy, false))
        .hasMessageContaining("policy.cfn.yaml");
    GoldenCasesTest.run(copy, true);

    assertThat(names(copy.resolve("expected"))).containsExactly("policy.json", "report.json");
    for (String name : List.of("policy.json", "report.json")) {
      assertThat(Files.readString(copy.resolve("expected").resolve(name), StandardCharsets.UTF_8))
          .isEqualTo(Files.readString(original.resolve("expected").resolve(name)));
    }
    GoldenCasesTest.run(copy, false);
  }

  @Test
  void diffCase_whenUpdated_losesAFileItDoesNotProduce() throws Exception {
    Path copy =
        copy(Fixtures.root().resolve("diff-cases/missing-permission"), dir.resolve("missing"));
    Files.writeString(copy.resolve("expected/diff.html"), "<p>old</p>\n");

    DiffCasesTest.run(copy, true);

    assertThat(names(copy.resolve("expected")))
        .containsExactly("diff.json", "diff.md", "diff.sarif", "diff.txt", "exit-code.txt");
    DiffCasesTest.run(copy, false);
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> tree = Files.walk(from)) {
      for (Path source : tree.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    return to;
  }
}
