package dev.minrole.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A real HTTP server on the loopback interface that answers AWS SDK clients pointed at it with
 * {@code endpointOverride}. Tests register answers by what the wire protocol uses to name an
 * operation: the {@code X-Amz-Target} header (JSON protocols: Athena, CloudTrail), the {@code
 * Action} form parameter (query protocol: IAM, STS), or method and path (REST-JSON: Lambda, Access
 * Analyzer). Every request is recorded, so tests can check what the client sent. An unregistered
 * request gets a 400 with a JSON error, as AWS would answer an unknown operation.
 */
public final class FakeAwsServer implements AutoCloseable {

  /** A request as the server saw it. */
  public record Request(
      String method, String path, String query, Map<String, String> headers, String body) {
    /** The form parameters of a query-protocol request body. */
    public Map<String, String> form() {
      return parseForm(body);
    }

    public String header(String name) {
      return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), "");
    }
  }

  /** What the server answers. */
  public record Response(int status, String contentType, String body) {
    public static Response json(String body) {
      return new Response(200, "application/x-amz-json-1.1", body);
    }

    public static Response restJson(String body) {
      return new Response(200, "application/json", body);
    }

    public static Response xml(String body) {
      return new Response(200, "text/xml", body);
    }

    public static Response error(int status, String contentType, String body) {
      return new Response(status, contentType, body);
    }
  }

  private record Route(String kind, String key, Pattern path, Function<Request, Response> answer) {}

  private final HttpServer server;
  private final List<Route> routes = Collections.synchronizedList(new ArrayList<>());
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

  private FakeAwsServer(HttpServer server) {
    this.server = server;
  }

  /** Starts a server on a free port of 127.0.0.1. */
  public static FakeAwsServer start() {
    try {
      HttpServer http =
          HttpServer.create(
              new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
      FakeAwsServer fake = new FakeAwsServer(http);
      http.createContext("/", fake::handle);
      http.start();
      return fake;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the local AWS server", e);
    }
  }

  /** The URI to give the SDK client's {@code endpointOverride}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answers JSON-protocol requests whose {@code X-Amz-Target} is {@code target}. */
  public FakeAwsServer onTarget(String target, Function<Request, Response> answer) {
    routes.add(new Route("target", target, null, answer));
    return this;
  }

  /** Answers query-protocol requests whose {@code Action} parameter is {@code action}. */
  public FakeAwsServer onAction(String action, Function<Request, Response> answer) {
    routes.add(new Route("action", action, null, answer));
    return this;
  }

  /** Answers REST requests with this method whose path matches the regular expression. */
  public FakeAwsServer onRest(String method, String pathRegex, Function<Request, Response> answer) {
    routes.add(new Route("rest", method, Pattern.compile(pathRegex), answer));
    return this;
  }

  /** Every request received so far, in order. */
  public List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    URI uri = exchange.getRequestURI();
    Request request =
        new Request(
            exchange.getRequestMethod(),
            uri.getRawPath(),
            uri.getRawQuery() == null ? "" : uri.getRawQuery(),
            headers,
            body);
    requests.add(request);
    Response response = route(request);
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", response.contentType());
    exchange.getResponseHeaders().add("x-amzn-RequestId", "local-" + requests.size());
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private Response route(Request request) {
    String target = request.header("x-amz-target");
    String action = request.form().getOrDefault("Action", "");
    synchronized (routes) {
      for (Route r : routes) {
        boolean matches =
            switch (r.kind()) {
              case "target" -> r.key().equals(target);
              case "action" -> r.key().equals(action);
              default ->
                  r.key().equalsIgnoreCase(request.method())
                      && r.path().matcher(request.path()).matches();
            };
        if (matches) {
          return r.answer().apply(request);
        }
      }
    }
    return Response.error(
        400,
        "application/json",
        "{\"__type\":\"UnknownOperationException\",\"message\":\"no answer registered for "
            + request.method()
            + " "
            + request.path()
            + " "
            + target
            + " "
            + action
            + "\"}");
  }

  static Map<String, String> parseForm(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    if (body == null || body.isEmpty() || body.startsWith("{")) {
      return out;
    }
    for (String pair : body.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(key, value);
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
