package dev.minrole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell steps of the GitHub Action ({@code scripts/github-action}) in a fake GitHub Actions
 * environment: {@code GITHUB_*} variables, an event file, output and summary files, and a local
 * HTTP server in place of the GitHub API. minrole is the built jar.
 */
class ActionScriptIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request the fake API received. */
  record Request(String method, String path, String authorization, String body) {}

  @TempDir Path temp;

  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private HttpServer github;
  private String existingComments = "[]";

  @BeforeEach
  void startGitHub() throws IOException {
    github = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    github.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          requests.add(
              new Request(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().toString(),
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  body));
          byte[] reply =
              (exchange.getRequestMethod().equals("GET") ? existingComments : "{\"id\": 1}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(
              exchange.getRequestMethod().equals("POST") ? 201 : 200, reply.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
          }
        });
    github.start();
  }

  @AfterEach
  void stopGitHub() {
    github.stop(0);
  }

  @Test
  void script_whenPullRequestHasNoComment_postsOneAndExitsWithMinrolesCode() throws Exception {
    Processes run = action(Map.of("INPUT_FAIL_ON", "any", "INPUT_COMMENT", "true"));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
    assertThat(run.out()).contains("OrderFunction").contains("excess");
    assertThat(outputs()).containsEntry("exit-code", "4");
    assertThat(requests)
        .extracting(Request::method, Request::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "GET", "/repos/acme/orders/issues/7/comments?per_page=100"),
            org.assertj.core.groups.Tuple.tuple("POST", "/repos/acme/orders/issues/7/comments"));
    assertThat(requests).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer t0ken"));
    String comment = JSON.readTree(requests.get(1).body()).path("body").asText();
    assertThat(comment).startsWith("<!-- minrole -->\n").contains("OrderFunction");
    assertThat(comment).isEqualTo(Files.readString(Path.of(outputs().get("markdown-file"))));
    assertThat(Files.readString(temp.resolve("summary.md"))).isEqualTo(comment);
  }

  @Test
  void script_whenPullRequestHasItsComment_updatesItAndPassesOnMissingOnly() throws Exception {
    existingComments =
        "[{\"id\": 11, \"body\": \"LGTM\"}, {\"id\": 42, \"body\": \"<!-- minrole -->\\nold\"}]";

    Processes run = action(Map.of("INPUT_COMMENT", "true"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(requests)
        .extracting(Request::method, Request::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "GET", "/repos/acme/orders/issues/7/comments?per_page=100"),
            org.assertj.core.groups.Tuple.tuple("PATCH", "/repos/acme/orders/issues/comments/42"));
  }

  @Test
  void script_whenSarifAsked_writesItAndNamesItInTheOutputs() throws Exception {
    Processes run = action(Map.of("INPUT_SARIF", "true", "INPUT_FAIL_ON", "none"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode sarif = JSON.readTree(Path.of(outputs().get("sarif-file")).toFile());
    assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
    JsonNode results = sarif.path("runs").path(0).path("results");
    assertThat(results).isNotEmpty();
    assertThat(results.findValuesAsText("uri"))
        .as("relative to the workspace, as code scanning wants")
        .isNotEmpty()
        .allSatisfy(uri -> assertThat(uri).isEqualTo("template.yaml"));
    assertThat(requests).as("no comment unless asked").isEmpty();
  }

  @Test
  void script_whenMinroleFailsOnUsage_exitsWithItsCodeAndWritesNoComment() throws Exception {
    Processes run = action(Map.of("INPUT_PATH", "does-not-exist", "INPUT_COMMENT", "true"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).contains("::error::minrole diff failed with exit code 2");
    assertThat(outputs()).containsEntry("exit-code", "2");
    assertThat(requests).isEmpty();
  }

  private Processes action(Map<String, String> inputs) throws Exception {
    Path repo = Fixtures.root().getParent();
    Path workspace = temp.resolve("workspace");
    LauncherIT.copyTree(repo.resolve("fixtures/examples/orders-app"), workspace);
    Path event = temp.resolve("event.json");
    Files.writeString(event, "{\"pull_request\": {\"number\": 7}}");
    Files.writeString(temp.resolve("output.txt"), "");
    Map<String, String> env = new HashMap<>();
    env.put("MINROLE_BIN", Processes.java() + " -jar " + repo.resolve("cli/target/minrole.jar"));
    env.put("GITHUB_API_URL", "http://127.0.0.1:" + github.getAddress().getPort());
    env.put("GITHUB_REPOSITORY", "acme/orders");
    env.put("GITHUB_EVENT_PATH", event.toString());
    env.put("GITHUB_OUTPUT", temp.resolve("output.txt").toString());
    env.put("GITHUB_STEP_SUMMARY", temp.resolve("summary.md").toString());
    env.put("GITHUB_TOKEN", "t0ken");
    env.put("RUNNER_TEMP", temp.resolve("runner").toString());
    env.put("INPUT_PATH", ".");
    env.putAll(inputs);
    return Processes.run(
        workspace, env, List.of("bash", repo.resolve("scripts/github-action").toString()));
  }

  private Map<String, String> outputs() throws IOException {
    Map<String, String> out = new HashMap<>();
    for (String line : Files.readAllLines(temp.resolve("output.txt"))) {
      int eq = line.indexOf('=');
      out.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return out;
  }
}
