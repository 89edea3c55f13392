package dev.minrole.analyzer.java;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Code reached indirectly: future chains, lambdas, method references and streams, and the
 * initialization Lambda runs before the first request. Each test is a small project analyzed from
 * its handler, with every SDK call it reaches marked in place ({@link AnalyzerHarness}): a call the
 * code does not make, or one it makes that is not marked, fails the test, and so does any finding
 * not marked.
 */
class IndirectCallProjectsTest {

  /**
   * A handler that chains async work: {@code fraud.score(payment)} (a {@code
   * LambdaAsyncClient.invoke} followed by {@code thenApply}), {@code .thenCompose(score ->
   * ledger.record(...))} (a {@code DynamoDbAsyncClient.putItem} with a request object), {@code
   * .thenApplyAsync(receipts::write)} (an {@code S3AsyncClient.putObject}, reached only through a
   * method reference), and {@code .exceptionally(...)} (an {@code SqsAsyncClient.sendMessage} in
   * the error path). Async clients count exactly like sync ones: the calls name {@code
   * fraud-scorer}, {@code payments-ledger}, {@code acme-payment-receipts} under <code>
   * receipts/*&#47;*.json</code> and {@code payments-dlq}, and nothing else.
   */
  @Test
  void futureChains_reachEveryStageMethodReferencesAndTheErrorPath() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("com.acme.payments.PaymentHandler::handleRequest")
            .file(
                "com/acme/payments/DeadLetters.java",
                """
                package com.acme.payments;

                import software.amazon.awssdk.services.sqs.SqsAsyncClient;

                /** Payments that could not be processed, for the on-call engineer. */
                final class DeadLetters {
                  private static final String QUEUE = "https://sqs.us-west-2.amazonaws.com/999988887777/payments-dlq";
                  private final SqsAsyncClient sqs = SqsAsyncClient.create();

                  void send(Payment payment, Throwable error) {
                    // SDK: sqs.SendMessage QueueUrl=https://sqs.us-west-2.amazonaws.com/999988887777/payments-dlq
                    sqs.sendMessage(m -> m.queueUrl(QUEUE).messageBody(payment.id() + ": " + error.getMessage()));
                  }
                }
                """)
            .file(
                "com/acme/payments/FraudScore.java",
                """
                package com.acme.payments;

                public record FraudScore(String paymentId, double score) {
                  public boolean acceptable() {
                    return score < 0.8;
                  }
                }
                """)
            .file(
                "com/acme/payments/FraudScoring.java",
                """
                package com.acme.payments;

                import java.util.concurrent.CompletableFuture;
                import software.amazon.awssdk.core.SdkBytes;
                import software.amazon.awssdk.services.lambda.LambdaAsyncClient;

                /** Asks the fraud model, which runs as its own function. */
                final class FraudScoring {
                  private final LambdaAsyncClient lambda;

                  FraudScoring(LambdaAsyncClient lambda) {
                    this.lambda = lambda;
                  }

                  CompletableFuture<FraudScore> score(Payment payment) {
                    // SDK: lambda.Invoke FunctionName=fraud-scorer
                    return lambda
                        .invoke(i -> i.functionName("fraud-scorer").payload(SdkBytes.fromUtf8String(payment.id())))
                        .thenApply(response -> new FraudScore(payment.id(), parse(response.payload().asUtf8String())));
                  }

                  private static double parse(String body) {
                    return Double.parseDouble(body.trim());
                  }
                }
                """)
            .file(
                "com/acme/payments/Ledger.java",
                """
                package com.acme.payments;

                import java.util.Map;
                import java.util.concurrent.CompletableFuture;
                import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
                import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
                import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

                /** The payments ledger table. */
                final class Ledger {
                  private static final String TABLE = "payments-ledger";
                  private final DynamoDbAsyncClient dynamo;

                  Ledger(DynamoDbAsyncClient dynamo) {
                    this.dynamo = dynamo;
                  }

                  CompletableFuture<Payment> record(Payment payment, FraudScore score) {
                    if (!score.acceptable()) {
                      return CompletableFuture.failedFuture(new IllegalStateException("rejected " + payment.id()));
                    }
                    PutItemRequest put =
                        PutItemRequest.builder()
                            .tableName(TABLE)
                            .item(
                                Map.of(
                                    "id", AttributeValue.fromS(payment.id()),
                                    "amount", AttributeValue.fromN(Long.toString(payment.amountCents()))))
                            .conditionExpression("attribute_not_exists(id)")
                            .build();
                    // SDK: dynamodb.PutItem TableName=payments-ledger
                    return dynamo.putItem(put).thenApply(ignored -> payment);
                  }
                }
                """)
            .file(
                "com/acme/payments/Payment.java",
                """
                package com.acme.payments;

                public record Payment(String id, String customerId, long amountCents, String currency) {}
                """)
            .file(
                "com/acme/payments/PaymentHandler.java",
                """
                package com.acme.payments;

                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
                import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
                import software.amazon.awssdk.services.s3.S3AsyncClient;

                public class PaymentHandler implements RequestHandler<Payment, String> {
                  private final FraudScoring fraud = new FraudScoring(LambdaAsyncClient.create());
                  private final Ledger ledger = new Ledger(DynamoDbAsyncClient.create());
                  private final ReceiptWriter receipts = new ReceiptWriter(S3AsyncClient.create());
                  private final DeadLetters deadLetters = new DeadLetters();

                  @Override
                  public String handleRequest(Payment payment, Context context) {
                    return fraud
                        .score(payment)
                        .thenCompose(score -> ledger.record(payment, score))
                        .thenApplyAsync(receipts::write)
                        .exceptionally(
                            error -> {
                              deadLetters.send(payment, error);
                              return null;
                            })
                        .join();
                  }
                }
                """)
            .file(
                "com/acme/payments/ReceiptWriter.java",
                """
                package com.acme.payments;

                import software.amazon.awssdk.core.async.AsyncRequestBody;
                import software.amazon.awssdk.services.s3.S3AsyncClient;

                /** Stores a JSON receipt per accepted payment. */
                final class ReceiptWriter {
                  private final S3AsyncClient s3;

                  ReceiptWriter(S3AsyncClient s3) {
                    this.s3 = s3;
                  }

                  String write(Payment payment) {
                    String key = "receipts/" + payment.customerId() + "/" + payment.id() + ".json";
                    // SDK: s3.PutObject Bucket=acme-payment-receipts Key=receipts/*/*.json
                    s3.putObject(
                            o -> o.bucket("acme-payment-receipts").key(key).contentType("application/json"),
                            AsyncRequestBody.fromString("{\\"id\\":\\"" + payment.id() + "\\"}"))
                        .join();
                    return key;
                  }
                }
                """)
            .check();
    assertThat(analysis.findings()).isEmpty();
  }

  /**
   * Calls reached only through lambdas, method references and streams: {@code
   * Optional.ifPresent(audit::record)} (a method reference on a field), {@code
   * stream().map(this::toItem)} feeding a {@code BatchWriteItem} whose {@code RequestItems} map is
   * keyed by a constant, {@code forEach(this::announce)}, a {@code Consumer} lambda stored in a
   * local and passed to {@code forEach}, and filters with static method references ({@code
   * PriceRules::isValid}). The calls name {@code acme-catalog-audit} under {@code prices/*.json},
   * the table {@code catalog-prices}, the topic {@code price-changed} and the queue {@code
   * price-review}. The public {@code rebuild} method (never called) and {@code AuditTrail.forget}
   * are unreachable: no {@code DeleteItem}, no {@code DeleteObject}.
   */
  @Test
  void lambdasMethodReferencesAndStreams_areFollowed_uncalledMethodsAreNot() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("com.acme.catalog.sync.PriceSyncHandler::handleRequest")
            .file(
                "com/acme/catalog/model/PriceBatch.java",
                """
                package com.acme.catalog.model;

                import java.util.List;

                public record PriceBatch(String batchId, List<PriceChange> changes) {}
                """)
            .file(
                "com/acme/catalog/model/PriceChange.java",
                """
                package com.acme.catalog.model;

                import java.math.BigDecimal;

                public record PriceChange(String sku, String market, BigDecimal oldPrice, BigDecimal newPrice) {
                  public boolean isDrop() {
                    return newPrice.compareTo(oldPrice) < 0;
                  }

                  public BigDecimal delta() {
                    return newPrice.subtract(oldPrice).abs();
                  }
                }
                """)
            .file(
                "com/acme/catalog/sync/AuditTrail.java",
                """
                package com.acme.catalog.sync;

                import com.acme.catalog.model.PriceBatch;
                import software.amazon.awssdk.core.sync.RequestBody;
                import software.amazon.awssdk.services.s3.S3Client;

                /** Keeps the raw batch for auditors. */
                final class AuditTrail {
                  private final S3Client s3;

                  AuditTrail(S3Client s3) {
                    this.s3 = s3;
                  }

                  void record(PriceBatch batch) {
                    // SDK: s3.PutObject Bucket=acme-catalog-audit Key=prices/*.json
                    s3.putObject(
                        o -> o.bucket("acme-catalog-audit").key("prices/" + batch.batchId() + ".json"),
                        RequestBody.fromString(batch.toString()));
                  }

                  void forget(String batchId) {
                    s3.deleteObject(d -> d.bucket("acme-catalog-audit").key("prices/" + batchId + ".json"));
                  }
                }
                """)
            .file(
                "com/acme/catalog/sync/PriceRules.java",
                """
                package com.acme.catalog.sync;

                import com.acme.catalog.model.PriceChange;
                import java.math.BigDecimal;

                /** Validation rules for incoming price changes. */
                final class PriceRules {
                  private static final BigDecimal ALERT_THRESHOLD = new BigDecimal("50.00");

                  private PriceRules() {}

                  static boolean isValid(PriceChange change) {
                    return change.sku() != null && change.newPrice().signum() > 0;
                  }

                  static boolean needsReview(PriceChange change) {
                    return change.isDrop() && change.delta().compareTo(ALERT_THRESHOLD) > 0;
                  }
                }
                """)
            .file(
                "com/acme/catalog/sync/PriceSyncHandler.java",
                """
                package com.acme.catalog.sync;

                import com.acme.catalog.model.PriceBatch;
                import com.acme.catalog.model.PriceChange;
                import java.util.List;
                import java.util.Map;
                import java.util.Optional;
                import java.util.function.Consumer;
                import java.util.stream.Collectors;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
                import software.amazon.awssdk.services.dynamodb.model.PutRequest;
                import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
                import software.amazon.awssdk.services.s3.S3Client;
                import software.amazon.awssdk.services.sns.SnsClient;
                import software.amazon.awssdk.services.sqs.SqsClient;

                /** Applies a batch of price changes to the catalog. */
                public class PriceSyncHandler {
                  private static final String PRICES_TABLE = "catalog-prices";
                  private static final String CHANGES_TOPIC = "arn:aws:sns:eu-central-1:555566667777:price-changed";
                  private static final String REVIEW_QUEUE =
                      "https://sqs.eu-central-1.amazonaws.com/555566667777/price-review";

                  private final DynamoDbClient dynamo = DynamoDbClient.create();
                  private final SnsClient sns = SnsClient.create();
                  private final SqsClient sqs = SqsClient.create();
                  private final AuditTrail audit = new AuditTrail(S3Client.create());

                  public int handleRequest(PriceBatch batch) {
                    Optional.ofNullable(batch).ifPresent(audit::record);

                    List<PriceChange> valid = batch.changes().stream().filter(PriceRules::isValid).toList();
                    List<WriteRequest> writes =
                        valid.stream()
                            .map(this::toItem)
                            .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                            .collect(Collectors.toList());
                    // SDK: dynamodb.BatchWriteItem RequestItems[0].key=catalog-prices
                    dynamo.batchWriteItem(b -> b.requestItems(Map.of(PRICES_TABLE, writes)));

                    valid.forEach(this::announce);

                    Consumer<PriceChange> review =
                        // SDK: sqs.SendMessage QueueUrl=https://sqs.eu-central-1.amazonaws.com/555566667777/price-review
                        change -> sqs.sendMessage(m -> m.queueUrl(REVIEW_QUEUE).messageBody(change.sku()));
                    valid.stream().filter(PriceRules::needsReview).forEach(review);

                    Map<String, List<PriceChange>> byMarket =
                        valid.stream().collect(Collectors.groupingBy(PriceChange::market));
                    byMarket.forEach((market, changes) -> System.out.println(market + ": " + changes.size()));
                    return valid.size();
                  }

                  private Map<String, AttributeValue> toItem(PriceChange change) {
                    return Map.of(
                        "sku", AttributeValue.fromS(change.sku()),
                        "market", AttributeValue.fromS(change.market()),
                        "price", AttributeValue.fromN(change.newPrice().toPlainString()));
                  }

                  private void announce(PriceChange change) {
                    // SDK: sns.Publish TopicArn=arn:aws:sns:eu-central-1:555566667777:price-changed
                    sns.publish(p -> p.topicArn(CHANGES_TOPIC).message(change.sku() + "=" + change.newPrice()));
                  }

                  /** Rebuilds the table from scratch; run by hand from a notebook, never by the function. */
                  public void rebuild(List<PriceChange> all) {
                    all.forEach(c -> dynamo.deleteItem(d -> d.tableName(PRICES_TABLE).key(toItem(c))));
                  }
                }
                """)
            .check();
    assertThat(analysis.findings()).isEmpty();
  }

  /**
   * Code that runs when Lambda initializes the function rather than per request: a static
   * initializer in {@code WarehouseCredentials} (reached because the handler's constructor reads
   * it) fetches the secret {@code reporting/warehouse}, a static field initializer creates the S3
   * client, an instance field initializer calls a static helper that reads exactly {@code
   * templates/header.html} from {@code acme-report-templates}, and the constructor reads a {@code
   * report-schedules} item; the request itself writes {@code acme-reports} under {@code
   * daily/*.html}. {@code LegacyExporter} also has a static initializer, but no reachable code
   * touches the class, so there is no {@code ListBuckets}.
   */
  @Test
  void initCode_initializersAndConstructorAreReached_untouchedClassesAreNot() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("com.acme.reporting.DailyReportHandler::handleRequest")
            .file(
                "com/acme/reporting/DailyReportHandler.java",
                """
                package com.acme.reporting;

                import com.acme.reporting.config.ReportSchedule;
                import com.acme.reporting.config.WarehouseCredentials;
                import java.io.IOException;
                import java.io.UncheckedIOException;
                import java.nio.charset.StandardCharsets;
                import java.time.LocalDate;
                import java.util.List;
                import java.util.Map;
                import software.amazon.awssdk.core.sync.RequestBody;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
                import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
                import software.amazon.awssdk.services.s3.S3Client;

                /** Renders the daily sales report. Everything slow happens once, at init. */
                public class DailyReportHandler {
                  private static final String TEMPLATES_BUCKET = "acme-report-templates";
                  private static final S3Client S3 = S3Client.create();

                  private final String header = template("header.html");
                  private final ReportSchedule schedule;
                  private final String password;

                  public DailyReportHandler() {
                    DynamoDbClient dynamo = DynamoDbClient.create();
                    GetItemResponse item =
                        // SDK: dynamodb.GetItem TableName=report-schedules
                        dynamo.getItem(
                            g -> g.tableName("report-schedules").key(Map.of("name", AttributeValue.fromS("daily-sales"))));
                    this.schedule = new ReportSchedule("daily-sales", List.of(item.item().get("recipients").s().split(",")));
                    this.password = WarehouseCredentials.password();
                  }

                  private static String template(String name) {
                    // SDK: s3.GetObject Bucket=acme-report-templates Key=templates/header.html
                    try (var in = S3.getObject(r -> r.bucket(TEMPLATES_BUCKET).key("templates/" + name))) {
                      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  }

                  public String handleRequest(Map<String, String> event) {
                    String date = event.getOrDefault("date", LocalDate.now().toString());
                    String html = header + "<h1>Sales " + date + "</h1><p>for " + schedule.recipients() + "</p>";
                    // SDK: s3.PutObject Bucket=acme-reports Key=daily/*.html
                    S3.putObject(
                        r -> r.bucket("acme-reports").key("daily/" + date + ".html").contentType("text/html"),
                        RequestBody.fromString(html + password.length()));
                    return date;
                  }
                }
                """)
            .file(
                "com/acme/reporting/config/ReportSchedule.java",
                """
                package com.acme.reporting.config;

                import java.util.List;

                public record ReportSchedule(String name, List<String> recipients) {}
                """)
            .file(
                "com/acme/reporting/config/WarehouseCredentials.java",
                """
                package com.acme.reporting.config;

                import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

                /** The warehouse login, fetched once per container when the class is first used. */
                public final class WarehouseCredentials {
                  public static final String JDBC_URL = "jdbc:postgresql://warehouse.internal:5432/reports";
                  private static final String SECRET;

                  static {
                    try (SecretsManagerClient secrets = SecretsManagerClient.create()) {
                      // SDK: secretsmanager.GetSecretValue SecretId=reporting/warehouse
                      SECRET = secrets.getSecretValue(r -> r.secretId("reporting/warehouse")).secretString();
                    }
                  }

                  private WarehouseCredentials() {}

                  public static String password() {
                    return SECRET;
                  }
                }
                """)
            .file(
                "com/acme/reporting/legacy/LegacyExporter.java",
                """
                package com.acme.reporting.legacy;

                import java.util.List;
                import software.amazon.awssdk.services.s3.S3Client;
                import software.amazon.awssdk.services.s3.model.Bucket;

                /** The old CSV exporter; nothing loads this class any more. */
                public final class LegacyExporter {
                  private static final List<Bucket> BUCKETS;

                  static {
                    BUCKETS = S3Client.create().listBuckets().buckets();
                  }

                  private LegacyExporter() {}

                  public static int bucketCount() {
                    return BUCKETS.size();
                  }
                }
                """)
            .check();
    assertThat(analysis.findings()).isEmpty();
  }
}
