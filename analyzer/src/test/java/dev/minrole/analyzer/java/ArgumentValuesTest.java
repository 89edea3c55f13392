package dev.minrole.analyzer.java;

import org.junit.jupiter.api.Test;

class ArgumentValuesTest {

  @Test
  void values_throughParametersConstructorsFieldsAndReturns_keepTheirCallSites() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Storage.java",
            """
            package app;

            import software.amazon.awssdk.services.s3.S3Client;
            import software.amazon.awssdk.services.s3.model.GetObjectRequest;

            class Storage {
              private final S3Client s3;

              Storage(S3Client s3) {
                this.s3 = s3;
              }

              byte[] read(String bucket, String key) {
                // SDK: s3.GetObject Bucket=invoices Key=2024/*
                // SDK: s3.GetObject Bucket=receipts Key=latest/*
                return s3.getObject(request(bucket, key)).readAllBytes();
              }

              private static GetObjectRequest request(String bucket, String key) {
                return GetObjectRequest.builder().bucket(bucket).key(key).build();
              }
            }
            """)
        .file(
            "app/Handler.java",
            """
            package app;

            import software.amazon.awssdk.services.s3.S3Client;

            public class Handler {
              private final Storage storage = new Storage(clients());

              private static S3Client clients() {
                return S3Client.builder().build();
              }

              public void handleRequest(String id) {
                storage.read("invoices", "2024/" + id);
                storage.read("receipts", "latest/" + id);
              }
            }
            """)
        .check();
  }

  @Test
  void strings_fromFormatBuilderPropertiesAndDefaults() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import java.util.Optional;
            import software.amazon.awssdk.services.sqs.SqsClient;
            import software.amazon.awssdk.services.sns.SnsClient;
            import software.amazon.awssdk.services.ssm.SsmClient;
            import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

            public class Handler {
              private static final String ACCOUNT = "111122223333";
              private final String stage = Optional.ofNullable(System.getenv("STAGE")).orElse("dev");
              private final SqsClient sqs = SqsClient.create();

              public void handleRequest(String id) {
                String url = String.format("https://sqs.%s.amazonaws.com/%s/%s-jobs", "eu-west-1", ACCOUNT, stage);
                // SDK: sqs.SendMessage QueueUrl=https://sqs.eu-west-1.amazonaws.com/111122223333/$STAGE-jobs
                sqs.sendMessage(r -> r.queueUrl(url).messageBody(id));
                StringBuilder topic = new StringBuilder("arn:aws:sns:eu-west-1:").append(ACCOUNT).append(':');
                topic.append("alerts");
                // SDK: sns.Publish TopicArn=arn:aws:sns:eu-west-1:111122223333:alerts
                SnsClient.create().publish(r -> r.topicArn(topic.toString()).message(id));
                // SDK: ssm.GetParameter Name=%app.parameter
                SsmClient.create().getParameter(r -> r.name(System.getProperty("app.parameter")));
                // SDK: secretsmanager.GetSecretValue SecretId=$DB_SECRET
                SecretsManagerClient.create().getSecretValue(r -> r.secretId(System.getenv().getOrDefault("DB_SECRET", "db")));
              }
            }
            """)
        .check();
  }

  @Test
  void clients_fromStaticFieldsParametersVarsAndFactories_asyncCountsLikeSync() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Clients.java",
            """
            package app;

            import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
            import software.amazon.awssdk.services.kinesis.KinesisClient;

            final class Clients {
              static final DynamoDbAsyncClient DYNAMO = DynamoDbAsyncClient.create();

              static KinesisClient kinesis() {
                return KinesisClient.builder().build();
              }

              private Clients() {}
            }
            """)
        .file(
            "app/Handler.java",
            """
            package app;

            import software.amazon.awssdk.core.SdkBytes;
            import software.amazon.awssdk.services.firehose.FirehoseClient;
            import software.amazon.awssdk.services.kinesis.KinesisClient;

            public class Handler {
              public void handleRequest(String record) {
                // SDK: dynamodb.UpdateItem TableName=counters
                Clients.DYNAMO.updateItem(r -> r.tableName("counters")).join();
                var kinesis = Clients.kinesis();
                send(kinesis, record);
                deliver(FirehoseClient.create(), record);
              }

              private void send(KinesisClient client, String record) {
                // SDK: kinesis.PutRecord StreamName=clicks
                client.putRecord(r -> r.streamName("clicks").partitionKey("p").data(SdkBytes.fromUtf8String(record)));
              }

              private static void deliver(FirehoseClient firehose, String record) {
                // SDK: firehose.PutRecord DeliveryStreamName=clicks-archive
                firehose.putRecord(r -> r.deliveryStreamName("clicks-archive"));
              }
            }
            """)
        .check();
  }

  @Test
  void paginatorsAndWaiters_performTheirOperations() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.services.s3.S3Client;

            public class Handler {
              public void handleRequest(String key) {
                DynamoDbClient dynamo = DynamoDbClient.create();
                // SDK: dynamodb.Scan TableName=events
                dynamo.scanPaginator(r -> r.tableName("events")).items().forEach(System.out::println);
                S3Client s3 = S3Client.create();
                // SDK: s3.HeadObject Bucket=uploads Key=? waiter=ObjectExists
                s3.waiter().waitUntilObjectExists(r -> r.bucket("uploads").key(key));
              }
            }
            """)
        .check();
  }

  @Test
  void nestedStructuresListsAndMaps_becomeMemberPaths() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import java.util.ArrayList;
            import java.util.List;
            import java.util.Map;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.services.dynamodb.model.Put;
            import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
            import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
            import software.amazon.awssdk.services.rekognition.RekognitionClient;

            public class Handler {
              private final DynamoDbClient dynamo = DynamoDbClient.create();

              public void handleRequest(String key) {
                // SDK: rekognition.DetectLabels Image.S3Object.Bucket=photos Image.S3Object.Name=?
                RekognitionClient.create().detectLabels(r -> r.image(i -> i.s3Object(o -> o.bucket("photos").name(key))));
                List<TransactWriteItem> items = new ArrayList<>();
                items.add(TransactWriteItem.builder().put(Put.builder().tableName("orders").build()).build());
                items.add(TransactWriteItem.builder().update(u -> u.tableName("stock")).build());
                // SDK: dynamodb.TransactWriteItems TransactItems[0].Put.TableName=orders TransactItems[1].Update.TableName=stock
                dynamo.transactWriteItems(r -> r.transactItems(items));
                // SDK: dynamodb.BatchWriteItem RequestItems[0].key=audit
                dynamo.batchWriteItem(r -> r.requestItems(Map.of("audit", List.of(WriteRequest.builder().build()))));
              }
            }
            """)
        .check();
  }

  @Test
  void records_staticConstantsAreNotComponents() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Order.java",
            """
            package app;

            public record Order(String id, String bucket) {
              public static final String ARCHIVE = "archive";
            }
            """)
        .file(
            "app/Handler.java",
            """
            package app;

            import software.amazon.awssdk.services.s3.S3Client;

            public class Handler {
              private final S3Client s3 = S3Client.create();

              public void handleRequest(String id) {
                Order order = new Order(id, "orders");
                // SDK: s3.DeleteObject Bucket=archive Key=?
                s3.deleteObject(r -> r.bucket(Order.ARCHIVE).key(order.id()));
                // SDK: s3.DeleteObject Bucket=orders Key=?
                s3.deleteObject(r -> r.bucket(order.bucket()).key(order.id()));
              }
            }
            """)
        .check();
  }

  @Test
  void lambdaAndLoopVariables_receiveTheOptionalsValueAndTheCollectionsElements() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import java.util.List;
            import java.util.Map;
            import java.util.Optional;
            import software.amazon.awssdk.services.sqs.SqsClient;

            record Settings(Optional<String> auditQueue, List<String> fanOut) {
              static Settings fromEnvironment() {
                return new Settings(
                    Optional.ofNullable(System.getenv("AUDIT_QUEUE")), List.of("https://q/a", "https://q/b"));
              }
            }

            public class Handler {
              private final Settings settings = Settings.fromEnvironment();
              private final SqsClient sqs = SqsClient.create();

              public void handleRequest(String body) {
                // SDK: sqs.SendMessage QueueUrl=$AUDIT_QUEUE
                settings.auditQueue().ifPresent(url -> sqs.sendMessage(r -> r.queueUrl(url).messageBody(body)));
                for (String url : settings.fanOut()) {
                  // SDK: sqs.SendMessage QueueUrl=https://q/a
                  // SDK: sqs.SendMessage QueueUrl=https://q/b
                  sqs.sendMessage(r -> r.queueUrl(url).messageBody(body));
                }
                settings.fanOut().stream()
                    .filter(url -> !url.isEmpty())
                    // SDK: sqs.DeleteQueue QueueUrl=https://q/a
                    // SDK: sqs.DeleteQueue QueueUrl=https://q/b
                    .forEach(url -> sqs.deleteQueue(r -> r.queueUrl(Map.of("k", url).get("k"))));
              }
            }
            """)
        .check();
  }

  @Test
  void listMember_setWithOneElement_isAOneElementList() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
            import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

            public class Handler {
              private final EventBridgeClient events = EventBridgeClient.create();

              public void handleRequest(String id) {
                PutEventsRequestEntry entry =
                    PutEventsRequestEntry.builder().eventBusName("orders").source("shop").build();
                // SDK: events.PutEvents Entries[0].EventBusName=orders Entries[0].Source=shop
                events.putEvents(r -> r.entries(entry));
              }
            }
            """)
        .check();
  }

  @Test
  void queueUrl_fromGetQueueUrl_isTheQueueNameTheRequestLooksUp() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import software.amazon.awssdk.services.sqs.SqsAsyncClient;
            import software.amazon.awssdk.services.sqs.SqsClient;
            import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
            import software.amazon.awssdk.services.sqs.model.GetQueueUrlResponse;

            public class Handler {
              private final SqsClient sqs = SqsClient.create();
              private final SqsAsyncClient async = SqsAsyncClient.create();

              public void handleRequest(String body) throws Exception {
                // SDK: sqs.GetQueueUrl QueueName=audit
                String audit = sqs.getQueueUrl(r -> r.queueName("audit")).queueUrl();
                // SDK: sqs.SendMessage QueueUrl=audit
                sqs.sendMessage(m -> m.queueUrl(audit).messageBody(body));

                GetQueueUrlRequest request = GetQueueUrlRequest.builder().queueName(System.getenv("JOBS")).build();
                // SDK: sqs.GetQueueUrl QueueName=$JOBS
                GetQueueUrlResponse jobs = sqs.getQueueUrl(request);
                // SDK: sqs.SendMessage QueueUrl=$JOBS
                sqs.sendMessage(m -> m.queueUrl(jobs.queueUrl()).messageBody(body));

                // SDK: sqs.GetQueueUrl QueueName=events
                String events = async.getQueueUrl(r -> r.queueName("events")).join().queueUrl();
                // SDK: sqs.SendMessage QueueUrl=events
                async.sendMessage(m -> m.queueUrl(events).messageBody(body));
                // SDK: sqs.GetQueueUrl QueueName=metrics
                var metrics = async.getQueueUrl(GetQueueUrlRequest.builder().queueName("metrics").build()).get();
                // SDK: sqs.SendMessage QueueUrl=metrics
                async.sendMessage(m -> m.queueUrl(metrics.queueUrl()).messageBody(body));

                String shared =
                    // SDK: sqs.GetQueueUrl QueueName=shared QueueOwnerAWSAccountId=222222222222
                    sqs.getQueueUrl(r -> r.queueName("shared").queueOwnerAWSAccountId("222222222222")).queueUrl();
                // SDK: sqs.SendMessage QueueUrl=?
                sqs.sendMessage(m -> m.queueUrl(shared).messageBody(body));
              }
            }
            """)
        .check();
  }
}
