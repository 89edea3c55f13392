package dev.minrole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Templates that cannot be read at all: {@code generate} stops with one line naming the file and
 * line (exit code 2), unless a handler is given, in which case the code is analyzed alone and the
 * template's error is a finding. Templates that can be read but are wrong inside are golden cases
 * ({@code fixtures/cases/tpl-broken-*}).
 */
class TemplateErrorsTest {
  private static final String HANDLER =
      """
      package app;

      import software.amazon.awssdk.services.sqs.SqsClient;

      public class Handler {
        public void handleRequest(String body) {
          SqsClient.create().sendMessage(r -> r.queueUrl("https://sqs.eu-west-1.amazonaws.com/111122223333/jobs").messageBody(body));
        }
      }
      """;

  @TempDir Path dir;

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void generate_whenYamlTemplateIsInvalid_exitsTwoWithOneLineNamingFileAndLine()
      throws IOException {
    write("app/Handler.java", HANDLER);
    write(
        "template.yaml",
        """
        Resources:
          JobsFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: app.Handler::handleRequest
             CodeUri: .
        """);

    Cli cli = Cli.run("generate", dir.toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err())
        .isEqualTo(
            "minrole: error: template.yaml:6: invalid YAML or JSON (expected <block end>, but found '<block mapping start>');"
                + " fix the template so that `sam validate` accepts it"
                + System.lineSeparator());
  }

  @Test
  void generate_whenJsonTemplateHasASyntaxError_exitsTwoWithOneLineNamingFileAndLine()
      throws IOException {
    write("app/Handler.java", HANDLER);
    write(
        "template.json",
        """
        {
          "Resources": {
            "JobsFunction": {
              "Type": "AWS::Lambda::Function"
              "Properties": {"Handler": "app.Handler::handleRequest"}
            }
          }
        }
        """);

    Cli cli = Cli.run("generate", dir.toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err())
        .isEqualTo(
            "minrole: error: template.json:5: invalid YAML or JSON (expected ',' or '}', but got <scalar>);"
                + " fix the template so that `sam validate` accepts it"
                + System.lineSeparator());
  }

  @Test
  void generate_whenTemplateIsInvalidButHandlerIsGiven_analyzesTheCodeAndReportsTheTemplate()
      throws IOException {
    write("app/Handler.java", HANDLER);
    write("template.yaml", "Resources: [unclosed\n");

    Cli cli = Cli.run("generate", dir.toString(), "--handler", "app.Handler::handleRequest");

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out())
        .contains("\"sqs:SendMessage\"", "arn:aws:sqs:eu-west-1:111122223333:jobs");
    assertThat(cli.err())
        .startsWith("minrole: error: template.yaml:2: invalid YAML or JSON (")
        .endsWith("[TEMPLATE_ERROR]" + System.lineSeparator());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a list | Resources: []\\n | template.yaml:1: Resources is a list;",
        "a scalar | Resources: none\\n | template.yaml:1: Resources is a single value;"
      })
  void generate_whenResourcesIsNotAMappingOfResources_exitsTwoSayingWhatIsWrong(
      String shape, String template, String message) throws IOException {
    write("app/Handler.java", HANDLER);
    write("template.yaml", template.replace("\\n", "\n"));

    Cli cli = Cli.run("generate", dir.toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err().lines()).hasSize(1);
    assertThat(cli.err())
        .startsWith("minrole: error: " + message)
        .contains("pass --no-template to analyze the code alone");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "resources but no function | Resources:\\n  Archive:\\n    Type: AWS::S3::Bucket\\n",
        "empty Resources | Resources: {}\\n",
        "null Resources | Resources:\\n",
        "no Resources | Transform: AWS::Serverless-2016-10-31\\n"
      })
  void generate_whenTemplateDefinesNoFunction_analyzesTheCodeAloneWithAFinding(
      String shape, String template) throws IOException {
    write("app/Handler.java", HANDLER);
    write("template.yaml", template.replace("\\n", "\n"));

    Cli cli = Cli.run("generate", dir.toString());

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out())
        .contains("\"sqs:SendMessage\"", "arn:aws:sqs:eu-west-1:111122223333:jobs");
    assertThat(cli.err())
        .contains("minrole: warning: template.yaml: template.yaml defines no Lambda function")
        .contains("[TEMPLATE_NO_FUNCTIONS]");
  }

  /** A template whose function's Metadata nests {@code depth} mappings. */
  private static String nested(int depth) {
    StringBuilder t =
        new StringBuilder(
            """
            Resources:
              JobsFunction:
                Type: AWS::Serverless::Function
                Metadata:
            """);
    for (int i = 0; i < depth; i++) {
      t.append("  ".repeat(i + 3)).append("k").append(i).append(":\n");
    }
    t.append("  ".repeat(depth + 3)).append("leaf\n");
    t.append(
        """
            Properties:
              Handler: app.Handler::handleRequest
              CodeUri: .
        """);
    return t.toString();
  }

  @Test
  void generate_whenTemplateNestsDeeperThanFifty_readsIt() throws IOException {
    write("app/Handler.java", HANDLER);
    write("template.yaml", nested(120));

    Cli cli = Cli.run("generate", dir.toString());

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out()).contains("\"sqs:SendMessage\"");
  }

  @Test
  void generate_whenTemplateNestsPastTheLimit_saysWhichLimitWasHit() throws IOException {
    write("app/Handler.java", HANDLER);
    write("template.yaml", nested(600));

    Cli cli = Cli.run("generate", dir.toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err())
        .startsWith(
            "minrole: error: template.yaml: the template nests mappings and lists deeper than 500"
                + " levels, the most minrole reads (its YAML nesting limit)");
  }

  @Test
  void generate_whenTemplateUsesTooManyAliases_saysWhichLimitWasHit() throws IOException {
    write("app/Handler.java", HANDLER);
    StringBuilder t = new StringBuilder("Mappings:\n  Base: &base {a: b}\n  Many: [");
    t.append("*base, ".repeat(60)).append("*base]\n");
    t.append("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n");
    write("template.yaml", t.toString());

    Cli cli = Cli.run("generate", dir.toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("more than 50 aliases (*name) of mappings or lists");
  }
}
