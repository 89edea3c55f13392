package dev.minrole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.minrole.testkit.FakeAwsServer;
import dev.minrole.testkit.FakeAwsServer.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate with CloudTrail: usage errors, --strict, --code-only, and the Athena path end to end.
 */
class TrailCommandTest {

  private static final String ROLE = "arn:aws:iam::111122223333:role/invoice-fn-role";

  private static Path caseDir(String name) {
    return Fixtures.root().resolve("cases").resolve(name);
  }

  @Test
  void generate_whenTrailWithoutRole_exitsTwoSayingWhatToPass() {
    Cli cli =
        Cli.run("generate", "--cloudtrail", caseDir("trail-denials").resolve("trail").toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err())
        .startsWith(
            "minrole: error: CloudTrail needs the function's execution role: add --role-arn");
  }

  @Test
  void generate_whenRoleWithoutTrail_exitsTwo() {
    Cli cli = Cli.run("generate", "--role-arn", ROLE);

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("give the trail too");
  }

  @Test
  void generate_whenRoleArnMalformed_exitsTwo() {
    Cli cli =
        Cli.run(
            "generate",
            "--cloudtrail",
            caseDir("trail-denials").toString(),
            "--role-arn",
            "invoice-fn-role");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("is not a role ARN");
  }

  @Test
  void generate_whenRolesAndHandlersDoNotPair_exitsTwo() {
    Path c = caseDir("trail-mixed-roles");
    Cli cli =
        Cli.run(
            "generate",
            c.resolve("input").toString(),
            "--handler",
            "app.OrdersHandler::handleRequest",
            "--cloudtrail",
            c.resolve("trail").toString(),
            "--role-arn",
            ROLE,
            "--role-arn",
            ROLE + "2",
            "--role-arn",
            ROLE + "3");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("3 --role-arn for 1 functions");
  }

  @Test
  void generate_whenInputPartial_exitsZeroOrFiveWithStrict() {
    String[] args = {
      "generate",
      "--cloudtrail",
      caseDir("trail-bad-input").resolve("trail").toString(),
      "--role-arn",
      "arn:aws:iam::111122223333:role/notify-fn-role"
    };
    Cli lenient = Cli.run(args);
    Cli strict = Cli.run(concat(args, "--strict"));

    assertThat(lenient.exitCode()).isZero();
    assertThat(strict.exitCode()).isEqualTo(ExitCodes.PARTIAL_INPUT);
    assertThat(strict.out()).isEqualTo(lenient.out()).contains("sqs:SendMessage");
    assertThat(strict.err())
        .contains("truncated.json.gz: the gzip stream ends early")
        .contains("[TRAIL_INPUT_ERROR]");
  }

  @Test
  void generate_whenARecordHasAnImpossibleEventTime_skipsItNamesItAndReadsTheRest(@TempDir Path dir)
      throws Exception {
    Path trail = dir.resolve("trail");
    Files.createDirectories(trail);
    String events =
        Files.readString(caseDir("trail-denials").resolve("trail").resolve("events.json"));
    Files.writeString(trail.resolve("events.json"), events);
    Files.writeString(
        trail.resolve("bad-time.json"),
        events.replaceFirst(
            "\"eventTime\": \"2024-05-03T10:00:00Z\"", "\"eventTime\": \"2024-13-01T10:00:00Z\""));
    String[] args = {
      "generate",
      "--cloudtrail",
      trail.toString(),
      "--role-arn",
      "arn:aws:iam::111122223333:role/thumbnailer-role"
    };

    Cli lenient = Cli.run(args);
    Cli strict = Cli.run(concat(args, "--strict"));

    assertThat(lenient.exitCode()).as(lenient.err()).isZero();
    assertThat(lenient.out()).contains("s3:GetObject");
    assertThat(lenient.err())
        .contains(
            "bad-time.json: skipped 1 record whose eventTime is not a valid time:"
                + " \"2024-13-01T10:00:00Z\"")
        .contains("[TRAIL_INPUT_ERROR]")
        .doesNotContain("internal error")
        .doesNotContain("DateTimeException");
    assertThat(strict.exitCode()).isEqualTo(ExitCodes.PARTIAL_INPUT);
  }

  @Test
  void generate_whenEveryTrailInputIsBad_reportsTheInputErrorsBeforeTheRole(@TempDir Path dir)
      throws Exception {
    Path trail = dir.resolve("trail");
    Files.createDirectories(trail);
    Files.writeString(trail.resolve("cut.json"), "{\"Records\": [");
    Files.writeString(trail.resolve("other.json"), "{\"items\": []}");

    Cli cli =
        Cli.run(
            "generate",
            "--cloudtrail",
            trail.toString(),
            "--role-arn",
            "arn:aws:iam::111122223333:role/notify-fn-role");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err().lines()).hasSize(1);
    assertThat(cli.err())
        .startsWith("minrole: error: the trail input could not be read completely (cut.json: ")
        .contains("other.json: no CloudTrail records")
        .contains("made no allowed call");
    assertThat(cli.err().indexOf("cut.json")).isLessThan(cli.err().indexOf("--role-arn"));
  }

  @Test
  void generate_whenCodeOnly_leavesObservedOnlyPermissionsOut() {
    Path c = caseDir("trail-lambda-role");
    String[] args = {
      "generate",
      c.resolve("input").toString(),
      "--handler",
      "app.InvoiceHandler::handleRequest",
      "--cloudtrail",
      c.resolve("trail").toString(),
      "--role-arn",
      ROLE
    };

    assertThat(Cli.run(args).out()).contains("kms:Decrypt").contains("s3:DeleteObject");
    Cli codeOnly = Cli.run(concat(args, "--code-only"));
    assertThat(codeOnly.out())
        .doesNotContain("kms:Decrypt")
        .doesNotContain("s3:DeleteObject")
        .contains("s3:GetObject");
    assertThat(codeOnly.err()).contains("it was left out (--code-only)");
  }

  @Test
  void generate_ofTemplateFunctionWithTrail_reportsItsTemplateRoleWithTheArn_andReviewsIt()
      throws Exception {
    Cli cli =
        Cli.run(
            "generate",
            Fixtures.root().resolve("examples/orders-app").toString(),
            "--cloudtrail",
            caseDir("trail-lambda-role").resolve("trail").toString(),
            "--role-arn",
            ROLE,
            "--format",
            "report");

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    JsonNode function = new ObjectMapper().readTree(cli.out()).path("functions").get(0);
    assertThat(function.path("role").toString())
        .isEqualTo(
            "{\"logicalId\":\"OrderFunctionRole\",\"implicit\":true,\"arn\":\"" + ROLE + "\"}");
    assertThat(function.path("findings").findValuesAsText("id")).contains("OVER_GRANT");
  }

  @Test
  void generate_withoutRoleArn_readsTheRoleTheTemplateNames(@TempDir Path dir) throws Exception {
    Path app = Files.createDirectories(dir.resolve("app"));
    Files.copy(
        caseDir("trail-lambda-role").resolve("input/app/InvoiceHandler.java"),
        app.resolve("InvoiceHandler.java"));
    Files.writeString(
        dir.resolve("template.yaml"),
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          InvoiceFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: app.InvoiceHandler::handleRequest
              Role: %s
        """
            .formatted(ROLE));
    String trail = caseDir("trail-lambda-role").resolve("trail").toString();

    Cli withTemplateRole = Cli.run("generate", dir.toString(), "--cloudtrail", trail);
    Cli withRoleArn =
        Cli.run("generate", dir.toString(), "--cloudtrail", trail, "--role-arn", ROLE);

    assertThat(withTemplateRole.exitCode()).as(withTemplateRole.err()).isZero();
    assertThat(withTemplateRole.out()).contains("kms:Decrypt").isEqualTo(withRoleArn.out());
  }

  @Test
  void generate_withoutRoleArn_whenTheTemplateRoleNameIsGenerated_saysToGiveIt() {
    Cli cli =
        Cli.run(
            "generate",
            Fixtures.root().resolve("examples/orders-app").toString(),
            "--cloudtrail",
            caseDir("trail-lambda-role").resolve("trail").toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err())
        .startsWith("minrole: error: CloudTrail needs the execution role of OrderFunction")
        .contains("add --role-arn");
  }

  @Test
  void generate_whenObservedOnlyRoleIsInactive_exitsTwoExplaining() {
    Cli cli =
        Cli.run(
            "generate",
            "--cloudtrail",
            caseDir("trail-denials").resolve("trail").toString(),
            "--role-arn",
            "arn:aws:iam::111122223333:role/nobody");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("made no allowed call in the whole trail");
  }

  @Test
  void athenaSql_printsTheQueryForReview() {
    Cli cli =
        Cli.run(
            "cloudtrail",
            "athena-sql",
            "--athena-table",
            "default.cloudtrail_logs",
            "--role-arn",
            ROLE,
            "--since",
            "2024-05-01");

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out())
        .startsWith(
            "-- minrole: CloudTrail observations of 1 role, 2024-05-01T00:00:00Z to its end")
        .contains("FROM \"default\".\"cloudtrail_logs\"")
        .contains("GROUP BY role_arn");
    assertThat(
            Cli.run("cloudtrail", "athena-sql", "--athena-table", "a b", "--role-arn", ROLE)
                .exitCode())
        .isEqualTo(2);
  }

  @Test
  void help_listsThePartialInputExitCode() {
    assertThat(Cli.run("generate", "--help").out())
        .contains("--cloudtrail=PATH")
        .contains("6   --strict was given");
  }

  @Test
  void generate_withAthena_runsTheQueryAgainstTheEndpoint() {
    String columns =
        "role_arn,account,region,event_source,event_name,resource_arns,error_code,denied_action,denied_resource,events,first_seen,last_seen";
    StringBuilder info = new StringBuilder();
    StringBuilder header = new StringBuilder();
    for (String c : columns.split(",", -1)) {
      info.append(info.length() == 0 ? "" : ",").append("{\"Name\":\"").append(c).append("\"}");
      header
          .append(header.length() == 0 ? "" : ",")
          .append("{\"VarCharValue\":\"")
          .append(c)
          .append("\"}");
    }
    String row =
        "{\"Data\":[{\"VarCharValue\":\""
            + ROLE
            + "\"},{\"VarCharValue\":\"111122223333\"},{\"VarCharValue\":\"us-east-1\"},"
            + "{\"VarCharValue\":\"dynamodb.amazonaws.com\"},{\"VarCharValue\":\"PutItem\"},"
            + "{\"VarCharValue\":\"arn:aws:dynamodb:us-east-1:111122223333:table/invoices\"},{},{},{},"
            + "{\"VarCharValue\":\"17\"},{\"VarCharValue\":\"2024-05-01T00:00:00Z\"},{\"VarCharValue\":\"2024-05-09T00:00:00Z\"}]}";
    String results =
        "{\"ResultSet\":{\"ResultSetMetadata\":{\"ColumnInfo\":["
            + info
            + "]},\"Rows\":[{\"Data\":["
            + header
            + "]},"
            + row
            + "]}}";
    try (FakeAwsServer server = FakeAwsServer.start()) {
      server
          .onTarget(
              "AmazonAthena.StartQueryExecution",
              r -> Response.json("{\"QueryExecutionId\":\"q\"}"))
          .onTarget(
              "AmazonAthena.GetQueryExecution",
              r -> Response.json("{\"QueryExecution\":{\"Status\":{\"State\":\"SUCCEEDED\"}}}"))
          .onTarget("AmazonAthena.GetQueryResults", r -> Response.json(results));
      System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
      System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
      Cli cli =
          Cli.run(
              "generate",
              "--athena-table",
              "default.cloudtrail_logs",
              "--athena-output",
              "s3://results/",
              "--role-arn",
              ROLE,
              "--region",
              "us-east-1",
              "--endpoint-url",
              server.endpoint().toString(),
              "--format",
              "report");

      assertThat(cli.exitCode()).as(cli.err()).isZero();
      assertThat(cli.out())
          .contains("\"name\": \"invoice-fn-role\"")
          .contains("arn:aws:dynamodb:us-east-1:111122223333:table/invoices")
          .contains("\"count\": 17");
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }

  private static String[] concat(String[] args, String more) {
    String[] out = java.util.Arrays.copyOf(args, args.length + 1);
    out[args.length] = more;
    return out;
  }
}
