package dev.minrole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One test per folder under {@code fixtures/diff-cases/}: it runs {@code minrole diff} on the
 * case's {@code input/} with the arguments in {@code args.txt}, {@code --current current.json} (and
 * {@code --boundary boundary.json} if the case has one; a case without {@code current.json} is
 * compared with the roles its infrastructure code declares), in every format, and compares the
 * output with {@code expected/diff.txt}, {@code diff.md}, {@code diff.json} and {@code diff.sarif},
 * byte for byte, and the exit code with {@code expected/exit-code.txt}. The SARIF is also checked
 * against the shape of SARIF 2.1.0. {@code -Dgolden.update=true} rewrites the expected files and
 * deletes the ones no output is compared with ({@link GoldenFiles}).
 */
class DiffCasesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> diffCases() throws IOException {
    List<Path> folders = Fixtures.caseFolders("diff-cases");
    return folders.stream()
        .map(
            folder ->
                DynamicTest.dynamicTest(
                    folder.getFileName().toString(), () -> run(folder, Fixtures.updating())));
  }

  /** Runs one case; {@code update} rewrites its expected files instead of comparing them. */
  static void run(Path folder, boolean update) throws Exception {
    assertThat(folder.resolve("case.md")).as("case.md says what the case proves").exists();
    List<String> base = new ArrayList<>(List.of("diff", folder.resolve("input").toString()));
    base.addAll(GoldenCasesTest.arguments(folder.resolve("args.txt")));
    if (Files.exists(folder.resolve("current.json"))) {
      base.addAll(List.of("--current", folder.resolve("current.json").toString()));
    }
    if (Files.exists(folder.resolve("boundary.json"))) {
      base.addAll(List.of("--boundary", folder.resolve("boundary.json").toString()));
    }
    GoldenFiles expected = new GoldenFiles(folder.resolve("expected"), update);
    Integer exitCode = null;
    for (String[] format :
        new String[][] {
          {"text", "txt"}, {"markdown", "md"}, {"json", "json"}, {"sarif", "sarif"}
        }) {
      List<String> args = new ArrayList<>(base);
      args.addAll(List.of("--format", format[0]));
      Cli cli = Cli.run(args.toArray(String[]::new));
      assertThat(cli.exitCode()).as(cli.err()).isIn(0, 3, 4, 6);
      assertThat(exitCode == null || exitCode == cli.exitCode())
          .as("same exit code in every format")
          .isTrue();
      exitCode = cli.exitCode();
      expected.compare("diff." + format[1], cli.out());
      if (format[0].equals("sarif")) {
        SarifChecks.check(JSON.readTree(cli.out()));
      } else if (format[0].equals("json")) {
        JsonNode parsed = JSON.readTree(cli.out());
        assertThat(parsed.path("functions")).isNotEmpty();
      }
    }
    expected.compare("exit-code.txt", exitCode + "\n");
    expected.finish();
  }
}
