package dev.minrole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.minrole.testkit.FakeAwsServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLEAN =
"""
{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "Send", "Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": ["arn:aws:sqs:eu-west-1:123456789012:jobs"]}
  ]
}
""";

  @TempDir Path dir;

  private String file(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file.toString();
  }

  @Test
  void validate_cleanPolicy_exitsZero() throws IOException {
    Cli cli = Cli.run("validate", file("clean.json", CLEAN));
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).isEqualTo("0 errors, 0 warnings in 1 file\n");
  }

  @Test
  void validate_policyWithErrors_exitsThreeWithPathLineAndFix() throws IOException {
    String policy = file("bad.json", CLEAN.replace("sqs:SendMessage\"", "sqs:SendMessageBatch\""));
    Cli cli = Cli.run("validate", policy);
    assertThat(cli.exitCode()).isEqualTo(3);
    assertThat(cli.out())
        .isEqualTo(
            policy
                + ":4: error: $.Statement[0].Action[0]: sqs:SendMessageBatch is not an IAM action;"
                + " fix: use sqs:SendMessage [UNKNOWN_ACTION]\n"
                + "1 error, 0 warnings in 1 file\n");
  }

  @Test
  void validate_warningsOnly_exitsZero() throws IOException {
    Cli cli =
        Cli.run(
            "validate",
            file("star.json", CLEAN.replace("arn:aws:sqs:eu-west-1:123456789012:jobs", "*")));
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out())
        .contains("warning: $.Statement[0].Resource[0]")
        .contains("[WILDCARD]")
        .contains("0 errors, 1 warning");
  }

  @Test
  void validate_formatJson_printsProblemsForMachines() throws IOException {
    Cli cli =
        Cli.run("validate", "--format", "json", file("bad.json", CLEAN.replace("Allow", "allow")));
    assertThat(cli.exitCode()).isEqualTo(3);
    JsonNode report = JSON.readTree(cli.out());
    assertThat(report.path("errors").asInt()).isEqualTo(1);
    JsonNode problem = report.path("files").get(0).path("problems").get(0);
    assertThat(problem.path("rule").asText()).isEqualTo("GRAMMAR");
    assertThat(problem.path("path").asText()).isEqualTo("$.Statement[0].Effect");
    assertThat(problem.path("line").asInt()).isEqualTo(4);
    assertThat(problem.path("fix").asText()).contains("\"Allow\"");
  }

  @Test
  void validate_unreadableFile_exitsTwoAndChecksTheOthers() throws IOException {
    String clean = file("clean.json", CLEAN);
    Cli cli = Cli.run("validate", dir.resolve("missing.json").toString(), clean);
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err())
        .startsWith("minrole: error: " + dir.resolve("missing.json") + ": no such file");
    assertThat(cli.out()).contains("in 1 file");
  }

  @Test
  void validate_withAccessAnalyzer_mergesItsFindings() throws IOException {
    String policy = file("clean.json", CLEAN);
    try (FakeAwsServer server = FakeAwsServer.start()) {
      server.onRest(
          "POST",
          "/policy/validation",
          request ->
              FakeAwsServer.Response.restJson(
                  "{\"findings\": [{\"findingDetails\": \"Add a Sid.\", \"findingType\":"
                      + " \"SUGGESTION\", \"issueCode\": \"EXAMPLE\", \"learnMoreLink\":"
                      + " \"https://docs.aws.amazon.com/x\", \"locations\": [{\"path\":"
                      + " [{\"value\": \"Statement\"}, {\"index\": 0}], \"span\": {\"start\":"
                      + " {\"line\": 4, \"column\": 4, \"offset\": 50}, \"end\": {\"line\": 4,"
                      + " \"column\": 9, \"offset\": 55}}}]}, {\"findingDetails\": \"Bad.\","
                      + " \"findingType\": \"ERROR\", \"issueCode\": \"EXAMPLE_ERROR\","
                      + " \"locations\": []}]}"));
      Cli cli =
          withCredentials(
              () ->
                  Cli.run(
                      "validate",
                      policy,
                      "--access-analyzer",
                      "--region",
                      "eu-west-1",
                      "--endpoint-url",
                      server.endpoint().toString(),
                      "--verbose"));
      assertThat(cli.exitCode()).as(cli.err()).isEqualTo(3);
      assertThat(cli.out())
          .contains(
              policy
                  + ":4: info: $.Statement[0]: EXAMPLE: Add a Sid.; fix: see"
                  + " https://docs.aws.amazon.com/x [ACCESS_ANALYZER]")
          .contains("error: $: EXAMPLE_ERROR: Bad.");
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void validate_withoutAccessAnalyzer_makesNoCall() throws IOException {
    try (FakeAwsServer server = FakeAwsServer.start()) {
      String policy = file("clean.json", CLEAN);
      Cli cli =
          withCredentials(
              () -> Cli.run("validate", policy, "--endpoint-url", server.endpoint().toString()));
      assertThat(cli.exitCode()).isZero();
      assertThat(server.requests()).isEmpty();
    }
  }

  @Test
  void validate_whenAccessAnalyzerFails_exitsTwoWithOneLine() throws IOException {
    try (FakeAwsServer server = FakeAwsServer.start()) {
      server.onRest(
          "POST",
          "/policy/validation",
          r -> FakeAwsServer.Response.error(403, "application/json", "{\"message\": \"denied\"}"));
      String policy = file("clean.json", CLEAN);
      Cli cli =
          withCredentials(
              () ->
                  Cli.run(
                      "validate",
                      policy,
                      "--access-analyzer",
                      "--region",
                      "eu-west-1",
                      "--endpoint-url",
                      server.endpoint().toString()));
      assertThat(cli.exitCode()).isEqualTo(2);
      assertThat(cli.err())
          .startsWith("minrole: error: IAM Access Analyzer ValidatePolicy failed")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void help_listsExitCodeThree() {
    Cli cli = Cli.run("validate", "--help");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).contains("Examples:").contains("3   At least one policy has errors.");
  }

  /**
   * The default credential chain reads these system properties first; the test sets and clears
   * them.
   */
  private static Cli withCredentials(java.util.function.Supplier<Cli> run) {
    System.setProperty("aws.accessKeyId", "AKIDLOCAL");
    System.setProperty("aws.secretAccessKey", "local-secret");
    try {
      return run.get();
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }
}
