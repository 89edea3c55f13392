package dev.minrole.analyzer.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SdkCall;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated deep, wide and long shapes of ordinary code. Every run ends with the SDK call found and
 * either an exact value or a finding, and its work (evaluation steps, never time) grows at most
 * linearly with the shape's size.
 */
class AnalyzerStressTest {
  private static final String HEADER =
      """
      package app;

      import java.util.List;
      import java.util.Map;
      import software.amazon.awssdk.core.sync.RequestBody;
      import software.amazon.awssdk.services.s3.S3Client;

      public class Handler {
        private final S3Client s3 = S3Client.create();

      """;

  @ParameterizedTest
  @ValueSource(ints = {10, 100, 400})
  void reassignmentChain_isLinear(int n) {
    FunctionAnalysis analysis =
        run(
            i -> "    key = key + event.get(\"p" + i + "\") + \"/\";\n",
            n,
            "String key = \"exports/\";",
            "key");
    assertThat(key(analysis)).startsWith("exports/*/").endsWith("/");
    assertThat(analysis.work()).isLessThan(30L * n + 100);
  }

  @Test
  void reassignmentChainPastTheLengthLimit_staysBounded_andNamesTenPlacesThenCountsTheRest() {
    int n = 1_200; // each assignment adds "*/": the pattern passes 2,048 characters near 1,020
    FunctionAnalysis analysis =
        run(
            i -> "    key = key + event.get(\"p" + i + "\") + \"/\";\n",
            n,
            "String key = \"exports/\";",
            "key");
    assertThat(key(analysis)).startsWith("exports/*/").hasSizeLessThanOrEqualTo(2_048);
    List<String> widened =
        analysis.findings().stream()
            .filter(f -> f.id().equals("VALUE_WIDENED"))
            .map(f -> f.message())
            .toList();
    assertThat(widened).hasSize(EvaluationFindings.WIDENINGS_LISTED + 1);
    assertThat(widened).anyMatch(m -> m.contains(" more values in this function are widened"));
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 10, 40})
  void branchLadder_isLinearAndWidensWithAFinding(int n) {
    FunctionAnalysis analysis =
        run(
            i ->
                "    if (event.containsKey(\"f"
                    + i
                    + "\")) key = key + \"a/\"; else key = key + \"b/\";\n",
            n,
            "String key = \"exports/\";",
            "key");
    String key = key(analysis);
    assertThat(key).startsWith("exports/");
    java.util.Random random = new java.util.Random(n);
    for (int sample = 0; sample < 50; sample++) {
      StringBuilder real = new StringBuilder("exports/");
      for (int i = 0; i < n; i++) {
        real.append(random.nextBoolean() ? "a/" : "b/");
      }
      List<String> keys =
          analysis.calls().stream().map(c -> c.args().get("Key").pattern()).toList();
      assertThat(keys.stream().anyMatch(k -> covers(k, real.toString())))
          .as("%s cover %s", keys, real)
          .isTrue();
    }
    if (1L << n > Widening.MAX_ALTERNATIVES) {
      assertThat(ids(analysis)).contains("VALUE_WIDENED");
    }
    assertThat(analysis.work()).isLessThan(30L * n + 100);
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 2000})
  void longCallChain_endsWithAResult(int n) {
    FunctionAnalysis analysis =
        run(
            i -> "",
            0,
            "String key = new StringBuilder(\"logs/\")"
                + ".append(\"x\")".repeat(n)
                + ".toString();",
            "key");
    assertThat(analysis.calls()).extracting(SdkCall::operation).containsExactly("PutObject");
    assertThat(key(analysis)).startsWith("logs/");
  }

  @ParameterizedTest
  @ValueSource(ints = {100, SourceNesting.MAX_BRACKETS - 10})
  void deepParentheses_keepTheValue(int n) {
    FunctionAnalysis analysis =
        run(
            i -> "",
            0,
            "String key = " + "(".repeat(n) + "\"deep/key\"" + ")".repeat(n) + ";",
            "key");
    assertThat(key(analysis)).isEqualTo("deep/key");
    assertThat(analysis.work()).isLessThan(100);
  }

  @ParameterizedTest
  @ValueSource(ints = {1000, 20000})
  void manyStatements_areLinear(int n) {
    FunctionAnalysis analysis =
        run(i -> "    int v" + i + " = " + i + ";\n", n, "String key = \"flat/key\";", "key");
    assertThat(key(analysis)).isEqualTo("flat/key");
    assertThat(analysis.work()).isLessThan(100);
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 11})
  void nestedLambdasWithinTheLimit_areAnalyzed(int depth) {
    String call = "s3.putObject(r -> r.bucket(\"acme\").key(\"nested/key\"), RequestBody.empty());";
    for (int i = 0; i < depth; i++) {
      call = "items.forEach(x" + i + " -> { " + call + " });";
    }
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("app.Handler::handleRequest")
            .file(
                "app/Handler.java",
                HEADER
                    + "  public void handleRequest(List<String> items) {\n    "
                    + call
                    + "\n  }\n}\n")
            .analyze();
    assertThat(key(analysis)).isEqualTo("nested/key");
  }

  /**
   * A handler whose body is {@code setup}, then {@code n} generated lines, then a PutObject whose
   * key is the variable {@code keyVariable}.
   */
  private static FunctionAnalysis run(
      IntFunction<String> line, int n, String setup, String keyVariable) {
    StringBuilder body = new StringBuilder("    " + setup + "\n");
    for (int i = 0; i < n; i++) {
      body.append(line.apply(i));
    }
    body.append("    String done = ").append(keyVariable).append(";\n");
    body.append("    s3.putObject(r -> r.bucket(\"acme\").key(done), RequestBody.empty());\n");
    return AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            HEADER
                + "  public void handleRequest(Map<String, String> event) {\n"
                + body
                + "  }\n}\n")
        .analyze();
  }

  /** True if the IAM pattern (with {@code *}) matches the text. */
  private static boolean covers(String pattern, String text) {
    StringBuilder regex = new StringBuilder();
    for (String part : pattern.split("\\*", -1)) {
      if (regex.length() > 0) {
        regex.append(".*");
      }
      regex.append(java.util.regex.Pattern.quote(part));
    }
    return text.matches(regex.toString());
  }

  private static String key(FunctionAnalysis analysis) {
    assertThat(analysis.calls()).isNotEmpty();
    return analysis.calls().get(0).args().get("Key").pattern();
  }

  private static List<String> ids(FunctionAnalysis analysis) {
    return analysis.findings().stream().map(Finding::id).toList();
  }
}
