package dev.minrole.analyzer.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.model.Finding;
import org.junit.jupiter.api.Test;

/**
 * An SDK client, credentials provider or request handed to code outside the sources (a dependency
 * jar) is a {@code CLIENT_ESCAPES} finding that hides code; handing it to the JDK, the SDK itself,
 * a modelled library or a logger is not.
 */
class ClientEscapesTest {

  @Test
  void clientHandedToALibrary_isReportedAndHidesCode() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("app.Handler::handleRequest")
            .file(
                "app/Handler.java",
                """
                package app;

                import com.acme.archive.Archiver;
                import com.acme.archive.ArchiveJob;
                import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
                import software.amazon.awssdk.services.s3.S3Client;
                import software.amazon.awssdk.services.s3.model.PutObjectRequest;

                public class Handler {
                  private final S3Client s3 = S3Client.create();
                  // FINDING: CLIENT_ESCAPES
                  private final Archiver archiver = new Archiver(s3);

                  public void handleRequest(String id) {
                    // FINDING: CLIENT_ESCAPES
                    archiver.archive(PutObjectRequest.builder().bucket("acme-archive").key(id).build());
                    // FINDING: CLIENT_ESCAPES
                    ArchiveJob.start(DefaultCredentialsProvider.create(), id);
                  }
                }
                """)
            .check();
    assertThat(analysis.findings())
        .filteredOn(f -> f.id().equals("CLIENT_ESCAPES"))
        .hasSize(3)
        .allMatch(Finding::hidesCode)
        .extracting(Finding::message)
        .anyMatch(m -> m.startsWith("the code hands an AWS SDK client (S3Client) to new Archiver"));
  }

  @Test
  void clientHandedToAnExternalBaseClass_isReported() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import com.acme.platform.SqsWorker;
            import software.amazon.awssdk.services.sqs.SqsClient;

            public class Handler extends SqsWorker {
              public Handler() {
                // FINDING: CLIENT_ESCAPES
                super(SqsClient.create());
              }

              public void handleRequest(String body) {
                System.out.println(body);
              }
            }
            """)
        .check();
  }

  @Test
  void clientHandedToTheJdkTheSdkOrALogger_isNotAHandOff() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("app.Handler::handleRequest")
            .file(
                "app/Handler.java",
                """
                package app;

                import java.util.List;
                import java.util.Objects;
                import org.slf4j.Logger;
                import org.slf4j.LoggerFactory;
                import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.sqs.SqsClient;
                import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

                public class Handler {
                  private static final Logger LOG = LoggerFactory.getLogger(Handler.class);
                  private final DynamoDbClient ddb = Objects.requireNonNull(DynamoDbClient.create());
                  private final DynamoDbEnhancedClient enhanced =
                      DynamoDbEnhancedClient.builder().dynamoDbClient(ddb).build();
                  private final List<SqsClient> queues = List.of(SqsClient.create());
                  private final Sender sender = new Sender(queues.get(0));

                  public void handleRequest(String body) {
                    SendMessageRequest request =
                        SendMessageRequest.builder()
                            .queueUrl("https://sqs.eu-west-1.amazonaws.com/111122223333/jobs")
                            .messageBody(body)
                            .build();
                    LOG.info("sending {}", request);
                    sender.send(request);
                  }
                }

                class Sender {
                  private final SqsClient sqs;

                  Sender(SqsClient sqs) {
                    this.sqs = sqs;
                  }

                  void send(SendMessageRequest request) {
                    // SDK: sqs.SendMessage QueueUrl=https://sqs.eu-west-1.amazonaws.com/111122223333/jobs
                    sqs.sendMessage(request);
                  }
                }
                """)
            .check();
    assertThat(analysis.findings()).isEmpty();
  }
}
