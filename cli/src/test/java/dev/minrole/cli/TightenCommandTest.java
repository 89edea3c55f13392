package dev.minrole.cli;

import static dev.minrole.cli.DiffCommandTest.allow;
import static dev.minrole.cli.DiffCommandTest.policy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.minrole.testkit.FakeAwsServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;

class TightenCommandTest {
  @TempDir Path dir;

  @BeforeAll
  static void fakeCredentials() {
    DiffCommandTest.fakeCredentials();
  }

  private Cli tighten(String current, String... more) throws IOException {
    Path source = dir.resolve("src/app/Handler.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, DiffCommandTest.HANDLER, StandardCharsets.UTF_8);
    Path file = dir.resolve("current.json");
    Files.writeString(file, current, StandardCharsets.UTF_8);
    List<String> args =
        new ArrayList<>(
            List.of(
                "tighten",
                dir.resolve("src").toString(),
                "--handler",
                "app.Handler::handleRequest",
                "--current",
                file.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void tighten_writesTheScopedPolicy_andReportsWhatWasRemovedAndTheSizes() throws IOException {
    Cli cli = tighten(policy(allow("sqs:*", "*"), allow("s3:*", "*")));
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    IamPolicy tightened = IamPolicy.fromJson(cli.out());
    assertThat(tightened.statements())
        .flatExtracting(s -> s.actions().stream().map(a -> a.value()).toList())
        .containsExactlyInAnyOrder("s3:PutObject", "sqs:SendMessage");
    assertThat(cli.out())
        .contains(DiffCommandTest.S3)
        .contains(DiffCommandTest.SQS)
        .doesNotContain("\"*\"");
    assertThat(cli.err())
        .containsPattern(
            "minrole: tighten app.Handler::handleRequest: kept 2 permissions; 2 statements, [0-9,]+ action"
                + " grants, [0-9,]+ characters -> 2 statements, 2 action grants, [0-9,]+ characters")
        .contains("minrole:   removed  sqs:* (")
        .contains("minrole:   narrowed s3:PutObject on * to " + DiffCommandTest.S3);
  }

  @Test
  void tighten_whenNothingNeededIsGranted_printsTheEmptyPolicyAndSaysWhy() throws IOException {
    Cli cli = tighten(policy(allow("dynamodb:GetItem", "*")));

    assertThat(cli.exitCode()).isEqualTo(3);
    JsonNode printed = new ObjectMapper().readTree(cli.out());
    assertThat(printed.path("Version").asText()).isEqualTo("2012-10-17");
    assertThat(printed.path("Statement").isArray()).isTrue();
    assertThat(printed.path("Statement")).isEmpty();
    assertThat(cli.err())
        .contains("minrole: error: nothing app.Handler::handleRequest needs is granted by ")
        .contains("current.json, so its tightened policy has no statements")
        .contains("give --add-missing");
  }

  @Test
  void tighten_reportsMissing_exitsThree_andAddsOnlyWhenAsked() throws IOException {
    Cli cli = tighten(policy(allow("sqs:*", "*")));
    assertThat(cli.exitCode()).isEqualTo(3);
    assertThat(cli.out()).doesNotContain("s3:PutObject");
    assertThat(cli.err())
        .contains("minrole:   missing  s3:PutObject on " + DiffCommandTest.S3)
        .contains("not added (give --add-missing to add it)");

    Cli added = tighten(policy(allow("sqs:*", "*")), "--add-missing");
    assertThat(added.exitCode()).isZero();
    assertThat(added.out()).contains("s3:PutObject");
    assertThat(added.err()).contains("minrole:   added    s3:PutObject");
  }

  @Test
  void tighten_whenTheCodesTableAndBucketDoNotResolve_keepsTheRolesGrantsOnPartOfThem() {
    // tf-broken-unknown-ref: the table and bucket names are broken references, so the code needs
    // dynamodb:PutItem on table/* and s3:PutObject on */labels/*.pdf; the role grants them on one
    // table and one bucket, which may be exactly what the code uses.
    Cli cli =
        Cli.run(
            "tighten",
            Fixtures.root().resolve("cases/tf-broken-unknown-ref/input").toString(),
            "--region",
            "eu-west-1",
            "--account",
            "111122223333");

    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(3);
    assertThat(cli.out())
        .contains("\"dynamodb:PutItem\"")
        .contains("arn:aws:dynamodb:eu-west-1:111122223333:table/shipments-prod")
        .contains("\"s3:PutObject\"")
        .contains("arn:aws:s3:::acme-shipping-labels-prod/*")
        .doesNotContain("s3:DeleteObject");
    assertThat(cli.err())
        .contains("minrole:   removed  dynamodb:* (56 of 57 actions)")
        .contains(
            "minrole:   missing  dynamodb:PutItem on"
                + " arn:aws:dynamodb:eu-west-1:111122223333:table/*")
        .contains(
            "granted only on part of it,"
                + " arn:aws:dynamodb:eu-west-1:111122223333:table/shipments-prod (main.tf");
  }

  @Test
  void tighten_formatReport_isTheGenerateReport() throws IOException {
    Cli cli = tighten(policy(allow("sqs:*", "*"), allow("s3:*", "*")), "--format", "report");
    assertThat(
            new ObjectMapper()
                .readTree(cli.out())
                .path("functions")
                .get(0)
                .path("permissions")
                .size())
        .isEqualTo(2);
  }

  @Test
  void tighten_accessAnalyzer_passes_thenPrintsThePolicy() throws IOException {
    try (FakeAwsServer server =
        FakeAwsServer.start()
            .onRest(
                "POST",
                "/policy/check-no-new-access",
                r ->
                    FakeAwsServer.Response.restJson(
                        "{\"result\": \"PASS\", \"message\": \"No new access.\", \"reasons\": []}"))
            .onRest(
                "POST",
                "/policy/validation",
                r -> FakeAwsServer.Response.restJson("{\"findings\": []}"))) {
      Cli cli =
          tighten(
              policy(allow("sqs:*", "*"), allow("s3:*", "*")),
              "--access-analyzer",
              "--region",
              "eu-west-1",
              "--endpoint-url",
              server.endpoint().toString());
      assertThat(cli.exitCode()).as(cli.err()).isZero();
      assertThat(cli.err()).contains("Access Analyzer: CheckNoNewAccess and ValidatePolicy passed");
      String sent =
          new ObjectMapper()
              .readTree(server.requests().get(0).body())
              .path("newPolicyDocument")
              .asText();
      assertThat(sent).isEqualTo(cli.out());
    }
  }

  @Test
  void tighten_accessAnalyzer_fails_exitsFive_withoutWritingThePolicy() throws IOException {
    try (FakeAwsServer server =
        FakeAwsServer.start()
            .onRest(
                "POST",
                "/policy/check-no-new-access",
                r ->
                    FakeAwsServer.Response.restJson(
                        "{\"result\": \"FAIL\", \"message\": \"New access.\", \"reasons\": [{\"description\": \"statement 0\"}]}"))
            .onRest(
                "POST",
                "/policy/validation",
                r -> FakeAwsServer.Response.restJson("{\"findings\": []}"))) {
      Cli cli =
          tighten(
              policy(allow("sqs:*", "*"), allow("s3:*", "*")),
              "--access-analyzer",
              "--region",
              "eu-west-1",
              "--endpoint-url",
              server.endpoint().toString());
      assertThat(cli.exitCode()).isEqualTo(5);
      assertThat(cli.out()).isEmpty();
      assertThat(cli.err())
          .contains(
              "minrole: error: Access Analyzer, app.Handler::handleRequest: CheckNoNewAccess: FAIL:"
                  + " New access.; statement 0");
    }
  }

  @Test
  void tighten_whenTheKinesisSourceIsAFanOutConsumer_keepsSubscribeToShardOnTheConsumer()
      throws IOException {
    Path source = dir.resolve("src/app/Readings.java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source,
        """
        package app;

        import com.amazonaws.services.lambda.runtime.Context;
        import com.amazonaws.services.lambda.runtime.RequestHandler;
        import com.amazonaws.services.lambda.runtime.events.KinesisEvent;

        public class Readings implements RequestHandler<KinesisEvent, Void> {
          public Void handleRequest(KinesisEvent event, Context context) {
            context.getLogger().log("records " + event.getRecords().size());
            return null;
          }
        }
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("template.yaml"),
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Stream:
            Type: AWS::Kinesis::Stream
            Properties: {Name: readings, ShardCount: 1}
          Consumer:
            Type: AWS::Kinesis::StreamConsumer
            Properties: {StreamARN: !GetAtt Stream.Arn, ConsumerName: fn-consumer}
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: readings-fn
              CodeUri: src
              Handler: app.Readings::handleRequest
              Events:
                K: {Type: Kinesis, Properties: {Stream: !GetAtt Consumer.ConsumerARN, StartingPosition: LATEST}}
        """,
        StandardCharsets.UTF_8);
    String kinesis =
        "{\"Effect\": \"Allow\", \"Action\": [\"kinesis:DescribeStream\","
            + " \"kinesis:DescribeStreamSummary\", \"kinesis:GetRecords\","
            + " \"kinesis:GetShardIterator\", \"kinesis:ListShards\", \"kinesis:ListStreams\","
            + " \"kinesis:SubscribeToShard\"], \"Resource\": \"*\"}";
    Path file = dir.resolve("current.json");
    Files.writeString(file, policy(kinesis, allow("logs:*", "*")), StandardCharsets.UTF_8);

    Cli cli =
        Cli.run(
            "tighten",
            dir.toString(),
            "--current",
            file.toString(),
            "--region",
            "eu-west-1",
            "--account",
            "111122223333");

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    IamPolicy tightened = IamPolicy.fromJson(cli.out());
    String consumer =
        "arn:aws:kinesis:eu-west-1:111122223333:stream/readings/consumer/fn-consumer:*";
    assertThat(tightened.statements())
        .filteredOn(
            s -> s.actions().stream().anyMatch(a -> a.value().equals("kinesis:SubscribeToShard")))
        .singleElement()
        .satisfies(
            s -> assertThat(s.resources()).extracting(r -> r.value()).containsExactly(consumer));
    assertThat(tightened.statements())
        .filteredOn(s -> s.actions().stream().anyMatch(a -> a.value().equals("kinesis:GetRecords")))
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.resources())
                    .extracting(r -> r.value())
                    .containsExactly("arn:aws:kinesis:eu-west-1:111122223333:stream/readings"));
    assertThat(cli.out()).doesNotContain("\"*\"").doesNotContain("kinesis:ListStreams");
    assertThat(cli.err())
        .contains("minrole:   narrowed kinesis:SubscribeToShard on * to " + consumer)
        .contains("minrole:   removed  kinesis:ListStreams on *: not needed");
  }

  @Test
  void tighten_help_documentsExitCodesAndSafetyOptions() {
    Cli cli = Cli.run("tighten", "--help");
    assertThat(cli.out())
        .contains("--add-missing")
        .contains("--drop-observed")
        .contains("--access-analyzer")
        .containsPattern("5\\s+--access-analyzer")
        .containsPattern("6\\s+Nothing is missing, but minrole could not see all the code")
        .containsPattern("the role the\\s+template\\s+declares");
  }
}
