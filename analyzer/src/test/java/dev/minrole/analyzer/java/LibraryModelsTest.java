package dev.minrole.analyzer.java;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LibraryModelsTest {

  @Test
  void powertoolsIdempotency_storeTableGetsTheRecordOperations() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import software.amazon.lambda.powertools.idempotency.Idempotency;
            import software.amazon.lambda.powertools.idempotency.IdempotencyConfig;
            import software.amazon.lambda.powertools.idempotency.Idempotent;
            import software.amazon.lambda.powertools.idempotency.persistence.dynamodb.DynamoDBPersistenceStore;

            public class Handler {
              public Handler() {
                Idempotency.config()
                    .withConfig(IdempotencyConfig.builder().withEventKeyJMESPath("id").build())
                    .withPersistenceStore(
                        // SDK: dynamodb.GetItem TableName=$IDEMPOTENCY_TABLE
                        // SDK: dynamodb.PutItem TableName=$IDEMPOTENCY_TABLE
                        // SDK: dynamodb.UpdateItem TableName=$IDEMPOTENCY_TABLE
                        // SDK: dynamodb.DeleteItem TableName=$IDEMPOTENCY_TABLE
                        DynamoDBPersistenceStore.builder().withTableName(System.getenv("IDEMPOTENCY_TABLE")).build())
                    .configure();
              }

              @Idempotent
              public String handleRequest(String payment) {
                return payment;
              }
            }
            """)
        .check();
  }

  @Test
  void powertoolsParameters_providersAndInjectedFields() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import software.amazon.lambda.powertools.parameters.DynamoDbProvider;
            import software.amazon.lambda.powertools.parameters.Param;
            import software.amazon.lambda.powertools.parameters.ParamManager;
            import software.amazon.lambda.powertools.parameters.SSMProvider;
            import software.amazon.lambda.powertools.parameters.SecretsProvider;

            public class Handler {
              private final SSMProvider ssm = ParamManager.getSsmProvider();
              private final DynamoDbProvider flags = ParamManager.getDynamoDbProvider("feature-flags");

              // SDK: secretsmanager.GetSecretValue SecretId=prod/stripe
              @Param(key = "prod/stripe", provider = SecretsProvider.class)
              private String stripeKey;

              public String handleRequest(String input) {
                // SDK: ssm.GetParameter Name=/orders/endpoint
                String endpoint = ssm.withDecryption().get("/orders/endpoint");
                // SDK: ssm.GetParametersByPath Path=/orders/limits
                ssm.getMultiple("/orders/limits");
                // SDK: dynamodb.GetItem TableName=feature-flags
                return endpoint + flags.get("checkout-v2") + stripeKey;
              }
            }
            """)
        .check();
  }

  @Test
  void powertoolsLargeMessages_readFromABucketOnlyTheMessageNames() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("app.Handler::handleRequest")
            .file(
                "app/Handler.java",
                """
                package app;

                import com.amazonaws.services.lambda.runtime.events.SQSEvent;
                import software.amazon.lambda.powertools.largemessages.LargeMessage;

                public class Handler {
                  public void handleRequest(SQSEvent event) {
                    event.getRecords().forEach(this::process);
                  }

                  // SDK: s3.GetObject Bucket=? Key=?
                  // SDK: s3.DeleteObject Bucket=? Key=?
                  @LargeMessage
                  private void process(SQSEvent.SQSMessage message) {
                    System.out.println(message.getBody());
                  }
                }
                """)
            .check();
    assertThat(analysis.findings()).isEmpty();
  }

  @Test
  void springCloudAws_templates() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/OrderItem.java",
            """
            package app;

            public class OrderItem {
              public String id;
            }
            """)
        .file(
            "app/Handler.java",
            """
            package app;

            import io.awspring.cloud.dynamodb.DynamoDbTemplate;
            import io.awspring.cloud.s3.S3Template;
            import io.awspring.cloud.sns.core.SnsTemplate;
            import io.awspring.cloud.sqs.operations.SqsTemplate;
            import java.io.ByteArrayInputStream;

            public class Handler {
              private final SqsTemplate sqs;
              private final SnsTemplate sns;
              private final S3Template s3;
              private final DynamoDbTemplate dynamo;

              public Handler(SqsTemplate sqs, SnsTemplate sns, S3Template s3, DynamoDbTemplate dynamo) {
                this.sqs = sqs;
                this.sns = sns;
                this.s3 = s3;
                this.dynamo = dynamo;
              }

              public Handler() {
                this(null, null, null, null);
              }

              public void handleRequest(OrderItem item) {
                // SDK: sqs.GetQueueUrl QueueName=order-events
                // SDK: sqs.SendMessage QueueUrl=order-events
                sqs.send(to -> to.queue("order-events").payload(item));
                // SDK: sqs.SendMessage QueueUrl=https://sqs.us-east-1.amazonaws.com/111122223333/audit
                sqs.send("https://sqs.us-east-1.amazonaws.com/111122223333/audit", item);
                // SDK: sns.CreateTopic Name=order-created
                // SDK: sns.Publish TopicArn=order-created
                sns.sendNotification("order-created", item, "new order");
                // SDK: s3.PutObject Bucket=order-archive Key=items/*.json
                // SDK: s3.CreateMultipartUpload Bucket=order-archive Key=items/*.json
                // SDK: s3.UploadPart Bucket=order-archive Key=items/*.json
                // SDK: s3.CompleteMultipartUpload Bucket=order-archive Key=items/*.json
                // SDK: s3.AbortMultipartUpload Bucket=order-archive Key=items/*.json
                s3.upload("order-archive", "items/" + item.id + ".json", new ByteArrayInputStream(new byte[0]));
                // SDK: dynamodb.PutItem TableName=order_item
                dynamo.save(item);
                // SDK: dynamodb.GetItem TableName=order_item
                dynamo.load(null, OrderItem.class);
              }
            }
            """)
        .check();
  }

  @Test
  void lambdaEventClasses_needNoPermissions() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("app.Handler::handleRequest")
            .file(
                "app/Handler.java",
                """
                package app;

                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                import com.amazonaws.services.lambda.runtime.events.*;
                import software.amazon.awssdk.services.s3.S3Client;

                public class Handler implements RequestHandler<S3Event, String> {
                  public String handleRequest(S3Event event, Context context) {
                    context.getLogger().log("records: " + event.getRecords().size());
                    return event.getRecords().get(0).getS3().getObject().getKey();
                  }
                }
                """)
            .check();
    assertThat(analysis.calls()).isEmpty();
    assertThat(analysis.findings()).isEmpty();
  }

  @Test
  void lambdaEventRecordsInALoop_needNoPermissions_whetherTheVariableIsTypedOrVar() {
    // S3EventNotification.S3EventNotificationRecord is a nested class of the events package, and a
    // var loop variable holds what event.getRecords() holds: neither getObject() is S3Client's.
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("app.Handler::handleRequest")
            .file(
                "app/Handler.java",
                """
                package app;

                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                import com.amazonaws.services.lambda.runtime.events.S3Event;
                import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
                import software.amazon.awssdk.services.s3.S3Client;

                public class Handler implements RequestHandler<S3Event, String> {
                  public String handleRequest(S3Event event, Context context) {
                    StringBuilder keys = new StringBuilder();
                    for (S3EventNotification.S3EventNotificationRecord rec : event.getRecords()) {
                      keys.append(rec.getS3().getObject().getKey());
                    }
                    for (var rec : event.getRecords()) {
                      keys.append(rec.getS3().getObject().getKey());
                    }
                    return keys.toString();
                  }
                }
                """)
            .check();
    assertThat(analysis.calls()).isEmpty();
    assertThat(analysis.findings()).isEmpty();
  }
}
