package dev.minrole.analyzer.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SdkCall;
import org.junit.jupiter.api.Test;

class Sdk1CallsTest {

  @Test
  void analyze_whenS3ConvenienceOverloads_recordsTheV2OperationsAndMembers() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("app.Handler::handle")
            .file(
                "app/Handler.java",
                """
                package app;

                import com.amazonaws.services.s3.AmazonS3;
                import com.amazonaws.services.s3.AmazonS3ClientBuilder;

                public class Handler {
                  private static final String BUCKET = "media";
                  private final AmazonS3 s3 = AmazonS3ClientBuilder.defaultClient();

                  public void handle(String id) {
                    // SDK: s3.GetObject Bucket=media Key=in/*
                    s3.getObject(BUCKET, "in/" + id);
                    // SDK: s3.PutObject Bucket=media Key=out/*.txt
                    s3.putObject(BUCKET, "out/" + id + ".txt", "content");
                    // SDK: s3.HeadObject Bucket=media Key=in/*
                    s3.doesObjectExist(BUCKET, "in/" + id);
                    // SDK: s3.CopyObject SourceBucket=media SourceKey=in/* DestinationBucket=copies DestinationKey=?
                    s3.copyObject(BUCKET, "in/" + id, "copies", id);
                    s3.setRegion(null);
                    s3.getUrl(BUCKET, id);
                  }
                }
                """)
            .check();
    assertThat(analysis.calls())
        .extracting(SdkCall::detail)
        .contains("AmazonS3.getObject (SDK 1.x)", "AmazonS3.copyObject (SDK 1.x)");
  }

  @Test
  void analyze_whenRequestConstructorsWithAndSetters_recordsEveryProperty() {
    AnalyzerHarness.handler("app.Handler::handle")
        .file(
            "app/Handler.java",
            """
            package app;

            import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;
            import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;
            import com.amazonaws.services.dynamodbv2.model.GetItemRequest;
            import com.amazonaws.services.sqs.AmazonSQS;
            import com.amazonaws.services.sqs.AmazonSQSClientBuilder;
            import com.amazonaws.services.sqs.model.SendMessageRequest;
            import java.util.Map;

            public class Handler {
              private final AmazonSQS sqs = AmazonSQSClientBuilder.standard().withRegion("eu-west-1").build();
              private final AmazonDynamoDB dynamo = AmazonDynamoDBClientBuilder.defaultClient();

              public void handle(String body) {
                SendMessageRequest send = new SendMessageRequest("https://sqs.eu-west-1.amazonaws.com/1/q", body);
                send.setDelaySeconds(5);
                // SDK: sqs.SendMessage QueueUrl=https://sqs.eu-west-1.amazonaws.com/1/q DelaySeconds=5
                sqs.sendMessage(send);
                // SDK: dynamodb.GetItem TableName=orders ConsistentRead=true
                dynamo.getItem(new GetItemRequest("orders", Map.of()).withConsistentRead(true));
              }
            }
            """)
        .check();
  }

  @Test
  void analyze_whenAsyncClientAndConstructedClient_recordsTheSameOperations() {
    AnalyzerHarness.handler("app.Handler::handle")
        .file(
            "app/Handler.java",
            """
            package app;

            import com.amazonaws.services.sns.AmazonSNSClient;
            import com.amazonaws.services.sqs.AmazonSQSAsync;
            import com.amazonaws.services.sqs.AmazonSQSAsyncClientBuilder;

            public class Handler {
              private final AmazonSQSAsync sqs = AmazonSQSAsyncClientBuilder.defaultClient();
              @SuppressWarnings("deprecation")
              private final AmazonSNSClient sns = new AmazonSNSClient();

              public void handle(String body) {
                // SDK: sqs.SendMessage QueueUrl=https://sqs.eu-west-1.amazonaws.com/1/q
                sqs.sendMessageAsync("https://sqs.eu-west-1.amazonaws.com/1/q", body);
                // SDK: sns.Publish TopicArn=arn:aws:sns:eu-west-1:1:t
                sns.publish("arn:aws:sns:eu-west-1:1:t", body);
              }
            }
            """)
        .check();
  }

  @Test
  void analyze_whenClientExtendsAnotherClient_sendsTheParentsOperations() {
    AnalyzerHarness.handler("app.Handler::handle")
        .file(
            "app/Handler.java",
            """
            package app;

            import com.amazonaws.services.s3.AmazonS3Encryption;
            import com.amazonaws.services.s3.AmazonS3EncryptionClientBuilder;

            public class Handler {
              private final AmazonS3Encryption s3 = AmazonS3EncryptionClientBuilder.standard().build();

              public void handle(String id) {
                // SDK: s3.GetObject Bucket=vault Key=?
                s3.getObject("vault", id);
              }
            }
            """)
        .check();
  }

  @Test
  void analyze_whenPutUsesKmsParams_recordsTheKeyAndEncryption() {
    AnalyzerHarness.handler("app.Handler::handle")
        .file(
            "app/Handler.java",
            """
            package app;

            import com.amazonaws.services.s3.AmazonS3;
            import com.amazonaws.services.s3.AmazonS3ClientBuilder;
            import com.amazonaws.services.s3.model.PutObjectRequest;
            import com.amazonaws.services.s3.model.SSEAwsKeyManagementParams;
            import java.io.File;

            public class Handler {
              private final AmazonS3 s3 = AmazonS3ClientBuilder.defaultClient();

              public void handle() {
                // SDK: s3.PutObject Bucket=vault Key=a.txt SSEKMSKeyId=alias/vault ServerSideEncryption=aws:kms
                s3.putObject(new PutObjectRequest("vault", "a.txt", new File("a.txt"))
                    .withSSEAwsKeyManagementParams(new SSEAwsKeyManagementParams("alias/vault")));
              }
            }
            """)
        .check();
  }

  @Test
  void analyze_whenClientIsInjected_recognizesItsDeclaredType() {
    AnalyzerHarness.handler("app.Handler::handle")
        .file(
            "app/Handler.java",
            """
            package app;

            import com.amazonaws.services.secretsmanager.AWSSecretsManager;
            import com.amazonaws.services.secretsmanager.model.GetSecretValueRequest;
            import javax.inject.Inject;

            public class Handler {
              private final AWSSecretsManager secrets;

              @Inject
              public Handler(AWSSecretsManager secrets) {
                this.secrets = secrets;
              }

              public String handle() {
                // SDK: secretsmanager.GetSecretValue SecretId=prod/db
                return secrets.getSecretValue(new GetSecretValueRequest().withSecretId("prod/db"))
                    .getSecretString();
              }
            }
            """)
        .check();
  }

  @Test
  void analyze_whenClientNotInTheInventory_reportsAFindingThatHidesCode() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("app.Handler::handle")
            .file(
                "app/Handler.java",
                """
                package app;

                import com.amazonaws.services.ec2.AmazonEC2;
                import com.amazonaws.services.ec2.AmazonEC2ClientBuilder;

                public class Handler {
                  private final AmazonEC2 ec2 = AmazonEC2ClientBuilder.defaultClient();

                  public void handle() {
                    // FINDING: SDK1_UNMAPPED_CALL
                    ec2.describeInstances();
                  }
                }
                """)
            .check();
    assertThat(analysis.findings())
        .filteredOn(f -> f.id().equals("SDK1_UNMAPPED_CALL"))
        .allMatch(Finding::hidesCode);
  }

  @Test
  void analyze_whenMapperConfiguredToPutWithTableReplacement_putsIntoTheReplacementTable() {
    AnalyzerHarness.handler("app.Handler::handle")
        .file(
            "app/Order.java",
            """
            package app;

            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBTable;

            @DynamoDBTable(tableName = "orders")
            public class Order {}
            """)
        .file(
            "app/Unmapped.java",
            """
            package app;

            public class Unmapped {}
            """)
        .file(
            "app/Handler.java",
            """
            package app;

            import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapperConfig;

            public class Handler {
              private final DynamoDBMapper mapper =
                  new DynamoDBMapper(AmazonDynamoDBClientBuilder.defaultClient());

              public void handle(Order order) {
                DynamoDBMapperConfig put =
                    new DynamoDBMapperConfig(DynamoDBMapperConfig.SaveBehavior.PUT);
                // SDK: dynamodb.PutItem TableName=orders
                mapper.save(order, put);
                // SDK: dynamodb.UpdateItem TableName=orders-archive
                mapper.save(order, DynamoDBMapperConfig.builder()
                    .withTableNameOverride(
                        DynamoDBMapperConfig.TableNameOverride.withTableNameReplacement("orders-archive"))
                    .build());
                // SDK: dynamodb.DeleteItem TableName=?
                mapper.delete(new Unmapped());
                // SDK: dynamodb.GetItem TableName=orders
                mapper.load(Order.class, "id-1");
              }
            }
            """)
        .check();
  }

  @Test
  void analyze_whenPresignedUrlRequestSetsNoMethod_isAGet() {
    AnalyzerHarness.handler("app.Handler::handle")
        .file(
            "app/Handler.java",
            """
            package app;

            import com.amazonaws.services.s3.AmazonS3;
            import com.amazonaws.services.s3.AmazonS3ClientBuilder;
            import com.amazonaws.services.s3.model.GeneratePresignedUrlRequest;

            public class Handler {
              private final AmazonS3 s3 = AmazonS3ClientBuilder.defaultClient();

              public Object handle(String id) {
                // SDK: s3.GetObject Bucket=media Key=*.png
                return s3.generatePresignedUrl(new GeneratePresignedUrlRequest("media", id + ".png"));
              }
            }
            """)
        .check();
  }

  @Test
  void analyze_whenBufferedClientHeldAsInterface_sendsBatches() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("app.Handler::handle")
            .file(
                "app/Handler.java",
                """
                package app;

                import com.amazonaws.services.sqs.AmazonSQSAsync;
                import com.amazonaws.services.sqs.AmazonSQSAsyncClientBuilder;
                import com.amazonaws.services.sqs.buffered.AmazonSQSBufferedAsyncClient;

                public class Handler {
                  private final AmazonSQSAsync sqs =
                      new AmazonSQSBufferedAsyncClient(AmazonSQSAsyncClientBuilder.defaultClient());

                  public void handle(String body) {
                    // SDK: sqs.SendMessageBatch QueueUrl=https://sqs.eu-west-1.amazonaws.com/1/q
                    sqs.sendMessage("https://sqs.eu-west-1.amazonaws.com/1/q", body);
                    // SDK: sqs.GetQueueAttributes QueueUrl=https://sqs.eu-west-1.amazonaws.com/1/q
                    sqs.getQueueAttributes("https://sqs.eu-west-1.amazonaws.com/1/q", java.util.List.of("All"));
                  }
                }
                """)
            .check();
    assertThat(analysis.calls())
        .extracting(SdkCall::detail)
        .contains("AmazonSQSBufferedAsyncClient.sendMessage (SDK 1.x)");
  }

  @Test
  void analyze_whenTransferManagerUploadsDirectory_writesUnderThePrefix() {
    AnalyzerHarness.handler("app.Handler::handle")
        .file(
            "app/Handler.java",
            """
            package app;

            import com.amazonaws.services.s3.transfer.TransferManager;
            import com.amazonaws.services.s3.transfer.TransferManagerBuilder;
            import java.io.File;

            public class Handler {
              private final TransferManager transfers = TransferManagerBuilder.defaultTransferManager();

              public void handle() {
                // SDK: s3.PutObject Bucket=exports Key=daily/*
                // SDK: s3.CreateMultipartUpload Bucket=exports Key=daily/*
                // SDK: s3.UploadPart Bucket=exports Key=daily/*
                // SDK: s3.CompleteMultipartUpload Bucket=exports Key=daily/*
                // SDK: s3.AbortMultipartUpload Bucket=exports Key=daily/*
                transfers.uploadDirectory("exports", "daily/", new File("/tmp/out"), true);
              }
            }
            """)
        .check();
  }
}
