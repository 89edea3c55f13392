package dev.minrole.analyzer.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.minrole.testkit.FakeAwsServer;
import dev.minrole.testkit.FakeAwsServer.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Athena path against a local server speaking Athena's JSON 1.1 protocol. */
class AthenaTrailSourceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROLE = "arn:aws:iam::111122223333:role/orders-fn-role";
  private static final RoleSelector ROLES =
      new RoleSelector(List.of(new RoleTarget(ROLE, Optional.empty())));
  private static final List<String> COLUMNS =
      List.of(
          "role_arn",
          "account",
          "region",
          "event_source",
          "event_name",
          "resource_arns",
          "p_tablename",
          "error_code",
          "denied_action",
          "denied_resource",
          "events",
          "first_seen",
          "last_seen");

  private final FakeAwsServer server = FakeAwsServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  private static String row(String... values) {
    StringBuilder s = new StringBuilder("{\"Data\":[");
    for (int i = 0; i < values.length; i++) {
      s.append(i == 0 ? "" : ",")
          .append(values[i] == null ? "{}" : "{\"VarCharValue\":\"" + values[i] + "\"}");
    }
    return s.append("]}").toString();
  }

  private static String page(List<String> rows, String nextToken) {
    StringBuilder columns = new StringBuilder();
    for (String c : COLUMNS) {
      columns
          .append(columns.length() == 0 ? "" : ",")
          .append("{\"Name\":\"")
          .append(c)
          .append("\",\"Type\":\"varchar\"}");
    }
    return "{\"ResultSet\":{\"ResultSetMetadata\":{\"ColumnInfo\":["
        + columns
        + "]},\"Rows\":["
        + String.join(",", rows)
        + "]}"
        + (nextToken == null ? "" : ",\"NextToken\":\"" + nextToken + "\"")
        + "}";
  }

  private AthenaTrailSource source() {
    return new AthenaTrailSource(
        LocalAws.settings(server).athena(),
        "default.cloudtrail_logs",
        Optional.of("analytics"),
        Optional.of("s3://athena-results/minrole/"),
        Set.of("tableName"),
        LocalAws.FAST);
  }

  @Test
  void scan_runsOneQueryWaitsForItAndReadsEveryPage() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    server
        .onTarget(
            "AmazonAthena.StartQueryExecution",
            r -> Response.json("{\"QueryExecutionId\":\"q-1\"}"))
        .onTarget(
            "AmazonAthena.GetQueryExecution",
            r ->
                Response.json(
                    "{\"QueryExecution\":{\"QueryExecutionId\":\"q-1\",\"Status\":{\"State\":\""
                        + (polls.incrementAndGet() < 3 ? "RUNNING" : "SUCCEEDED")
                        + "\"}}}"))
        .onTarget(
            "AmazonAthena.GetQueryResults",
            r ->
                r.body().contains("\"NextToken\":\"page-2\"")
                    ? Response.json(
                        page(
                            List.of(
                                row(
                                    "",
                                    "",
                                    "",
                                    "s3.amazonaws.com",
                                    "",
                                    "",
                                    null,
                                    "",
                                    "",
                                    "",
                                    "812",
                                    "2024-05-01T00:00:03Z",
                                    "2024-05-31T23:59:10Z")),
                            null))
                    : Response.json(
                        page(
                            List.of(
                                row(COLUMNS.toArray(String[]::new)),
                                row(
                                    ROLE,
                                    "111122223333",
                                    "us-east-1",
                                    "dynamodb.amazonaws.com",
                                    "PutItem",
                                    "arn:aws:dynamodb:us-east-1:111122223333:table/orders",
                                    null,
                                    "",
                                    "",
                                    "",
                                    "41",
                                    "2024-05-02T10:00:00Z",
                                    "2024-05-30T08:00:00Z"),
                                row(
                                    ROLE,
                                    "111122223333",
                                    "us-east-1",
                                    "dynamodb.amazonaws.com",
                                    "DescribeTable",
                                    "",
                                    "orders",
                                    "AccessDeniedException",
                                    "dynamodb:DescribeTable",
                                    "arn:aws:dynamodb:us-east-1:111122223333:table/orders.",
                                    "2",
                                    "2024-05-03T10:00:00Z",
                                    "2024-05-04T10:00:00Z")),
                            "page-2")));

    TrailScan scan = source().scan(ROLES, TrailWindow.ALL);

    assertThat(scan.observations()).hasSize(2);
    Observation denied = scan.observations().get(0);
    assertThat(denied.key().eventName()).isEqualTo("DescribeTable");
    assertThat(denied.key().parameters()).containsEntry("tableName", "orders");
    assertThat(denied.key().deniedAction()).isEqualTo("dynamodb:DescribeTable");
    assertThat(denied.key().deniedResource())
        .isEqualTo("arn:aws:dynamodb:us-east-1:111122223333:table/orders");
    Observation put = scan.observations().get(1);
    assertThat(put.count()).isEqualTo(41);
    assertThat(put.firstSeen()).isEqualTo(Instant.parse("2024-05-02T10:00:00Z"));
    assertThat(put.key().resources())
        .containsExactly("arn:aws:dynamodb:us-east-1:111122223333:table/orders");
    assertThat(scan.dataEventSources()).containsExactly("s3.amazonaws.com");
    assertThat(scan.activity()).singleElement().extracting(RoleActivity::events).isEqualTo(43L);

    JsonNode start = JSON.readTree(server.requests().get(0).body());
    assertThat(start.path("WorkGroup").asText()).isEqualTo("analytics");
    assertThat(start.path("ResultConfiguration").path("OutputLocation").asText())
        .isEqualTo("s3://athena-results/minrole/");
    assertThat(start.path("QueryString").asText())
        .contains("FROM \"default\".\"cloudtrail_logs\"")
        .contains(ROLE);
    assertThat(server.requests())
        .filteredOn(r -> r.header("x-amz-target").equals("AmazonAthena.GetQueryResults"))
        .hasSize(2);
  }

  @Test
  void scan_whenQueryFails_saysWhyAndHowToCheck() {
    server
        .onTarget(
            "AmazonAthena.StartQueryExecution",
            r -> Response.json("{\"QueryExecutionId\":\"q-2\"}"))
        .onTarget(
            "AmazonAthena.GetQueryExecution",
            r ->
                Response.json(
                    "{\"QueryExecution\":{\"Status\":{\"State\":\"FAILED\",\"StateChangeReason\":\"COLUMN_NOT_FOUND:"
                        + " line 30:9: Column 'eventcategory' cannot be resolved\"}}}"));

    assertThatThrownBy(() -> source().scan(ROLES, TrailWindow.ALL))
        .isInstanceOf(TrailSourceException.class)
        .hasMessageContaining("Column 'eventcategory' cannot be resolved")
        .hasMessageContaining("athena-sql");
  }

  @Test
  void scan_whenAthenaRefuses_reportsTheServiceError() {
    server.onTarget(
        "AmazonAthena.StartQueryExecution",
        r ->
            Response.error(
                400,
                "application/x-amz-json-1.1",
                "{\"__type\":\"InvalidRequestException\",\"message\":\"WorkGroup analytics is not"
                    + " found.\"}"));

    assertThatThrownBy(() -> source().scan(ROLES, TrailWindow.ALL))
        .isInstanceOf(TrailSourceException.class)
        .hasMessageContaining("WorkGroup analytics is not found");
  }
}
