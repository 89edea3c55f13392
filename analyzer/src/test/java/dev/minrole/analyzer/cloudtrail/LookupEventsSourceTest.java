package dev.minrole.analyzer.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.minrole.testkit.FakeAwsServer;
import dev.minrole.testkit.FakeAwsServer.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The LookupEvents path against a local server speaking CloudTrail's JSON 1.1 protocol. */
class LookupEventsSourceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TARGET =
      "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents";
  private static final RoleSelector ROLES =
      new RoleSelector(List.of(new RoleTarget(Records.ROLE, Optional.empty())));
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);

  private final FakeAwsServer server = FakeAwsServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  private static String event(String record) throws Exception {
    return "{\"EventId\":\"e\",\"EventName\":\"x\",\"EventTime\":1714557600,\"CloudTrailEvent\":"
        + JSON.writeValueAsString(record)
        + "}";
  }

  @Test
  void scan_readsEveryPageAndSaysWhatEventHistoryCannotShow() throws Exception {
    String first =
        event(
            Records.management(
                Records.ROLE,
                "2024-05-01T10:00:00Z",
                "dynamodb.amazonaws.com",
                "DescribeTable",
                "{\"tableName\":\"orders\"}",
                ""));
    String second =
        event(
            Records.management(
                Records.ROLE,
                "2024-05-02T10:00:00Z",
                "dynamodb.amazonaws.com",
                "DescribeTable",
                "{\"tableName\":\"orders\"}",
                ""));
    server.onTarget(
        TARGET,
        r ->
            Response.json(
                r.body().contains("NextToken")
                    ? "{\"Events\":[" + second + "]}"
                    : "{\"Events\":[" + first + "],\"NextToken\":\"n2\"}"));

    TrailScan scan =
        new LookupEventsSource(LocalAws.settings(server).cloudTrail(), Set.of("tableName"), NOW)
            .scan(
                ROLES,
                new TrailWindow(
                    Optional.of(Instant.parse("2024-01-01T00:00:00Z")), Optional.empty()));

    assertThat(scan.observations())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.count()).isEqualTo(2);
              assertThat(o.key().parameters()).containsEntry("tableName", "orders");
            });
    assertThat(scan.notes())
        .anyMatch(n -> n.contains("last 90 days only"))
        .anyMatch(n -> n.contains("more than 90 days ago"));
    var start = JSON.readTree(server.requests().get(0).body());
    assertThat(Instant.ofEpochSecond(start.path("StartTime").asLong()))
        .isEqualTo(Instant.parse("2024-03-03T00:00:00Z"));
  }
}
