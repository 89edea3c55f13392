package dev.minrole.analyzer.java;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Resource names that travel between classes: constants, requests built elsewhere, helpers called
 * from several sites. Each test is a small project analyzed from its handler, with every SDK call
 * it reaches marked in place ({@link AnalyzerHarness}): a call the code does not make, or one it
 * makes that is not marked, fails the test, and so does any finding not marked.
 */
class ValueProjectsTest {

  /**
   * Resource names built from constants in other classes: {@code static final} fields folded across
   * classes ({@code Stage.PREFIX = NAME + "-"}), interface constants used through static imports
   * and qualified names, a topic ARN concatenated from an account constant, and an enum whose
   * constants carry the queue name as a constructor argument ({@code Queue.DUNNING.url()}). Every
   * call names its resource exactly ({@code prod-invoice-counters}, {@code prod-invoices}, {@code
   * acme-prod-invoice-pdfs} under {@code 2024/INV-*.pdf}, {@code prod-invoice-issued}, {@code
   * prod-dunning}), never {@code prod-*}, and the enum's other queue, {@code prod-ledger-export},
   * appears nowhere.
   */
  @Test
  void names_fromConstantsOfOtherClassesInterfacesAndEnums_areExact() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("com.acme.invoicing.handler.IssueInvoiceHandler::handleRequest")
            .file(
                "com/acme/invoicing/config/Queue.java",
                """
                package com.acme.invoicing.config;

                /** The queues of the invoicing service; each knows its URL. */
                public enum Queue {
                  DUNNING("dunning"),
                  EXPORT("ledger-export");

                  private static final String BASE = "https://sqs.eu-west-1.amazonaws.com/" + Resources.ACCOUNT + "/";
                  private final String name;

                  Queue(String name) {
                    this.name = name;
                  }

                  public String url() {
                    return BASE + Stage.PREFIX + name;
                  }
                }
                """)
            .file(
                "com/acme/invoicing/config/Resources.java",
                """
                package com.acme.invoicing.config;

                /** Every AWS resource name the invoicing functions use, in one place. */
                public interface Resources {
                  String INVOICES_TABLE = Stage.PREFIX + "invoices";
                  String COUNTERS_TABLE = Stage.PREFIX + "invoice-counters";
                  String PDF_BUCKET = "acme-" + Stage.NAME + "-invoice-pdfs";
                  String ACCOUNT = "919191919191";
                  String ISSUED_TOPIC = "arn:aws:sns:eu-west-1:" + ACCOUNT + ":" + Stage.PREFIX + "invoice-issued";
                }
                """)
            .file(
                "com/acme/invoicing/config/Stage.java",
                """
                package com.acme.invoicing.config;

                /** The deployment stage this build is for; the build swaps this file per stage. */
                public final class Stage {
                  public static final String NAME = "prod";
                  public static final String PREFIX = NAME + "-";

                  private Stage() {}
                }
                """)
            .file(
                "com/acme/invoicing/handler/InvoiceRequest.java",
                """
                package com.acme.invoicing.handler;

                public record InvoiceRequest(String customerId, long amountCents, boolean overdueCustomer) {}
                """)
            .file(
                "com/acme/invoicing/handler/IssueInvoiceHandler.java",
                """
                package com.acme.invoicing.handler;

                import static com.acme.invoicing.config.Resources.COUNTERS_TABLE;
                import static com.acme.invoicing.config.Resources.INVOICES_TABLE;

                import com.acme.invoicing.config.Queue;
                import com.acme.invoicing.config.Resources;
                import java.util.Map;
                import software.amazon.awssdk.core.sync.RequestBody;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
                import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
                import software.amazon.awssdk.services.s3.S3Client;
                import software.amazon.awssdk.services.sns.SnsClient;
                import software.amazon.awssdk.services.sqs.SqsClient;

                public class IssueInvoiceHandler {
                  private final DynamoDbClient dynamo = DynamoDbClient.create();
                  private final S3Client s3 = S3Client.create();
                  private final SnsClient sns = SnsClient.create();
                  private final SqsClient sqs = SqsClient.create();

                  public String handleRequest(InvoiceRequest request) {
                    String number =
                        // SDK: dynamodb.UpdateItem TableName=prod-invoice-counters
                        dynamo
                            .updateItem(
                                u ->
                                    u.tableName(COUNTERS_TABLE)
                                        .key(Map.of("counter", AttributeValue.fromS("invoice")))
                                        .updateExpression("ADD next :one")
                                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                                        .returnValues(ReturnValue.UPDATED_NEW))
                            .attributes()
                            .get("next")
                            .n();
                    String invoiceId = "INV-" + number;
                    // SDK: dynamodb.PutItem TableName=prod-invoices
                    dynamo.putItem(
                        p ->
                            p.tableName(INVOICES_TABLE)
                                .item(
                                    Map.of(
                                        "invoiceId", AttributeValue.fromS(invoiceId),
                                        "customerId", AttributeValue.fromS(request.customerId()))));
                    // SDK: s3.PutObject Bucket=acme-prod-invoice-pdfs Key=2024/INV-*.pdf
                    s3.putObject(
                        o -> o.bucket(Resources.PDF_BUCKET).key("2024/" + invoiceId + ".pdf"),
                        RequestBody.fromString("%PDF " + invoiceId));
                    // SDK: sns.Publish TopicArn=arn:aws:sns:eu-west-1:919191919191:prod-invoice-issued
                    sns.publish(p -> p.topicArn(Resources.ISSUED_TOPIC).message(invoiceId));
                    if (request.overdueCustomer()) {
                      // SDK: sqs.SendMessage QueueUrl=https://sqs.eu-west-1.amazonaws.com/919191919191/prod-dunning
                      sqs.sendMessage(m -> m.queueUrl(Queue.DUNNING.url()).messageBody(invoiceId));
                    }
                    return invoiceId;
                  }
                }
                """)
            .check();
    assertThat(analysis.findings()).isEmpty();
  }

  /**
   * Requests built in one class and sent from another: a static factory returns a finished {@code
   * PutObjectRequest}, another returns a {@code PutItemRequest.Builder} that the handler extends
   * ({@code conditionExpression}) and builds into a field before passing it on, a third fills a
   * {@code SendMessageRequest.Builder} statement by statement; {@code MailSender} only calls the
   * client with the request it receives. The calls name {@code acme-mailroom-raw} under {@code
   * raw/*.eml}, the table {@code mail-threads} and the queue {@code mail-triage}.
   */
  @Test
  void requests_builtInOneClassAndSentFromAnother_keepTheirMembers() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("com.acme.mailroom.InboundMailHandler::handleRequest")
            .file(
                "com/acme/mailroom/InboundMail.java",
                """
                package com.acme.mailroom;

                public record InboundMail(String messageId, String from, String subject, String rawMime) {}
                """)
            .file(
                "com/acme/mailroom/InboundMailHandler.java",
                """
                package com.acme.mailroom;

                import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

                public class InboundMailHandler {
                  private final MailSender sender = new MailSender();
                  private PutItemRequest lastThread;

                  public String handleRequest(InboundMail mail) {
                    sender.store(Requests.storeRaw(mail), Requests.body(mail));
                    lastThread = Requests.thread(mail).conditionExpression("attribute_not_exists(messageId)").build();
                    sender.record(lastThread);
                    sender.enqueue(Requests.triage(mail));
                    return mail.messageId();
                  }
                }
                """)
            .file(
                "com/acme/mailroom/MailSender.java",
                """
                package com.acme.mailroom;

                import software.amazon.awssdk.core.sync.RequestBody;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
                import software.amazon.awssdk.services.s3.S3Client;
                import software.amazon.awssdk.services.s3.model.PutObjectRequest;
                import software.amazon.awssdk.services.sqs.SqsClient;
                import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

                /** Sends requests it is given. */
                final class MailSender {
                  private final S3Client s3 = S3Client.create();
                  private final DynamoDbClient dynamo = DynamoDbClient.create();
                  private final SqsClient sqs = SqsClient.create();

                  void store(PutObjectRequest request, RequestBody body) {
                    // SDK: s3.PutObject Bucket=acme-mailroom-raw Key=raw/*.eml
                    s3.putObject(request, body);
                  }

                  void record(PutItemRequest request) {
                    // SDK: dynamodb.PutItem TableName=mail-threads
                    dynamo.putItem(request);
                  }

                  void enqueue(SendMessageRequest request) {
                    // SDK: sqs.SendMessage QueueUrl=https://sqs.us-east-1.amazonaws.com/343434343434/mail-triage
                    // SDK: sqs.SendMessage QueueUrl=https://sqs.us-east-1.amazonaws.com/343434343434/mail-triage
                    sqs.sendMessage(request);
                  }
                }
                """)
            .file(
                "com/acme/mailroom/Requests.java",
                """
                package com.acme.mailroom;

                import java.util.Map;
                import software.amazon.awssdk.core.sync.RequestBody;
                import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
                import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
                import software.amazon.awssdk.services.s3.model.PutObjectRequest;
                import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

                /** Builds every request the mail room sends; the senders only send. */
                final class Requests {
                  static final String MAIL_BUCKET = "acme-mailroom-raw";
                  static final String THREADS_TABLE = "mail-threads";
                  static final String TRIAGE_QUEUE = "https://sqs.us-east-1.amazonaws.com/343434343434/mail-triage";

                  private Requests() {}

                  static PutObjectRequest storeRaw(InboundMail mail) {
                    return PutObjectRequest.builder()
                        .bucket(MAIL_BUCKET)
                        .key("raw/" + mail.messageId() + ".eml")
                        .contentType("message/rfc822")
                        .build();
                  }

                  static PutItemRequest.Builder thread(InboundMail mail) {
                    return PutItemRequest.builder()
                        .tableName(THREADS_TABLE)
                        .item(
                            Map.of(
                                "messageId", AttributeValue.fromS(mail.messageId()),
                                "subject", AttributeValue.fromS(mail.subject())));
                  }

                  static SendMessageRequest triage(InboundMail mail) {
                    SendMessageRequest.Builder builder = SendMessageRequest.builder();
                    builder.queueUrl(TRIAGE_QUEUE);
                    builder.messageBody(mail.messageId());
                    builder.delaySeconds(mail.subject().startsWith("RE:") ? 0 : 30);
                    return builder.build();
                  }

                  static RequestBody body(InboundMail mail) {
                    return RequestBody.fromString(mail.rawMime());
                  }
                }
                """)
            .check();
    assertThat(analysis.findings()).isEmpty();
  }

  /**
   * One helper method, {@code BlobStore.put(bucket, key, ...)}, is called from two sites with
   * different buckets and key prefixes. The values are kept per call site: {@code
   * acme-gallery-originals} with {@code orig/*.jpg} and {@code acme-gallery-previews} with {@code
   * prev/*.webp}, not the cross product and not a bucket wildcard, plus {@code GetObject} on {@code
   * acme-gallery-uploads} under {@code pending/*} from the helper's other method.
   */
  @Test
  void helper_calledFromTwoSites_keepsEachSitesValuesTogether() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("com.acme.gallery.PublishPhotoHandler::handleRequest")
            .file(
                "com/acme/gallery/BlobStore.java",
                """
                package com.acme.gallery;

                import software.amazon.awssdk.core.sync.RequestBody;
                import software.amazon.awssdk.services.s3.S3Client;

                /** A thin S3 wrapper shared by the gallery functions. */
                final class BlobStore {
                  private final S3Client s3;

                  BlobStore(S3Client s3) {
                    this.s3 = s3;
                  }

                  void put(String bucket, String key, byte[] bytes, String contentType) {
                    // SDK: s3.PutObject Bucket=acme-gallery-originals Key=orig/*.jpg
                    // SDK: s3.PutObject Bucket=acme-gallery-previews Key=prev/*.webp
                    s3.putObject(o -> o.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
                  }

                  byte[] get(String bucket, String key) {
                    // SDK: s3.GetObject Bucket=acme-gallery-uploads Key=pending/*
                    return s3.getObject(g -> g.bucket(bucket).key(key)).readAllBytes();
                  }
                }
                """)
            .file(
                "com/acme/gallery/PublishPhotoHandler.java",
                """
                package com.acme.gallery;

                import java.util.Map;
                import software.amazon.awssdk.services.s3.S3Client;

                /** Copies an approved upload into the originals bucket and writes a web preview. */
                public class PublishPhotoHandler {
                  private static final String UPLOADS = "acme-gallery-uploads";
                  private static final String ORIGINALS = "acme-gallery-originals";
                  private static final String PREVIEWS = "acme-gallery-previews";

                  private final BlobStore blobs = new BlobStore(S3Client.create());

                  public String handleRequest(Map<String, String> approved) {
                    String photoId = approved.get("photoId");
                    byte[] original = blobs.get(UPLOADS, "pending/" + photoId);
                    blobs.put(ORIGINALS, "orig/" + photoId + ".jpg", original, "image/jpeg");
                    blobs.put(PREVIEWS, "prev/" + photoId + ".webp", Renditions.preview(original), "image/webp");
                    return photoId;
                  }
                }
                """)
            .file(
                "com/acme/gallery/Renditions.java",
                """
                package com.acme.gallery;

                /** Pretend image pipeline: the real one shells out to libvips. */
                final class Renditions {
                  private Renditions() {}

                  static byte[] preview(byte[] original) {
                    return original.length > 4096 ? java.util.Arrays.copyOf(original, 4096) : original;
                  }
                }
                """)
            .check();
    assertThat(analysis.findings()).isEmpty();
  }
}
