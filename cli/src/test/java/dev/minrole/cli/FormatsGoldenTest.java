package dev.minrole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The bundled example in every output format, byte for byte against {@code
 * fixtures/examples/orders-app/expected/}, and docs/formats.md shows each of these outputs as it is
 * (so the documentation cannot drift from what minrole prints). That folder holds nothing else:
 * {@code -Dgolden.update=true} deletes any other file ({@link GoldenFiles}).
 */
class FormatsGoldenTest {
  private static final List<String> BASE =
      List.of(
          "generate",
          Fixtures.root().resolve("examples/orders-app").toString(),
          "--handler",
          "com.example.orders.OrderHandler::handleRequest");

  @TestFactory
  Stream<DynamicTest> bundledExample_inEveryFormat() {
    return new TreeMap<>(GoldenFormats.FILES)
        .entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> check(e)));
  }

  @Test
  void bundledExample_expectedFolder_holdsOnlyTheFormats() throws IOException {
    expected().keepOnly(GoldenFormats.FILES.keySet());
  }

  private static GoldenFiles expected() {
    return new GoldenFiles(
        Fixtures.root().resolve("examples/orders-app/expected"), Fixtures.updating());
  }

  private static void check(Map.Entry<String, List<String>> format) throws IOException {
    Cli cli = Cli.run(GoldenCasesTest.with(BASE, format.getValue()));
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    expected().compare(format.getKey(), cli.out());
    if (format.getKey().endsWith(".cfn.yaml") || format.getKey().endsWith(".sam.yaml")) {
      TemplateReferenceChecks.check(cli.out(), Fixtures.root().resolve("examples/orders-app"));
    }
    Path docs = Fixtures.root().getParent().resolve("docs/formats.md");
    assertThat(Files.readString(docs, StandardCharsets.UTF_8))
        .as("docs/formats.md shows the %s output of the bundled example", format.getKey())
        .contains("```" + fence(format.getKey()) + "\n" + cli.out() + "```\n");
  }

  @Test
  void readme_showsTheQuickStartOutput() throws IOException {
    Cli cli = Cli.run(BASE.toArray(String[]::new));
    Path readme = Fixtures.root().getParent().resolve("README.md");
    assertThat(Files.readString(readme, StandardCharsets.UTF_8))
        .as("README.md shows what its Quick start command prints")
        .contains("```json\n" + cli.out() + "```\n");
  }

  private static String fence(String file) {
    if (file.endsWith(".json")) {
      return "json";
    }
    if (file.endsWith(".yaml")) {
      return "yaml";
    }
    return file.endsWith(".tf") ? "hcl" : "text";
  }
}
