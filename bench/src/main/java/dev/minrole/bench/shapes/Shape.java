package dev.minrole.bench.shapes;

import static dev.minrole.bench.shapes.ShapeText.HEADER;
import static dev.minrole.bench.shapes.ShapeText.HEADER_IMPORTS;
import static dev.minrole.bench.shapes.ShapeText.PUT;
import static dev.minrole.bench.shapes.ShapeText.body;
import static dev.minrole.bench.shapes.ShapeText.repeat;
import static dev.minrole.bench.shapes.ShapeText.repeatList;

import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Pathological but ordinary shapes of handler code, each generated at a size {@code n}. Every shape
 * ends in an S3 {@code PutObject} to bucket {@code acme} whose key the analyzer has to follow back
 * through the shape, so the work the analysis does is the work of following that shape. The shapes
 * are those of {@code AnalyzerStressTest} (analyzer), at sizes a unit test should not run.
 *
 * <p>The fields are immutable in fact ({@code List.of}, stateless lambdas), which Error Prone
 * cannot see.
 */
@SuppressWarnings("ImmutableEnumChecker")
public enum Shape {
  /** {@code key = key + event.get("pI") + "/";}, {@code n} times in a row. */
  REASSIGNMENTS(
      "reassignment chain",
      "assignments",
      List.of(10, 100, 1_000, 4_000, 16_000),
      n ->
          body(
              "String key = \"exports/\";",
              repeat(n, i -> "    key = key + event.get(\"p" + i + "\") + \"/\";\n"),
              "key")),

  /** {@code if (...) key = key + "a/"; else key = key + "b/";}, {@code n} times: 2^n values. */
  IF_ELSE_SEQUENCE(
      "if/else in sequence",
      "if/else",
      List.of(4, 16, 64, 256, 1_024),
      n ->
          body(
              "String key = \"exports/\";",
              repeat(
                  n,
                  i ->
                      "    if (event.containsKey(\"f"
                          + i
                          + "\")) key = key + \"a/\"; else key = key + \"b/\";\n"),
              "key")),

  /** One {@code if / else if} ladder of {@code n} arms, each setting its own key. */
  ELSE_IF_LADDER(
      "else-if ladder",
      "arms",
      List.of(4, 16, 64, 256, 1_024, 2_048),
      n ->
          body(
              "String key = \"exports/other\";\n    String kind = event.get(\"kind\");",
              "    "
                  + String.join(
                      " else ",
                      repeatList(
                          n,
                          i ->
                              "if (kind.equals(\"k"
                                  + i
                                  + "\")) {\n      key = \"exports/arm-"
                                  + i
                                  + "\";\n    }"))
                  + "\n",
              "key")),

  /**
   * The key passed down through {@code n} methods, each appending a segment, the last one calling
   * S3: layers of an application.
   */
  METHOD_CHAIN(
      "method chain",
      "methods",
      List.of(10, 20, 40, 100, 1_000),
      n -> {
        StringBuilder methods = new StringBuilder();
        for (int i = 0; i < n; i++) {
          methods
              .append("  private void step")
              .append(i)
              .append("(String key) {\n    step")
              .append(i + 1)
              .append("(key + \"s")
              .append(i)
              .append("/\");\n  }\n\n");
        }
        methods
            .append("  private void step")
            .append(n)
            .append("(String key) {\n    ")
            .append(PUT.replace("KEY", "key"))
            .append("  }\n");
        return ShapeSource.handler(
            HEADER
                + "  public void handleRequest(Map<String, String> event) {\n"
                + "    step0(\"exports/\");\n  }\n\n"
                + methods
                + "}\n");
      }),

  /** {@code new StringBuilder("logs/").append("x")...toString()} with {@code n} appends. */
  BUILDER_CHAIN(
      "builder call chain",
      "calls",
      List.of(100, 1_000, 2_000, 5_000, 10_000),
      n ->
          body(
              "String key = new StringBuilder(\"logs/\")"
                  + ".append(\"x\")".repeat(n)
                  + ".toString();",
              "",
              "key")),

  /** {@code ((((...("deep/key")...))))} with {@code n} pairs of parentheses. */
  PARENTHESES(
      "parentheses",
      "pairs",
      List.of(50, 500, 5_000, 10_000, 20_000),
      n -> body("String key = " + "(".repeat(n) + "\"deep/key\"" + ")".repeat(n) + ";", "", "key")),

  /** {@code n} unrelated statements between the key and the call, in one method. */
  STATEMENTS(
      "statements in one method",
      "statements",
      List.of(1_000, 10_000, 50_000),
      n ->
          body(
              "String key = \"flat/key\";",
              repeat(n, i -> "    int v" + i + " = " + i + ";\n"),
              "key")),

  /**
   * The S3 call inside {@code n} nested lambdas: {@code n - 1} {@code forEach} lambdas around the
   * request's own {@code r -> r.bucket(...)}, in a class of its own that the handler calls. A file
   * with lambdas nested over 12 deep is skipped before parsing.
   */
  NESTED_LAMBDAS(
      "nested lambdas",
      "levels",
      List.of(4, 8, 12, 13),
      n -> {
        String call = PUT.strip().replace("KEY", "\"nested/key\"");
        for (int i = 1; i < n; i++) {
          call = "items.forEach(x" + i + " -> { " + call + " });";
        }
        return new ShapeSource(
            "app.Handler::handleRequest",
            Map.of(
                "app/Handler.java",
                HEADER
                    + "  public void handleRequest(List<String> items) {\n"
                    + "    Nested.run(s3, items);\n  }\n}\n",
                "app/Nested.java",
                HEADER_IMPORTS
                    + "public class Nested {\n"
                    + "  static void run(S3Client s3, List<String> items) {\n    "
                    + call
                    + "\n  }\n}\n"));
      }),

  /** {@code n} helper methods, each making its own S3 call, all called by the handler. */
  MANY_METHODS(
      "many methods, one call each",
      "methods",
      List.of(1_000, 10_000, 20_000, 50_000),
      n -> {
        StringBuilder calls = new StringBuilder();
        StringBuilder methods = new StringBuilder();
        for (int i = 0; i < n; i++) {
          calls.append("    put").append(i).append("(event);\n");
          methods
              .append("  private void put")
              .append(i)
              .append("(Map<String, String> event) {\n    ")
              .append(PUT.replace("KEY", "\"part-" + i + "/\" + event.get(\"id\")"))
              .append("  }\n\n");
        }
        return ShapeSource.handler(
            HEADER
                + "  public void handleRequest(Map<String, String> event) {\n"
                + calls
                + "  }\n\n"
                + methods
                + "}\n");
      }),

  /**
   * One helper that calls S3 with its parameter, called from {@code n} places with {@code n} keys.
   */
  CALL_SITES(
      "call sites of one helper",
      "call sites",
      List.of(8, 16, 17, 32, 33, 100, 1_000),
      n ->
          ShapeSource.handler(
              HEADER
                  + "  public void handleRequest(Map<String, String> event) {\n"
                  + repeat(n, i -> "    put(\"site-" + i + "/data\");\n")
                  + "  }\n\n"
                  + "  private void put(String key) {\n    "
                  + PUT.replace("KEY", "key")
                  + "  }\n}\n"));

  private final String title;
  private final String unit;
  private final List<Integer> sizes;
  private final IntFunction<ShapeSource> generator;

  Shape(String title, String unit, List<Integer> sizes, IntFunction<ShapeSource> generator) {
    this.title = title;
    this.unit = unit;
    this.sizes = sizes;
    this.generator = generator;
  }

  /** The shape's name on the command line: {@code if-else-sequence}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** What the shape is, for the table: {@code if/else in sequence}. */
  public String title() {
    return title;
  }

  /** What {@code n} counts: {@code arms}. */
  public String unit() {
    return unit;
  }

  /** The sizes measured by default, smallest first. */
  public List<Integer> sizes() {
    return sizes;
  }

  /** The shape at size {@code n}. */
  public ShapeSource generate(int n) {
    return generator.apply(n);
  }
}
