package dev.minrole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenerateCommandTest {
  @TempDir Path dir;

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static final String HANDLER =
      """
      package app;

      import software.amazon.awssdk.services.sqs.SqsClient;

      public class Handler {
        private final SqsClient sqs = SqsClient.create();

        public void handleRequest(String body) {
          sqs.sendMessage(r -> r.queueUrl("https://sqs.eu-west-1.amazonaws.com/123456789012/jobs").messageBody(body));
        }
      }
      """;

  @Test
  void generate_whenOneFileDoesNotParse_reportsItAndAnalyzesTheRest() throws IOException {
    write("app/Handler.java", HANDLER);
    write("app/Broken.java", "package app;\n\nclass Broken {\n  void f( {\n}\n");
    Cli cli =
        Cli.run(
            "generate",
            dir.toString(),
            "--handler",
            "app.Handler::handleRequest",
            "--format",
            "report");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out())
        .contains("sqs:SendMessage")
        .contains("\"partial\": true")
        .contains("PARSE_ERROR");
    assertThat(cli.err())
        .contains(
            "minrole: error: app/Broken.java:4: cannot parse Java (Parse error. Found \"{\"); the file is skipped.")
        .contains("[PARSE_ERROR]");
  }

  @Test
  void generate_whenHandlerClassIsMissing_exitsTwoNamingTheClosestClass() throws IOException {
    write("app/Handler.java", HANDLER);
    Cli cli = Cli.run("generate", dir.toString(), "--handler", "app.Handlr::handleRequest");
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err())
        .startsWith(
            "minrole: error: handler class app.Handlr is not in the sources; closest: app.Handler");
    assertThat(cli.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void generate_whenHandlerMethodIsMissing_exitsTwoNamingTheClosestMethod() throws IOException {
    write("app/Handler.java", HANDLER);
    Cli cli = Cli.run("generate", dir.toString(), "--handler", "app.Handler::handle");
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("app.Handler has no method handle; closest: handleRequest");
  }

  @Test
  void generate_whenClassDoesNotImplementRequestHandler_asksForTheMethod() throws IOException {
    write("app/Handler.java", HANDLER);
    Cli cli = Cli.run("generate", dir.toString(), "--handler", "app.Handler");
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err())
        .contains("does not implement RequestHandler or RequestStreamHandler")
        .contains("--handler app.Handler::handleRequest");
  }

  @Test
  void generate_whenDirectoryHasNoJava_isAClearError() {
    Cli cli = Cli.run("generate", dir.toString(), "--handler", "app.Handler");
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err()).startsWith("minrole: error: no Java files under ");
  }

  @Test
  void generate_whenPathDoesNotExist_isAClearError() {
    Cli cli = Cli.run("generate", dir.resolve("nope").toString());
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("does not exist");
  }

  @Test
  void generate_whenFlagIsUnknown_exitsTwoWithUsageHint() {
    Cli cli = Cli.run("generate", "--hanlder", "x");
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err())
        .startsWith("minrole: error: Unknown option: '--hanlder'")
        .contains("Run 'minrole generate --help' for usage.");
  }

  @Test
  void generate_whenAccountIsMalformed_exitsTwo() throws IOException {
    write("app/Handler.java", HANDLER);
    Cli cli =
        Cli.run(
            "generate",
            dir.toString(),
            "--handler",
            "app.Handler::handleRequest",
            "--account",
            "12");
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("--account 12 is not a 12-digit AWS account id");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "generate | --region | eu west;1 | is not an AWS region name",
        "generate | --region | * | is not an AWS region name",
        "diff | --region | eu-west-1/ | is not an AWS region name",
        "tighten | --partition | aws-moon | is not an AWS partition; use one of aws, aws-cn,",
        "validate | --region | us_east_1 | is not an AWS region name"
      })
  void command_whenRegionOrPartitionCannotBeInAnArn_isAOneLineUsageError(
      String command, String option, String value, String message) throws IOException {
    write("app/Handler.java", HANDLER);
    Cli cli = Cli.run(command, dir.toString(), option, value);

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err().lines().findFirst().orElseThrow())
        .startsWith("minrole: error: Invalid value for option '" + option + "': '" + value + "' ")
        .contains(message);
  }

  @Test
  void generate_withARegionAndPartition_buildsArnsWithThem() throws IOException {
    write("app/Handler.java", HANDLER);
    Cli cli =
        Cli.run(
            "generate",
            dir.toString(),
            "--handler",
            "app.Handler::handleRequest",
            "--region",
            "cn-north-1",
            "--partition",
            "aws-cn");
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out()).contains("arn:aws-cn:");
  }

  @Test
  void generate_whenNoHandlerIsGiven_analyzesEveryPublicMethodAndSaysSo() throws IOException {
    write("app/Handler.java", HANDLER);
    Cli cli = Cli.run("generate", dir.toString(), "--format", "report");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).contains("NO_HANDLER").contains("sqs:SendMessage");
  }

  @Test
  void generate_sameInputTwice_givesIdenticalBytes() throws IOException {
    write("app/Handler.java", HANDLER);
    Cli first =
        Cli.run(
            "generate",
            dir.toString(),
            "--handler",
            "app.Handler::handleRequest",
            "--format",
            "report");
    Cli second =
        Cli.run(
            "generate",
            dir.toString(),
            "--handler",
            "app.Handler::handleRequest",
            "--format",
            "report");
    assertThat(second.out()).isEqualTo(first.out());
  }

  @Test
  void explain_withFormat_isAUsageError() throws IOException {
    write("app/Handler.java", HANDLER);
    Cli cli =
        Cli.run(
            "generate",
            dir.toString(),
            "--handler",
            "app.Handler::handleRequest",
            "--explain",
            "--format",
            "yaml");
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err())
        .startsWith("minrole: error: --explain prints the explanation instead of the policy");
  }

  @Test
  void explain_colourOnlyWhenAskedFor() throws IOException {
    write("app/Handler.java", HANDLER);
    Cli plain =
        Cli.run(
            "generate",
            dir.toString(),
            "--handler",
            "app.Handler::handleRequest",
            "--explain",
            "--color",
            "never");
    Cli coloured =
        Cli.run(
            "generate",
            dir.toString(),
            "--handler",
            "app.Handler::handleRequest",
            "--explain",
            "--color",
            "always");
    Cli auto =
        Cli.run("generate", dir.toString(), "--handler", "app.Handler::handleRequest", "--explain");
    assertThat(plain.out())
        .contains("sqs:SendMessage  Write")
        .contains("app/Handler.java:9  SqsClient.sendMessage")
        .doesNotContain("\u001b[");
    assertThat(coloured.out()).contains("\u001b[36msqs:SendMessage\u001b[0m");
    assertThat(coloured.out().replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain.out());
    assertThat(auto.out()).as("tests do not run on a terminal").isEqualTo(plain.out());
  }

  @Test
  void compact_shortensOnlyWithExactWildcards() throws IOException {
    write(
        "app/Handler.java",
        """
        package app;

        import software.amazon.awssdk.services.sqs.SqsClient;

        public class Handler {
          private final SqsClient sqs = SqsClient.create();
          private static final String Q = "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs";

          public void handleRequest(String body) {
            sqs.deleteMessage(r -> r.queueUrl(Q).receiptHandle(body));
            sqs.deleteQueue(r -> r.queueUrl(Q));
            sqs.sendMessage(r -> r.queueUrl(Q).messageBody(body));
          }
        }
        """);
    Cli plain = Cli.run("generate", dir.toString(), "--handler", "app.Handler::handleRequest");
    Cli compact =
        Cli.run("generate", dir.toString(), "--handler", "app.Handler::handleRequest", "--compact");
    assertThat(plain.out())
        .contains("\"sqs:DeleteMessage\",\n        \"sqs:DeleteQueue\",")
        .doesNotContain("*\"");
    assertThat(compact.out())
        .contains("\"sqs:Delete*\",\n        \"sqs:SendMessage\"")
        .doesNotContain("\"sqs:DeleteQueue\"");
  }

  @Test
  void help_listsExamplesAndExitCodes() {
    Cli cli = Cli.run("generate", "--help");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out())
        .contains("Examples:")
        .contains("Exit codes:")
        .contains("--handler=HANDLER");
  }

  @Test
  void version_namesTheDataVersions() {
    Cli cli = Cli.run("--version");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out())
        .contains("minrole 0.1.0")
        .contains("iam-data 0.21.")
        .contains("AWS SDK for Java 2.40.2");
  }
}
