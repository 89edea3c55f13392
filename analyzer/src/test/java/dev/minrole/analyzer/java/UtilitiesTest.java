package dev.minrole.analyzer.java;

import org.junit.jupiter.api.Test;

class UtilitiesTest {

  @Test
  void enhancedClient_tableOperations_carryTheTableName() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Order.java",
            """
            package app;

            import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
            import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

            @DynamoDbBean
            public class Order {
              private String id;

              @DynamoDbPartitionKey
              public String getId() { return id; }
              public void setId(String id) { this.id = id; }
            }
            """)
        .file(
            "app/Handler.java",
            """
            package app;

            import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
            import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
            import software.amazon.awssdk.enhanced.dynamodb.Key;
            import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
            import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

            public class Handler {
              private static final TableSchema<Order> SCHEMA = TableSchema.fromBean(Order.class);
              private final DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.create();
              private final DynamoDbTable<Order> orders = enhanced.table(System.getenv("ORDERS"), SCHEMA);

              public void handleRequest(Order order) {
                // SDK: dynamodb.GetItem TableName=$ORDERS
                orders.getItem(Key.builder().partitionValue(order.getId()).build());
                // SDK: dynamodb.PutItem TableName=$ORDERS
                orders.putItem(order);
                // SDK: dynamodb.Query TableName=$ORDERS IndexName=byCustomer
                orders.index("byCustomer").query(QueryConditional.keyEqualTo(k -> k.partitionValue("c")));
              }
            }
            """)
        .check();
  }

  @Test
  void enhancedClient_versionedBean_makesPutItemConditional() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Account.java",
            """
            package app;

            import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbAtomicCounter;
            import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
            import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

            @DynamoDbBean
            public class Account {
              private Long version;
              private Long logins;

              @DynamoDbVersionAttribute
              public Long getVersion() { return version; }
              public void setVersion(Long v) { version = v; }

              @DynamoDbAtomicCounter
              public Long getLogins() { return logins; }
              public void setLogins(Long l) { logins = l; }
            }
            """)
        .file(
            "app/Handler.java",
            """
            package app;

            import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
            import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
            import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

            public class Handler {
              private final DynamoDbTable<Account> accounts =
                  DynamoDbEnhancedClient.create().table("accounts", TableSchema.fromBean(Account.class));

              public void handleRequest(Account account) {
                // SDK: dynamodb.PutItem TableName=accounts ConditionExpression=?
                accounts.putItem(account);
                // SDK: dynamodb.UpdateItem TableName=accounts ConditionExpression=? UpdateExpression=?
                accounts.updateItem(account);
              }
            }
            """)
        .check();
  }

  @Test
  void enhancedClient_batchAndTransactions_nameEachTable() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
            import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
            import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
            import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
            import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;

            public class Handler {
              private final DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.create();
              private final DynamoDbTable<Object> orders = enhanced.table("orders", TableSchema.fromBean(Object.class));
              private final DynamoDbTable<Object> audit = enhanced.table("audit", TableSchema.fromBean(Object.class));

              public void handleRequest(Object order) {
                // SDK: dynamodb.BatchWriteItem RequestItems[0].key=audit
                enhanced.batchWriteItem(r -> r.addWriteBatch(
                    WriteBatch.builder(Object.class).mappedTableResource(audit).addPutItem(order).build()));
                // SDK: dynamodb.TransactWriteItems TransactItems[0].Put.TableName=orders TransactItems[1].Update.TableName=audit
                enhanced.transactWriteItems(
                    TransactWriteItemsEnhancedRequest.builder()
                        .addPutItem(orders, order)
                        .addUpdateItem(audit, order)
                        .build());
              }
            }
            """)
        .check();
  }

  @Test
  void presigner_andTransferManager_performTheUnderlyingObjectOperations() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import java.nio.file.Path;
            import java.time.Duration;
            import software.amazon.awssdk.services.s3.presigner.S3Presigner;
            import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
            import software.amazon.awssdk.transfer.s3.S3TransferManager;
            import software.amazon.awssdk.transfer.s3.model.UploadFileRequest;
            import software.amazon.awssdk.transfer.s3.model.UploadDirectoryRequest;

            public class Handler {
              private final S3Presigner presigner = S3Presigner.create();
              private final S3TransferManager transfers = S3TransferManager.create();

              public String handleRequest(String id) {
                // SDK: s3.PutObject Bucket=reports Key=pdf/*.pdf
                // SDK: s3.CreateMultipartUpload Bucket=reports Key=pdf/*.pdf
                // SDK: s3.UploadPart Bucket=reports Key=pdf/*.pdf
                // SDK: s3.CompleteMultipartUpload Bucket=reports Key=pdf/*.pdf
                // SDK: s3.AbortMultipartUpload Bucket=reports Key=pdf/*.pdf
                transfers.uploadFile(UploadFileRequest.builder()
                    .putObjectRequest(p -> p.bucket("reports").key("pdf/" + id + ".pdf"))
                    .source(Path.of("/tmp/" + id)).build()).completionFuture().join();
                // SDK: s3.PutObject Bucket=archive Key=daily/*
                // SDK: s3.CreateMultipartUpload Bucket=archive Key=daily/*
                // SDK: s3.UploadPart Bucket=archive Key=daily/*
                // SDK: s3.CompleteMultipartUpload Bucket=archive Key=daily/*
                // SDK: s3.AbortMultipartUpload Bucket=archive Key=daily/*
                transfers.uploadDirectory(UploadDirectoryRequest.builder().bucket("archive").s3Prefix("daily/").source(Path.of("/tmp")).build());
                GetObjectPresignRequest presign = GetObjectPresignRequest.builder()
                    .signatureDuration(Duration.ofMinutes(10))
                    .getObjectRequest(g -> g.bucket("reports").key("pdf/" + id + ".pdf"))
                    .build();
                // SDK: s3.GetObject Bucket=reports Key=pdf/*.pdf
                return presigner.presignGetObject(presign).url().toString();
              }
            }
            """)
        .check();
  }

  @Test
  void transferManagerCopy_multipartPartsGoToTheDestinationOnly() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import software.amazon.awssdk.transfer.s3.S3TransferManager;
            import software.amazon.awssdk.transfer.s3.model.CopyRequest;

            public class Handler {
              private final S3TransferManager transfers = S3TransferManager.create();

              public void handleRequest(String id) {
                // SDK: s3.CopyObject SourceBucket=inbox SourceKey=new/* DestinationBucket=vault DestinationKey=kept/*
                // SDK: s3.CreateMultipartUpload Bucket=vault Key=kept/*
                // SDK: s3.UploadPartCopy SourceBucket=inbox SourceKey=new/* DestinationBucket=vault DestinationKey=kept/*
                // SDK: s3.CompleteMultipartUpload Bucket=vault Key=kept/*
                // SDK: s3.AbortMultipartUpload Bucket=vault Key=kept/*
                transfers.copy(CopyRequest.builder()
                    .copyObjectRequest(c -> c.sourceBucket("inbox").sourceKey("new/" + id)
                        .destinationBucket("vault").destinationKey("kept/" + id))
                    .build()).completionFuture().join();
              }
            }
            """)
        .check();
  }

  @Test
  void crtClient_uploadsInParts_plainAsyncClientDoesNot() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import software.amazon.awssdk.core.async.AsyncRequestBody;
            import software.amazon.awssdk.services.s3.S3AsyncClient;

            public class Handler {
              private final S3AsyncClient crt =
                  S3AsyncClient.crtBuilder().targetThroughputInGbps(5.0).build();
              private final S3AsyncClient plain = S3AsyncClient.create();

              public void handleRequest(String id) {
                // SDK: s3.PutObject Bucket=big Key=in/*
                // SDK: s3.CreateMultipartUpload Bucket=big Key=in/*
                // SDK: s3.UploadPart Bucket=big Key=in/*
                // SDK: s3.CompleteMultipartUpload Bucket=big Key=in/*
                // SDK: s3.AbortMultipartUpload Bucket=big Key=in/*
                crt.putObject(r -> r.bucket("big").key("in/" + id), AsyncRequestBody.fromString(id)).join();
                // SDK: s3.GetObject Bucket=big Key=in/*
                crt.getObject(r -> r.bucket("big").key("in/" + id), java.nio.file.Path.of("/tmp/x")).join();
                // SDK: s3.PutObject Bucket=small Key=out/*
                plain.putObject(r -> r.bucket("small").key("out/" + id), AsyncRequestBody.fromString(id)).join();
              }
            }
            """)
        .check();
  }

  @Test
  void sqsBatchManager_sendsBatches() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import software.amazon.awssdk.services.sqs.SqsAsyncClient;
            import software.amazon.awssdk.services.sqs.batchmanager.SqsAsyncBatchManager;

            public class Handler {
              private static final String QUEUE = "https://sqs.eu-west-1.amazonaws.com/111122223333/events";
              private final SqsAsyncBatchManager batches = SqsAsyncClient.create().batchManager();

              public void handleRequest(String body) {
                // SDK: sqs.SendMessageBatch QueueUrl=https://sqs.eu-west-1.amazonaws.com/111122223333/events
                batches.sendMessage(r -> r.queueUrl(QUEUE).messageBody(body));
              }
            }
            """)
        .check();
  }
}
