package dev.minrole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
