package dev.minrole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.minrole.testkit.FakeAwsServer;
import dev.minrole.testkit.IamXml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiffCommandTest {
  @TempDir Path dir;

  static final String HANDLER =
      """
      package app;

      import software.amazon.awssdk.core.sync.RequestBody;
      import software.amazon.awssdk.services.s3.S3Client;
      import software.amazon.awssdk.services.sqs.SqsClient;

      public class Handler {
        private final SqsClient sqs = SqsClient.create();
        private final S3Client s3 = S3Client.create();

        public void handleRequest(String body) {
          sqs.sendMessage(r -> r.queueUrl("https://sqs.eu-west-1.amazonaws.com/123456789012/jobs").messageBody(body));
          s3.putObject(r -> r.bucket("archive").key("jobs/" + body), RequestBody.fromString(body));
        }
      }
      """;

  static final String SQS = "arn:aws:sqs:eu-west-1:123456789012:jobs";
  static final String S3 = "arn:aws:s3:::archive/jobs/*";

  @BeforeAll
  static void fakeCredentials() {
    System.setProperty("aws.accessKeyId", "AKIDLOCALTEST");
    System.setProperty("aws.secretAccessKey", "local-test-secret");
  }

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  static String policy(String... statements) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(", ", statements) + "]}";
  }

  static String allow(String action, String resource) {
    return "{\"Effect\": \"Allow\", \"Action\": \""
        + action
        + "\", \"Resource\": \""
        + resource
        + "\"}";
  }

  private Cli diff(String current, String... more) throws IOException {
    write("src/app/Handler.java", HANDLER);
    Path file = write("current.json", current);
    List<String> args =
        new ArrayList<>(
            List.of(
                "diff",
                dir.resolve("src").toString(),
                "--handler",
                "app.Handler::handleRequest",
                "--current",
                file.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "missing-and-excess, any, 3",
    "missing-and-excess, missing, 3",
    "missing-and-excess, excess, 4",
    "missing-and-excess, none, 0",
    "excess-only, any, 4",
    "excess-only, missing, 0",
    "exact, any, 0"
  })
  void diff_exitCode_followsFailOn(String situation, String failOn, int expected)
      throws IOException {
    String current =
        switch (situation) {
          case "missing-and-excess" -> policy(allow("sqs:*", SQS));
          case "excess-only" ->
              policy(
                  allow("sqs:SendMessage", SQS), allow("s3:PutObject", "arn:aws:s3:::archive/*"));
          default -> policy(allow("sqs:SendMessage", SQS), allow("s3:PutObject", S3));
        };
    Cli cli = diff(current, "--fail-on", failOn);
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(expected);
  }

  @Test
  void diff_whenPolicyFileIsBroken_isOneLineNamingFileAndPath() throws IOException {
    Cli cli =
        diff(
            "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Principal\": \"*\"}]}");
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err())
        .startsWith("minrole: error: ")
        .contains("current.json:1: $.Statement[0].Principal is not allowed")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(cli.err().lines().count()).isEqualTo(1);
  }

  @Test
  void diff_whenNoCurrentIsGiven_saysWhatToGive() throws IOException {
    write("src/app/Handler.java", HANDLER);
    Cli cli =
        Cli.run("diff", dir.resolve("src").toString(), "--handler", "app.Handler::handleRequest");
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("--current FILE, --role NAME_OR_ARN or --function NAME");
  }

  @Test
  void diff_withATemplateAndNoCurrent_comparesWithTheRoleTheTemplateDeclares() throws IOException {
    write("src/app/Handler.java", HANDLER);
    write(
        "template.yaml",
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          JobsFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: app.Handler::handleRequest
              FunctionName: jobs-fn
              Policies:
                - SQSSendMessagePolicy:
                    QueueName: jobs
                - Statement:
                    - Effect: Allow
                      Action: s3:*
                      Resource: "*"
        """);

    Cli cli =
        Cli.run(
            "diff",
            dir.toString(),
            "--region",
            "eu-west-1",
            "--account",
            "123456789012",
            "--color",
            "never");

    assertThat(cli.err()).doesNotContain("say what to compare");
    assertThat(cli.exitCode()).isEqualTo(4);
    assertThat(cli.out())
        .startsWith("minrole diff: needed permissions compared with the template")
        .contains("JobsFunction: 0 missing")
        .containsPattern("matched +sqs:SendMessage on " + SQS)
        .containsPattern("broader +s3:PutObject on \\*")
        .containsPattern("granted by template.yaml:1[0-9] ")
        .containsPattern("excess +s3:");
  }

  @Test
  void diff_actionStar_staysReadableInTextAndMarkdown() throws IOException {
    String star = policy(allow("*", "*"));
    Cli text = diff(star);
    assertThat(text.exitCode()).isEqualTo(4);
    assertThat(text.out().lines().count()).isLessThan(80);
    assertThat(text.out())
        .containsPattern("\\.\\.\\. and [0-9,]+ more services \\([0-9,]+ actions\\)");
    Cli markdown = diff(star, "--format", "markdown");
    assertThat(markdown.out().length()).isLessThan(65_536);
    assertThat(markdown.out())
        .containsPattern(
            "<code>\\*</code> on <code>\\*</code>: [0-9,]+ actions in [0-9,]+ services");
    Cli json = diff(star, "--format", "json");
    assertThat(new ObjectMapper().readTree(json.out()).path("summary").path("excess").asInt())
        .isGreaterThan(10_000);
    assertThat(json.out()).contains("\"allActionsOfService\": true");
  }

  @Test
  void diff_colourAlways_coloursTheKinds() throws IOException {
    Cli cli = diff(policy(allow("sqs:*", SQS)), "--color", "always");
    assertThat(cli.out()).contains("\u001b[31mmissing").contains("\u001b[33mexcess");
    assertThat(diff(policy(allow("sqs:*", SQS))).out()).doesNotContain("\u001b[");
  }

  @Test
  void diff_help_documentsExitCodes() {
    Cli cli = Cli.run("diff", "--help");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out())
        .contains("Exit codes:")
        .contains("--fail-on=WHAT")
        .contains("--base-ref=REF")
        .containsPattern("3\\s+Something the code needs is missing")
        .containsPattern("4\\s+Nothing is missing")
        .containsPattern("6\\s+Nothing is missing, but minrole could not see all the code")
        .contains("unverified");
  }

  static FakeAwsServer roleServer() {
    return FakeAwsServer.start()
        .onRest(
            "GET",
            "/2015-03-31/functions/jobs/configuration",
            r ->
                FakeAwsServer.Response.restJson(
                    "{\"FunctionName\": \"jobs\", \"Role\": \"arn:aws:iam::123456789012:role/service-role/jobs-fn\"}"))
        .onAction(
            "GetRole",
            r ->
                IamXml.getRole(
                    "jobs-fn", "arn:aws:iam::123456789012:role/service-role/jobs-fn", null))
        .onAction("ListRolePolicies", r -> IamXml.listRolePolicies(List.of("jobs"), null))
        .onAction(
            "GetRolePolicy",
            r -> IamXml.getRolePolicy("jobs-fn", "jobs", policy(allow("sqs:SendMessage", SQS))))
        .onAction(
            "ListAttachedRolePolicies",
            r ->
                IamXml.listAttachedRolePolicies(
                    Map.of("AmazonS3FullAccess", "arn:aws:iam::aws:policy/AmazonS3FullAccess"),
                    null))
        .onAction(
            "GetPolicy", r -> IamXml.getPolicy("arn:aws:iam::aws:policy/AmazonS3FullAccess", "v2"))
        .onAction(
            "GetPolicyVersion", r -> IamXml.getPolicyVersion(policy(allow("s3:*", "*")), "v2"));
  }

  @Test
  void diff_againstLiveRole_readsInlineAndManagedPolicies() throws IOException {
    write("src/app/Handler.java", HANDLER);
    try (FakeAwsServer server = roleServer()) {
      Cli cli =
          Cli.run(
              "diff",
              dir.resolve("src").toString(),
              "--handler",
              "app.Handler::handleRequest",
              "--role",
              "jobs-fn",
              "--endpoint-url",
              server.endpoint().toString());
      assertThat(cli.exitCode()).as(cli.err()).isEqualTo(4);
      assertThat(cli.out())
          .contains("compared with role jobs-fn")
          .contains("matched    sqs:SendMessage on " + SQS)
          .contains("broader    s3:PutObject on *")
          .contains(
              "granted by managed policy arn:aws:iam::aws:policy/AmazonS3FullAccess (v2) $.Statement[0]");
    }
  }

  @Test
  void diff_againstFunction_findsItsRoleThroughLambda() throws IOException {
    write("src/app/Handler.java", HANDLER);
    try (FakeAwsServer server = roleServer()) {
      Cli cli =
          Cli.run(
              "diff",
              dir.resolve("src").toString(),
              "--handler",
              "app.Handler::handleRequest",
              "--function",
              "jobs",
              "--region",
              "eu-west-1",
              "--endpoint-url",
              server.endpoint().toString(),
              "--format",
              "sarif");
      assertThat(cli.exitCode()).as(cli.err()).isEqualTo(4);
      SarifChecks.check(new ObjectMapper().readTree(cli.out()));
      assertThat(cli.out())
          .contains(
              "\"fullyQualifiedName\": \"managed policy arn:aws:iam::aws:policy/AmazonS3FullAccess");
      assertThat(server.requests().get(0).path())
          .isEqualTo("/2015-03-31/functions/jobs/configuration");
    }
  }

  @Test
  void diff_whenRoleIsUnknown_isOneLine() throws IOException {
    write("src/app/Handler.java", HANDLER);
    try (FakeAwsServer server =
        FakeAwsServer.start()
            .onAction(
                "GetRole",
                r ->
                    IamXml.error(
                        404, "NoSuchEntity", "The role with name nope cannot be found."))) {
      Cli cli =
          Cli.run(
              "diff",
              dir.resolve("src").toString(),
              "--handler",
              "app.Handler::handleRequest",
              "--role",
              "arn:aws:iam::123456789012:role/nope",
              "--endpoint-url",
              server.endpoint().toString());
      assertThat(cli.exitCode()).isEqualTo(2);
      assertThat(cli.err().strip())
          .isEqualTo(
              "minrole: error: IAM GetRole for role nope failed: NoSuchEntity: The role with name nope cannot be found.");
    }
  }
}
