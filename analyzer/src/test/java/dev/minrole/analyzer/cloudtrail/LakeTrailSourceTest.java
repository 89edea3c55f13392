package dev.minrole.analyzer.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.minrole.testkit.FakeAwsServer;
import dev.minrole.testkit.FakeAwsServer.Response;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The CloudTrail Lake path against a local server speaking CloudTrail's JSON 1.1 protocol. */
class LakeTrailSourceTest {
  private static final String TARGET = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";
  private static final String ROLE = "arn:aws:iam::111122223333:role/orders-fn-role";
  private static final RoleSelector ROLES =
      new RoleSelector(List.of(new RoleTarget(ROLE, Optional.empty())));

  private final FakeAwsServer server = FakeAwsServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  private static String row(
      String role,
      String source,
      String name,
      String arns,
      String events,
      String first,
      String last) {
    return "[{\"role_arn\":\""
        + role
        + "\"},{\"account\":\"111122223333\"},{\"region\":\"us-east-1\"},"
        + "{\"event_source\":\""
        + source
        + "\"},{\"event_name\":\""
        + name
        + "\"},{\"resource_arns\":\""
        + arns
        + "\"},"
        + "{\"error_code\":\"\"},{\"denied_action\":\"\"},{\"denied_resource\":\"\"},"
        + "{\"events\":\""
        + events
        + "\"},{\"first_seen\":\""
        + first
        + "\"},{\"last_seen\":\""
        + last
        + "\"}]";
  }

  private LakeTrailSource source() {
    return new LakeTrailSource(
        LocalAws.settings(server).cloudTrail(),
        "EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE",
        Set.of("tableName"),
        LocalAws.FAST);
  }

  @Test
  void scan_startsTheQueryThenReadsResultsWhenFinished() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    server
        .onTarget(TARGET + "StartQuery", r -> Response.json("{\"QueryId\":\"lake-1\"}"))
        .onTarget(
            TARGET + "GetQueryResults",
            r -> {
              int n = calls.incrementAndGet();
              if (n == 1) {
                return Response.json("{\"QueryStatus\":\"RUNNING\"}");
              }
              if (!r.body().contains("\"NextToken\"")) {
                return Response.json(
                    "{\"QueryStatus\":\"FINISHED\",\"QueryResultRows\":["
                        + row(
                            ROLE,
                            "lambda.amazonaws.com",
                            "Invoke20150331",
                            "arn:aws:lambda:us-east-1:111122223333:function:enrich",
                            "7",
                            "2024-05-02 10:00:00.000",
                            "2024-05-09 11:30:00.000")
                        + "],\"NextToken\":\"t2\"}");
              }
              return Response.json(
                  "{\"QueryStatus\":\"FINISHED\",\"QueryResultRows\":["
                      + row(
                          "",
                          "lambda.amazonaws.com",
                          "",
                          "",
                          "90",
                          "2024-05-01 00:00:00.000",
                          "2024-05-31 00:00:00.000")
                      + "]}");
            });

    TrailScan scan = source().scan(ROLES, TrailWindow.ALL);

    assertThat(scan.observations())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.count()).isEqualTo(7);
              assertThat(o.key().eventName()).isEqualTo("Invoke20150331");
              assertThat(o.firstSeen()).hasToString("2024-05-02T10:00:00Z");
            });
    assertThat(scan.dataEventSources()).containsExactly("lambda.amazonaws.com");
    assertThat(server.requests().get(0).body())
        .contains("FROM EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE")
        .contains("userIdentity.sessionContext.sessionIssuer.arn");
  }

  @Test
  void scan_whenQueryFails_reportsTheLakeError() {
    server
        .onTarget(TARGET + "StartQuery", r -> Response.json("{\"QueryId\":\"lake-2\"}"))
        .onTarget(
            TARGET + "GetQueryResults",
            r ->
                Response.json(
                    "{\"QueryStatus\":\"FAILED\",\"ErrorMessage\":\"Query statement is"
                        + " invalid\"}"));

    assertThatThrownBy(() -> source().scan(ROLES, TrailWindow.ALL))
        .isInstanceOf(TrailSourceException.class)
        .hasMessageContaining("FAILED")
        .hasMessageContaining("Query statement is invalid");
  }
}
