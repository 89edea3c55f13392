package dev.minrole.analyzer.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SdkCall;
import org.junit.jupiter.api.Test;

/**
 * The evaluator's bounds: too many alternatives, too long a string and a spent budget each end in a
 * value that covers what the code can do and a finding that says so, never silently.
 */
class BoundedEvaluationTest {

  @Test
  void bound_whenAValueHasTooManyAlternatives_widensToWhatTheyShareAndSaysSo() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import software.amazon.awssdk.core.sync.RequestBody;
            import software.amazon.awssdk.services.s3.S3Client;

            public class Handler {
              private final S3Client s3 = S3Client.create();

              public void handleRequest(boolean[] f) {
                String prefix = "reports/";
                if (f[0]) prefix = prefix + "a/"; else prefix = prefix + "b/";
                if (f[1]) prefix = prefix + "c/"; else prefix = prefix + "d/";
                if (f[2]) prefix = prefix + "e/"; else prefix = prefix + "f/";
                if (f[3]) prefix = prefix + "g/"; else prefix = prefix + "h/";
                if (f[4]) prefix = prefix + "i/"; else prefix = prefix + "j/";
                // FINDING: VALUE_WIDENED
                String key = prefix + "summary.csv";
                // SDK: s3.PutObject Bucket=acme Key=reports/*/summary.csv
                s3.putObject(r -> r.bucket("acme").key(key), RequestBody.empty());
              }
            }
            """)
        .check();
  }

  @Test
  void bound_whenAHelperBuildsMoreRequestsThanItFollows_mergesThemMemberByMember() {
    // 20 call sites give 20 request objects; they are one request whose Key takes all 20 keys
    // (widened to what they share), not an unknown object that loses the bucket too.
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("app.Handler::handleRequest")
            .file(
                "app/Handler.java",
"""
                package app;

                import software.amazon.awssdk.core.sync.RequestBody;
                import software.amazon.awssdk.services.s3.S3Client;

                public class Handler {
                  private final S3Client s3 = S3Client.create();

                  public void handleRequest(String body) {
%s
                  }

                  private void archive(String site) {
                    s3.putObject(r -> r.bucket("acme").key(site + "/data"), RequestBody.empty());
                  }
                }
                """
                    .formatted(CALLS))
            .analyze();
    assertThat(analysis.calls())
        .singleElement()
        .satisfies(
            put -> {
              assertThat(put.args().get("Bucket").pattern()).isEqualTo("acme");
              assertThat(put.args().get("Key").pattern()).isEqualTo("site-*/data");
            });
    assertThat(analysis.findings())
        .extracting(Finding::id)
        .contains("VALUE_WIDENED")
        .doesNotContain("UNRESOLVED_RESOURCE");
  }

  private static final String CALLS =
      """
                archive("site-0");
                archive("site-1");
                archive("site-2");
                archive("site-3");
                archive("site-4");
                archive("site-5");
                archive("site-6");
                archive("site-7");
                archive("site-8");
                archive("site-9");
                archive("site-10");
                archive("site-11");
                archive("site-12");
                archive("site-13");
                archive("site-14");
                archive("site-15");
                archive("site-16");
                archive("site-17");
                archive("site-18");
                archive("site-19");
      """;

  @Test
  void bound_whenAStringIsTooLong_keepsItsStartAndSaysSo() {
    String longName = "x".repeat(Widening.MAX_LENGTH + 500);
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("app.Handler::handleRequest")
            .file(
                "app/Handler.java",
                """
                package app;

                import software.amazon.awssdk.core.sync.RequestBody;
                import software.amazon.awssdk.services.s3.S3Client;

                public class Handler {
                  private static final String KEY = "%s";
                  private final S3Client s3 = S3Client.create();

                  public void handleRequest(String body) {
                    s3.putObject(r -> r.bucket("acme").key(KEY), RequestBody.fromString(body));
                  }
                }
                """
                    .formatted(longName))
            .analyze();
    SdkCall put = analysis.calls().get(0);
    assertThat(put.args().get("Key").pattern())
        .isEqualTo("x".repeat(Widening.MAX_LENGTH - 1) + "*")
        .hasSize(Widening.MAX_LENGTH);
    assertThat(analysis.findings())
        .filteredOn(f -> f.id().equals("VALUE_WIDENED"))
        .singleElement()
        .extracting(Finding::message)
        .asString()
        .contains("is longer than the 2048 characters minrole keeps");
  }

  @Test
  void budget_whenSpent_endsTheAnalysisWithAFindingThatNamesTheMethod() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("app.Handler::handleRequest")
            .budget(3)
            .file(
                "app/Handler.java",
                """
                package app;

                import software.amazon.awssdk.services.sqs.SqsClient;

                public class Handler {
                  private static final String ACCOUNT = "111122223333";
                  private final SqsClient sqs = SqsClient.create();

                  public void handleRequest(String body) {
                    String url = "https://sqs.eu-west-1.amazonaws.com/" + ACCOUNT + "/" + "jobs";
                    sqs.sendMessage(r -> r.queueUrl(url).messageBody(body));
                  }
                }
                """)
            .analyze();
    assertThat(analysis.work()).isGreaterThan(3);
    assertThat(analysis.findings())
        .filteredOn(f -> f.id().equals("ANALYSIS_BUDGET"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.hidesCode()).isTrue();
              assertThat(f.message()).contains("budget of 3 evaluation steps in Handler");
            });
    assertThat(analysis.calls()).extracting(SdkCall::operation).containsExactly("SendMessage");
  }

  @Test
  void budget_whenNotSpent_leavesNoFinding() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("app.Handler::handleRequest")
            .file(
                "app/Handler.java",
                """
                package app;

                import software.amazon.awssdk.services.sqs.SqsClient;

                public class Handler {
                  private final SqsClient sqs = SqsClient.create();

                  public void handleRequest(String body) {
                    // SDK: sqs.SendMessage QueueUrl=https://sqs.eu-west-1.amazonaws.com/111122223333/jobs
                    sqs.sendMessage(r -> r.queueUrl("https://sqs.eu-west-1.amazonaws.com/111122223333/jobs").messageBody(body));
                  }
                }
                """)
            .check();
    assertThat(analysis.findings()).isEmpty();
  }
}
