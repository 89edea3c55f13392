package dev.minrole.bench.shapes;

import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/** The text the shapes are made of: a handler class around generated lines. */
final class ShapeText {
  static final String HEADER_IMPORTS =
      """
      package app;

      import java.util.List;
      import java.util.Map;
      import software.amazon.awssdk.core.sync.RequestBody;
      import software.amazon.awssdk.services.s3.S3Client;

      """;

  static final String HEADER =
      HEADER_IMPORTS
          + """
          public class Handler {
            private final S3Client s3 = S3Client.create();

          """;

  static final String PUT =
      "s3.putObject(r -> r.bucket(\"acme\").key(KEY), RequestBody.empty());\n";

  private ShapeText() {}

  /**
   * A handler whose body is {@code setup}, then {@code lines}, then a PutObject whose key is the
   * variable {@code keyVariable}.
   */
  static ShapeSource body(String setup, String lines, String keyVariable) {
    return ShapeSource.handler(
        HEADER
            + "  public void handleRequest(Map<String, String> event) {\n"
            + "    "
            + setup
            + "\n"
            + lines
            + "    String done = "
            + keyVariable
            + ";\n    "
            + PUT.replace("KEY", "done")
            + "  }\n}\n");
  }

  static String repeat(int n, IntFunction<String> line) {
    return String.join("", repeatList(n, line));
  }

  static List<String> repeatList(int n, IntFunction<String> line) {
    return IntStream.range(0, n).mapToObj(line).toList();
  }
}
