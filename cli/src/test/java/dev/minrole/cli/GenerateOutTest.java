package dev.minrole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code generate --out DIR}: one file per function, nothing on stdout. */
class GenerateOutTest {
  private static final String ORDERS = Fixtures.root().resolve("examples/orders-app").toString();

  @TempDir Path dir;

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static String handler(String name, String queue) {
    return
"""
package app;

import software.amazon.awssdk.services.sqs.SqsClient;

public class NAME {
  private final SqsClient sqs = SqsClient.create();

  public void handleRequest(String body) {
    sqs.sendMessage(r -> r.queueUrl("https://sqs.eu-west-1.amazonaws.com/123456789012/QUEUE").messageBody(body));
  }
}
"""
        .replace("NAME", name)
        .replace("QUEUE", queue);
  }

  @ParameterizedTest
  @CsvSource({
    "json, OrderFunction.json",
    "yaml, OrderFunction.yaml",
    "cfn, OrderFunction.cfn.yaml",
    "sam, OrderFunction.sam.yaml",
    "terraform, OrderFunction.tf",
    "report, OrderFunction.report.json"
  })
  void out_ofTemplateFunction_isNamedAfterItsLogicalId_andHoldsWhatStdoutWouldShow(
      String format, String file) throws IOException {
    Path roles = dir.resolve("roles");
    Cli printed = Cli.run("generate", ORDERS, "--format", format);
    Cli written = Cli.run("generate", ORDERS, "--format", format, "--out", roles.toString());

    assertThat(written.exitCode()).as(written.err()).isZero();
    assertThat(written.out()).isEmpty();
    assertThat(written.err()).endsWith("minrole: wrote " + roles.resolve(file) + "\n");
    try (Stream<Path> files = Files.list(roles)) {
      assertThat(files).containsExactly(roles.resolve(file));
    }
    assertThat(Files.readString(roles.resolve(file))).isEqualTo(printed.out());
  }

  @Test
  void out_ofCodeFunctions_writesOneFileEach_namedAfterTheHandlerClass_withTheSourcesFindings()
      throws IOException {
    write("src/app/Orders.java", handler("Orders", "orders"));
    write("src/app/Refunds.java", handler("Refunds", "refunds"));
    write("src/app/Broken.java", "package app;\n\nclass Broken {\n  void f( {\n}\n");
    Path roles = dir.resolve("out/roles");

    Cli cli =
        Cli.run(
            "generate", dir.resolve("src").toString(),
            "--handler", "app.Orders::handleRequest",
            "--handler", "app.Refunds::handleRequest",
            "--format", "report",
            "--out", roles.toString());

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err().lines().filter(l -> l.startsWith("minrole: wrote ")).toList())
        .containsExactly(
            "minrole: wrote " + roles.resolve("Orders.report.json"),
            "minrole: wrote " + roles.resolve("Refunds.report.json"));
    String orders = Files.readString(roles.resolve("Orders.report.json"));
    assertThat(orders)
        .contains("sqs:SendMessage", ":orders\"", "PARSE_ERROR", "\"partial\": true")
        .doesNotContain(":refunds\"");
    assertThat(Files.readString(roles.resolve("Refunds.report.json")))
        .contains(":refunds\"", "PARSE_ERROR");
  }

  @Test
  void out_withExplain_writesExplanationsWithoutColour() throws IOException {
    Path roles = dir.resolve("roles");
    Cli cli =
        Cli.run("generate", ORDERS, "--explain", "--color", "always", "--out", roles.toString());

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out()).isEmpty();
    String text = Files.readString(roles.resolve("OrderFunction.explain.txt"));
    assertThat(text).startsWith("OrderFunction\n").doesNotContain("\u001b[");
  }

  @Test
  void out_sameInputTwice_writesIdenticalBytes() throws IOException {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    Cli.run("generate", ORDERS, "--format", "cfn", "--out", first.toString());
    Cli.run("generate", ORDERS, "--format", "cfn", "--out", second.toString());

    assertThat(Files.readAllBytes(second.resolve("OrderFunction.cfn.yaml")))
        .isEqualTo(Files.readAllBytes(first.resolve("OrderFunction.cfn.yaml")));
  }

  @Test
  void out_whenDirIsAFile_orCannotBeCreated_exitsTwoWithOneLine() throws IOException {
    write("taken", "not a directory");
    for (Path bad : List.of(dir.resolve("taken"), dir.resolve("taken/roles"))) {
      Cli cli = Cli.run("generate", ORDERS, "--out", bad.toString());

      assertThat(cli.exitCode()).isEqualTo(2);
      assertThat(cli.out()).isEmpty();
      assertThat(cli.err().lines().toList())
          .as("the directory is checked before the analysis")
          .singleElement()
          .asString()
          .startsWith("minrole: error: --out " + bad)
          .contains("directory");
      assertThat(cli.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }
}
