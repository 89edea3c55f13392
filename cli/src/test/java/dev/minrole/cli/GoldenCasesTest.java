package dev.minrole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One test per folder under {@code fixtures/cases/}: it runs {@code minrole generate} on the case's
 * {@code input/} (when it has one) with the arguments in {@code args.txt}, where {@code ${case}}
 * stands for the case's folder, and compares the policy and the report with {@code
 * expected/policy.json} and {@code expected/report.json}, byte for byte, and every other format the
 * case has a file for ({@link GoldenFormats}). Run with {@code -Dgolden.update=true} to rewrite the
 * expected files and delete the ones no output is compared with ({@link GoldenFiles}).
 */
class GoldenCasesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> goldenCases() throws IOException {
    List<Path> folders = Fixtures.caseFolders("cases");
    return folders.stream()
        .map(
            folder ->
                DynamicTest.dynamicTest(
                    folder.getFileName().toString(), () -> run(folder, Fixtures.updating())));
  }

  /** Runs one case; {@code update} rewrites its expected files instead of comparing them. */
  static void run(Path folder, boolean update) throws Exception {
    assertThat(folder.resolve("case.md")).as("case.md says what the case proves").exists();
    List<String> base = new ArrayList<>();
    base.add("generate");
    if (Files.isDirectory(folder.resolve("input"))) {
      base.add(folder.resolve("input").toString());
    }
    for (String arg : arguments(folder.resolve("args.txt"))) {
      base.add(arg.replace("${case}", folder.toString()));
    }
    Cli policy = Cli.run(with(base, GoldenFormats.FILES.get("policy.json")));
    assertThat(policy.exitCode()).as(policy.err()).isZero();
    Cli report = Cli.run(with(base, GoldenFormats.FILES.get("report.json")));
    assertThat(report.exitCode()).as(report.err()).isZero();
    GoldenFiles expected = new GoldenFiles(folder.resolve("expected"), update);
    expected.compare("policy.json", policy.out());
    expected.compare("report.json", report.out());
    JsonNode parsed = JSON.readTree(report.out());
    for (JsonNode function : parsed.path("functions")) {
      PolicyChecks.checkFunction(function, parsed.path("findings"));
    }
    compareOtherFormats(folder, expected, base, policy.out());
    expected.finish();
  }

  /**
   * Every other format the case has a golden file for; YAML outputs must read back as the policy.
   */
  static void compareOtherFormats(
      Path folder, GoldenFiles expected, List<String> base, String policyJson) throws IOException {
    for (Map.Entry<String, List<String>> format : new TreeMap<>(GoldenFormats.FILES).entrySet()) {
      if (format.getKey().equals("policy.json")
          || format.getKey().equals("report.json")
          || !expected.has(format.getKey())) {
        continue;
      }
      Cli cli = Cli.run(with(base, format.getValue()));
      assertThat(cli.exitCode()).as(cli.err()).isZero();
      expected.compare(format.getKey(), cli.out());
      if (format.getKey().equals("policy.yaml")) {
        assertThat(YamlChecks.read(cli.out()))
            .as("yaml reads back as the json policy")
            .isEqualTo(JSON.readTree(policyJson));
      } else if (format.getKey().endsWith(".yaml")) {
        YamlChecks.read(cli.out());
        TemplateReferenceChecks.check(cli.out(), folder.resolve("input"));
      }
    }
  }

  static String[] with(List<String> base, List<String> more) {
    List<String> args = new ArrayList<>(base);
    args.addAll(more);
    return args.toArray(String[]::new);
  }

  static List<String> arguments(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        out.addAll(List.of(trimmed.split("\\s+")));
      }
    }
    return out;
  }
}
