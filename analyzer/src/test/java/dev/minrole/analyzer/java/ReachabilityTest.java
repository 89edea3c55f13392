package dev.minrole.analyzer.java;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReachabilityTest {

  @Test
  void inheritedHandler_inAbstractBase_isFollowedIntoTheSubclassHook() {
    AnalyzerHarness.handler("app.ResizeHandler")
        .file(
            "app/BaseHandler.java",
            """
            package app;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;

            public abstract class BaseHandler<I> implements RequestHandler<I, String> {
              @Override
              public String handleRequest(I input, Context context) {
                process(input);
                return "done";
              }

              protected abstract void process(I input);
            }
            """)
        .file(
            "app/ResizeHandler.java",
            """
            package app;

            import software.amazon.awssdk.services.s3.S3Client;

            public class ResizeHandler extends BaseHandler<String> {
              private final S3Client s3 = S3Client.create();

              @Override
              protected void process(String key) {
                // SDK: s3.GetObject Bucket=images Key=?
                s3.getObject(r -> r.bucket("images").key(key));
              }
            }
            """)
        .check();
  }

  @Test
  void interfaceDispatch_onlyReachesImplementationsTheFunctionCreates() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Store.java",
            """
            package app;

            interface Store {
              void save(String id);
            }
            """)
        .file(
            "app/DynamoStore.java",
            """
            package app;

            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

            class DynamoStore implements Store {
              private final DynamoDbClient dynamo = DynamoDbClient.create();

              public void save(String id) {
                // SDK: dynamodb.PutItem TableName=orders
                dynamo.putItem(r -> r.tableName("orders"));
              }
            }
            """)
        .file(
            "app/S3Store.java",
            """
            package app;

            import software.amazon.awssdk.core.sync.RequestBody;
            import software.amazon.awssdk.services.s3.S3Client;

            class S3Store implements Store {
              private final S3Client s3 = S3Client.create();

              public void save(String id) {
                s3.putObject(r -> r.bucket("orders").key(id), RequestBody.empty());
              }
            }
            """)
        .file(
            "app/Handler.java",
            """
            package app;

            public class Handler {
              private final Store store = new DynamoStore();

              public void handleRequest(String id) {
                store.save(id);
              }
            }
            """)
        .check();
  }

  @Test
  void interfaceDispatch_withoutVisibleCreation_takesAllImplementationsAndSaysSo() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Notifier.java",
            """
            package app;

            public interface Notifier {
              void notify(String message);
            }
            """)
        .file(
            "app/SnsNotifier.java",
            """
            package app;

            import software.amazon.awssdk.services.sns.SnsClient;

            public class SnsNotifier implements Notifier {
              public void notify(String message) {
                // SDK: sns.Publish TopicArn=arn:aws:sns:eu-west-1:111122223333:alerts
                SnsClient.create().publish(r -> r.topicArn("arn:aws:sns:eu-west-1:111122223333:alerts").message(message));
              }
            }
            """)
        .file(
            "app/SqsNotifier.java",
            """
            package app;

            import software.amazon.awssdk.services.sqs.SqsClient;

            public class SqsNotifier implements Notifier {
              public void notify(String message) {
                // SDK: sqs.SendMessage QueueUrl=https://sqs.eu-west-1.amazonaws.com/111122223333/alerts
                SqsClient.create().sendMessage(r -> r.queueUrl("https://sqs.eu-west-1.amazonaws.com/111122223333/alerts").messageBody(message));
              }
            }
            """)
        .file(
            "app/Handler.java",
            """
            package app;

            public class Handler {
              private final Notifier notifier;

              public Handler(Notifier notifier) {
                this.notifier = notifier;
              }

              public void handleRequest(String message) {
                // FINDING: AMBIGUOUS_TARGET
                notifier.notify(message);
              }
            }
            """)
        .check();
  }

  @Test
  void anonymousLocalAndInnerClasses_lambdasAndMethodReferences_areFollowed() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import java.util.List;
            import java.util.concurrent.CompletableFuture;
            import java.util.function.Consumer;
            import software.amazon.awssdk.services.sqs.SqsClient;
            import software.amazon.awssdk.services.sns.SnsClient;
            import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
            import software.amazon.awssdk.services.ssm.SsmClient;
            import software.amazon.awssdk.services.lambda.LambdaClient;

            public class Handler {
              private static final String Q = "https://sqs.us-east-1.amazonaws.com/111122223333/work";
              private final SqsClient sqs = SqsClient.create();

              class Sender {
                void send(String body) {
                  // SDK: sqs.SendMessage QueueUrl=https://sqs.us-east-1.amazonaws.com/111122223333/work
                  sqs.sendMessage(r -> r.queueUrl(Q).messageBody(body));
                }
              }

              public void handleRequest(List<String> bodies) {
                Sender sender = new Sender();
                bodies.stream().filter(b -> !b.isEmpty()).forEach(sender::send);

                Runnable audit = new Runnable() {
                  @Override
                  public void run() {
                    // SDK: sns.Publish TopicArn=arn:aws:sns:us-east-1:111122223333:audit
                    SnsClient.create().publish(r -> r.topicArn("arn:aws:sns:us-east-1:111122223333:audit").message("x"));
                  }
                };
                audit.run();

                class Local {
                  String secret() {
                    // SDK: secretsmanager.GetSecretValue SecretId=prod/db
                    return SecretsManagerClient.create().getSecretValue(r -> r.secretId("prod/db")).secretString();
                  }
                }
                new Local().secret();

                CompletableFuture.supplyAsync(this::parameter)
                    .thenAccept(value -> invoke(value))
                    .join();
              }

              private String parameter() {
                // SDK: ssm.GetParameter Name=/app/target
                return SsmClient.create().getParameter(r -> r.name("/app/target")).parameter().value();
              }

              private void invoke(String function) {
                // SDK: lambda.Invoke FunctionName=?
                LambdaClient.create().invoke(r -> r.functionName(function));
              }
            }
            """)
        .check();
  }

  @Test
  void staticInitializersAndFieldInitializers_runAtInit() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Config.java",
            """
            package app;

            import software.amazon.awssdk.services.ssm.SsmClient;

            final class Config {
              static final String ENDPOINT;

              static {
                // SDK: ssm.GetParameter Name=/app/endpoint
                ENDPOINT = SsmClient.create().getParameter(r -> r.name("/app/endpoint")).parameter().value();
              }

              private Config() {}
            }
            """)
        .file(
            "app/Handler.java",
            """
            package app;

            import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

            public class Handler {
              // SDK: secretsmanager.GetSecretValue SecretId=api-key
              private final String apiKey = SecretsManagerClient.create().getSecretValue(r -> r.secretId("api-key")).secretString();

              public String handleRequest(String in) {
                return Config.ENDPOINT + apiKey;
              }
            }
            """)
        .check();
  }

  @Test
  void unreachableCode_isNotInThePolicy() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("app.Handler::handleRequest")
            .file(
                "app/Handler.java",
                """
                package app;

                import software.amazon.awssdk.services.s3.S3Client;

                public class Handler {
                  private final S3Client s3 = S3Client.create();

                  public void handleRequest(String id) {
                    if (id == null) {
                      return;
                    }
                  }

                  public void purge() {
                    s3.deleteBucket(r -> r.bucket("prod-data"));
                  }

                  static void migrate() {
                    S3Client.create().listBuckets();
                  }
                }
                """)
            .check();
    assertThat(analysis.calls()).isEmpty();
  }

  @Test
  void noHandler_analyzesEveryPublicMethod_andSaysSo() {
    FunctionAnalysis analysis =
        AnalyzerHarness.noHandler()
            .file(
                "app/Tools.java",
                """
                package app;

                import software.amazon.awssdk.services.s3.S3Client;

                public class Tools {
                  public void purge() {
                    // SDK: s3.DeleteBucket Bucket=prod-data
                    S3Client.create().deleteBucket(r -> r.bucket("prod-data"));
                  }

                  private void hidden() {
                    S3Client.create().listBuckets();
                  }
                }
                """)
            .check();
    assertThat(analysis.findings()).extracting(f -> f.id()).contains("NO_HANDLER");
  }

  @Test
  void java21Syntax_recordsSealedTypesSwitchPatternsTextBlocksAndVar() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Command.java",
            """
            package app;

            public sealed interface Command permits Command.Archive, Command.Notify {
              record Archive(String key) implements Command {}
              record Notify(String text) implements Command {}
            }
            """)
        .file(
            "app/Handler.java",
            """
            package app;

            import software.amazon.awssdk.services.s3.S3Client;
            import software.amazon.awssdk.services.sns.SnsClient;

            public class Handler {
              private static final String TOPIC = \"""
                  arn:aws:sns:eu-west-1:111122223333:events\""".strip();

              public void handleRequest(Command command) {
                var s3 = S3Client.create();
                switch (command) {
                  case Command.Archive(String key) ->
                      // SDK: s3.CopyObject DestinationBucket=archive
                      s3.copyObject(r -> r.sourceBucket("live").sourceKey(key).destinationBucket("archive").destinationKey(key));
                  case Command.Notify n ->
                      // SDK: sns.Publish TopicArn=arn:aws:sns:eu-west-1:111122223333:events
                      SnsClient.create().publish(r -> r.topicArn(TOPIC).message(n.text()));
                }
                if (command instanceof Command.Archive archive && archive.key().endsWith(".tmp")) {
                  // SDK: s3.DeleteObject Bucket=live Key=?
                  s3.deleteObject(r -> r.bucket("live").key(archive.key()));
                }
              }
            }
            """)
        .check();
  }

  @Test
  void narrowing_patternsAndCastsDispatchOnlyToObjectsTheFunctionCreates() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Store.java",
            """
            package app;

            public interface Store {
              void add(String id);
            }
            """)
        .file(
            "app/TableStore.java",
            """
            package app;

            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

            public class TableStore implements Store {
              public void add(String id) {
                // SDK: dynamodb.PutItem TableName=live
                DynamoDbClient.create().putItem(r -> r.tableName("live"));
              }

              public void compact() {
                // SDK: dynamodb.DescribeTable TableName=live
                DynamoDbClient.create().describeTable(r -> r.tableName("live"));
              }
            }
            """)
        .file(
            "app/LegacyStore.java",
            """
            package app;

            import software.amazon.awssdk.services.s3.S3Client;

            public class LegacyStore implements Store {
              public void add(String id) {
                S3Client.create().deleteObject(r -> r.bucket("legacy-add").key(id));
              }

              public void migrate(String id) {
                S3Client.create().deleteObject(r -> r.bucket("legacy-migrate").key(id));
              }

              public void drain() {
                S3Client.create().deleteBucket(r -> r.bucket("legacy-drain"));
              }

              public void purge() {
                S3Client.create().deleteBucket(r -> r.bucket("legacy-purge"));
              }
            }
            """)
        .file(
            "app/Handler.java",
            """
            package app;

            public class Handler {
              private final Store store = new TableStore();

              public void handleRequest(String id) {
                if (store instanceof LegacyStore legacy) {
                  legacy.migrate(id);
                }
                if (id.isEmpty()) {
                  ((LegacyStore) store).drain();
                }
                switch (store) {
                  case LegacyStore l -> l.purge();
                  case TableStore t -> t.compact();
                  default -> store.add(id);
                }
              }
            }
            """)
        .check();
  }
}
