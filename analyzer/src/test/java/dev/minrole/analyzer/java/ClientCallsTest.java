package dev.minrole.analyzer.java;

import org.junit.jupiter.api.Test;

class ClientCallsTest {

  @Test
  void analyze_whenClientInFieldUsesRequestObjects_findsCallsWithLiterals() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.services.s3.S3Client;
            import software.amazon.awssdk.services.s3.model.GetObjectRequest;
            import software.amazon.awssdk.services.s3.model.PutObjectRequest;
            import software.amazon.awssdk.core.sync.RequestBody;

            public class Handler implements RequestHandler<String, String> {
              private static final String BUCKET = "media";
              private final S3Client s3 = S3Client.create();

              @Override
              public String handleRequest(String id, Context context) {
                GetObjectRequest get = GetObjectRequest.builder().bucket(BUCKET).key("in/" + id).build();
                // SDK: s3.GetObject Bucket=media Key=in/*
                s3.getObject(get);
                // SDK: s3.PutObject Bucket=media Key=out/*.json
                s3.putObject(PutObjectRequest.builder().bucket(BUCKET).key("out/" + id + ".json").build(),
                    RequestBody.fromString(id));
                return id;
              }
            }
            """)
        .check();
  }

  @Test
  void analyze_whenConsumerBuilderAndEnvVar_recordsEnvironmentVariable() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.regions.Region;

            public class Handler {
              private final DynamoDbClient dynamo =
                  DynamoDbClient.builder().region(Region.US_EAST_1).build();
              private final String table = System.getenv("TABLE_NAME");

              public void handleRequest(java.util.Map<String, String> event) {
                // SDK: dynamodb.GetItem TableName=$TABLE_NAME
                dynamo.getItem(r -> r.tableName(table).key(java.util.Map.of()));
              }
            }
            """)
        .check();
  }

  @Test
  void analyze_whenHelperClassHoldsClient_followsCallsAcrossClassesOnlyWhereReachable() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            public class Handler {
              private final OrderStore store = new OrderStore(System.getenv("TABLE"));

              public void handleRequest(String id) {
                store.save(id);
              }
            }
            """)
        .file(
            "app/OrderStore.java",
            """
            package app;

            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
            import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;

            class OrderStore {
              private final DynamoDbClient client;
              private final String table;

              OrderStore(String table) {
                this.client = DynamoDbClient.create();
                this.table = table;
              }

              void save(String id) {
                // SDK: dynamodb.PutItem TableName=$TABLE
                client.putItem(PutItemRequest.builder().tableName(table).build());
              }

              void delete(String id) {
                client.deleteItem(DeleteItemRequest.builder().tableName(table).build());
              }
            }
            """)
        .check();
  }

  @Test
  void analyze_whenConvenienceMethodNotNamedAfterOperation_mapsItsAliasToTheOperation() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import java.nio.file.Path;
            import software.amazon.awssdk.services.s3.S3Client;
            import software.amazon.awssdk.services.s3.model.GetObjectRequest;

            public class Handler {
              private final S3Client s3 = S3Client.create();

              public void handleRequest(String id) {
                // SDK: s3.GetObject Bucket=media Key=in/*
                s3.getObjectAsBytes(GetObjectRequest.builder().bucket("media").key("in/" + id).build());
                // SDK: s3.GetObject Bucket=media Key=thumbs/*
                s3.getObjectAsBytes(r -> r.bucket("media").key("thumbs/" + id));
                // SDK: s3.GetObject Bucket=media Key=raw/*
                s3.getObject(r -> r.bucket("media").key("raw/" + id), Path.of("/tmp/raw"));
              }
            }
            """)
        .check();
  }

  @Test
  void analyze_whenAsyncClientCallsEventStreamOperation_recognizesTheAsyncOnlyOperation() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
            import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
            import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
            import software.amazon.awssdk.services.lambda.LambdaAsyncClient;

            public class Handler {
              private final BedrockRuntimeAsyncClient bedrock = BedrockRuntimeAsyncClient.create();
              private final LambdaAsyncClient lambda = LambdaAsyncClient.create();

              public void handleRequest(String prompt, ConverseStreamResponseHandler handler) {
                // SDK: bedrock.ConverseStream modelId=anthropic.claude-3-haiku-20240307-v1:0
                bedrock.converseStream(
                    ConverseStreamRequest.builder().modelId("anthropic.claude-3-haiku-20240307-v1:0").build(),
                    handler);
                // SDK: lambda.InvokeWithResponseStream FunctionName=stream-worker
                lambda.invokeWithResponseStream(r -> r.functionName("stream-worker"), null);
              }
            }
            """)
        .check();
  }

  @Test
  void clients_reachedThroughGenericHolders_areTypedByWhatTheyHold() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import java.util.List;
            import java.util.Map;
            import java.util.Optional;
            import java.util.function.Function;
            import java.util.function.Supplier;
            import software.amazon.awssdk.core.sync.RequestBody;
            import software.amazon.awssdk.services.s3.S3Client;

            public class Handler {
              private final Supplier<S3Client> clients = S3Client::create;
              private final Function<String, S3Client> byRegion = r -> S3Client.create();
              private final Map<String, S3Client> byName = Map.of("main", S3Client.create());
              private final S3Client s3 = S3Client.create();

              public void handleRequest(String body) {
                // SDK: s3.PutObject Bucket=a-supplier Key=k
                clients.get().putObject(r -> r.bucket("a-supplier").key("k"), RequestBody.fromString(body));
                // SDK: s3.PutObject Bucket=a-function Key=k
                byRegion.apply("eu-west-1").putObject(r -> r.bucket("a-function").key("k"), RequestBody.fromString(body));
                // SDK: s3.PutObject Bucket=an-optional Key=k
                Optional.of(s3).get().putObject(r -> r.bucket("an-optional").key("k"), RequestBody.fromString(body));
                // SDK: s3.PutObject Bucket=a-list Key=k
                List.of(s3).get(0).putObject(r -> r.bucket("a-list").key("k"), RequestBody.fromString(body));
                // SDK: s3.PutObject Bucket=a-map Key=k
                byName.get("main").putObject(r -> r.bucket("a-map").key("k"), RequestBody.fromString(body));
              }
            }
            """)
        .check();
  }

  @Test
  void clients_heldByALibraryObjectInAJdkMap_areReportedNotDropped() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import com.acme.platform.ClientBundle;
            import java.util.Map;
            import software.amazon.awssdk.services.sqs.SqsClient;

            public class Handler {
              private final Map<String, ClientBundle> bundles = Map.of("jobs", ClientBundle.standard());

              public void handleRequest(String body) {
                // FINDING: UNRESOLVED_RECEIVER
                // SDK: sqs.SendMessage QueueUrl=https://sqs.eu-west-1.amazonaws.com/111122223333/jobs
                bundles.get("jobs").sqs().sendMessage(r -> r.queueUrl("https://sqs.eu-west-1.amazonaws.com/111122223333/jobs").messageBody(body));
              }
            }
            """)
        .check();
  }
}
