package dev.minrole.analyzer.java;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Locals take the values of the assignments that reach each read, each assignment evaluated once:
 * chains of reassignments, branches and loops stay linear and precise.
 */
class LocalValuesTest {

  @Test
  void read_whenReassignedInAChain_takesEachAssignmentOnce() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("app.Handler::handleRequest")
            .file(
                "app/Handler.java",
                """
                package app;

                import java.util.Map;
                import software.amazon.awssdk.core.sync.RequestBody;
                import software.amazon.awssdk.services.s3.S3Client;
                import software.amazon.awssdk.services.s3.model.PutObjectRequest;

                public class Handler {
                  private final S3Client s3 = S3Client.create();

                  public void handleRequest(Map<String, String> event) {
                    String key = "exports/";
                    key = key + event.get("tenant") + "/";
                    key = key + event.get("year") + "/";
                    key = key + event.get("month") + "/";
                    key = key + event.get("day") + "/";
                    key = key + event.get("id");
                    key = key + ".json";
                    // SDK: s3.PutObject Bucket=acme-exports Key=exports/*/*/*/*/*.json
                    s3.putObject(PutObjectRequest.builder().bucket("acme-exports").key(key).build(), RequestBody.empty());
                  }
                }
                """)
            .check();
    assertThat(analysis.work()).isLessThan(200);
  }

  @Test
  void read_afterAReassignment_seesOnlyTheLastValue() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import software.amazon.awssdk.services.sqs.SqsClient;
            import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

            public class Handler {
              private final SqsClient sqs = SqsClient.create();

              public void handleRequest(String body) {
                String queue = "https://sqs.eu-west-1.amazonaws.com/111122223333/drafts";
                queue = "https://sqs.eu-west-1.amazonaws.com/111122223333/orders";
                // SDK: sqs.SendMessage QueueUrl=https://sqs.eu-west-1.amazonaws.com/111122223333/orders
                sqs.sendMessage(SendMessageRequest.builder().queueUrl(queue).messageBody(body).build());
              }
            }
            """)
        .check();
  }

  @Test
  void read_afterBranches_takesEveryBranch() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("app.Handler::handleRequest")
            .file(
                "app/Handler.java",
                """
                package app;

                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

                public class Handler {
                  private final DynamoDbClient ddb = DynamoDbClient.create();

                  public void handleRequest(boolean eu, boolean prod, boolean v2) {
                    String table = "orders";
                    if (eu) table = table + "-eu"; else table = table + "-us";
                    if (prod) table = table + "-prod"; else table = table + "-dev";
                    if (v2) {
                      table = table + "-v2";
                    }
                    String chosen = table;
                    // SDK: dynamodb.DeleteItem TableName=orders-eu-prod
                    // SDK: dynamodb.DeleteItem TableName=orders-eu-dev
                    // SDK: dynamodb.DeleteItem TableName=orders-us-prod
                    // SDK: dynamodb.DeleteItem TableName=orders-us-dev
                    // SDK: dynamodb.DeleteItem TableName=orders-eu-prod-v2
                    // SDK: dynamodb.DeleteItem TableName=orders-eu-dev-v2
                    // SDK: dynamodb.DeleteItem TableName=orders-us-prod-v2
                    // SDK: dynamodb.DeleteItem TableName=orders-us-dev-v2
                    ddb.deleteItem(r -> r.tableName(chosen));
                  }
                }
                """)
            .check();
    assertThat(analysis.work()).isLessThan(300);
  }

  @Test
  void read_whenAppendedToInALoop_keepsTheStartAndWidensTheRest() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import java.util.List;
            import software.amazon.awssdk.core.sync.RequestBody;
            import software.amazon.awssdk.services.s3.S3Client;

            public class Handler {
              private final S3Client s3 = S3Client.create();

              public void handleRequest(List<String> parts) {
                String key = "exports/";
                for (String part : parts) {
                  key += part + "/";
                }
                String done = key;
                // SDK: s3.PutObject Bucket=acme Key=exports/
                // once through the loop, and more than once:
                // SDK: s3.PutObject Bucket=acme Key=exports/*/
                // SDK: s3.PutObject Bucket=acme Key=exports/*/
                s3.putObject(r -> r.bucket("acme").key(done), RequestBody.empty());
              }
            }
            """)
        .check();
  }

  @Test
  void read_afterABreakOutOfALoop_keepsTheValueAtTheBreak() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import java.util.Iterator;
            import software.amazon.awssdk.services.sns.SnsClient;

            public class Handler {
              private final SnsClient sns = SnsClient.create();

              public void handleRequest(Iterator<String> events) {
                String topic = "arn:aws:sns:eu-west-1:111122223333:idle";
                while (events.hasNext()) {
                  topic = "arn:aws:sns:eu-west-1:111122223333:alerts";
                  if (events.next().isEmpty()) {
                    break;
                  }
                  topic = "arn:aws:sns:eu-west-1:111122223333:audit";
                }
                String chosen = topic;
                // SDK: sns.Publish TopicArn=arn:aws:sns:eu-west-1:111122223333:idle
                // SDK: sns.Publish TopicArn=arn:aws:sns:eu-west-1:111122223333:alerts
                // SDK: sns.Publish TopicArn=arn:aws:sns:eu-west-1:111122223333:audit
                sns.publish(r -> r.topicArn(chosen).message("x"));
              }
            }
            """)
        .check();
  }

  @Test
  void read_afterATryThatMayFail_keepsTheValueFromBeforeIt() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import software.amazon.awssdk.services.sqs.SqsClient;

            public class Handler {
              private final SqsClient sqs = SqsClient.create();

              public void handleRequest(String body) {
                String url = "https://sqs.eu-west-1.amazonaws.com/111122223333/fallback";
                try {
                  Integer.parseInt(body);
                  url = "https://sqs.eu-west-1.amazonaws.com/111122223333/numbers";
                } catch (NumberFormatException e) {
                  body = "not a number";
                }
                String target = url;
                // SDK: sqs.SendMessage QueueUrl=https://sqs.eu-west-1.amazonaws.com/111122223333/fallback
                // SDK: sqs.SendMessage QueueUrl=https://sqs.eu-west-1.amazonaws.com/111122223333/numbers
                sqs.sendMessage(r -> r.queueUrl(target).messageBody("x"));
              }
            }
            """)
        .check();
  }
}
