package dev.minrole.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class FakeAwsServerTest {
  @Test
  void routes_byTargetActionAndPath_andRecordsRequests() throws Exception {
    try (FakeAwsServer server =
        FakeAwsServer.start()
            .onTarget(
                "AmazonAthena.StartQueryExecution",
                r -> FakeAwsServer.Response.json("{\"QueryExecutionId\":\"q1\"}"))
            .onAction("GetRole", r -> FakeAwsServer.Response.xml("<GetRoleResponse/>"))
            .onRest(
                "GET",
                "/2015-03-31/functions/[^/]+/configuration",
                r -> FakeAwsServer.Response.restJson("{}"))) {
      HttpClient http = HttpClient.newHttpClient();
      URI base = server.endpoint();
      HttpResponse<String> json =
          http.send(
              HttpRequest.newBuilder(base)
                  .header("X-Amz-Target", "AmazonAthena.StartQueryExecution")
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> query =
          http.send(
              HttpRequest.newBuilder(base)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString("Action=GetRole&RoleName=fn%2Drole"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> rest =
          http.send(
              HttpRequest.newBuilder(base.resolve("/2015-03-31/functions/orders/configuration"))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> unknown =
          http.send(
              HttpRequest.newBuilder(base.resolve("/nothing")).GET().build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(json.body()).contains("q1");
      assertThat(query.body()).isEqualTo("<GetRoleResponse/>");
      assertThat(rest.statusCode()).isEqualTo(200);
      assertThat(unknown.statusCode()).isEqualTo(400);
      assertThat(server.requests()).hasSize(4);
      assertThat(server.requests().get(1).form()).containsEntry("RoleName", "fn-role");
    }
  }
}
