package dev.minrole.bench.generate;

import java.util.List;

/**
 * An app's {@code data} package, where the SDK calls are: a DynamoDB repository (request objects,
 * consumer builders, a paginator), an Enhanced Client table, an S3 store (presigner, waiter,
 * paginator), a Transfer Manager uploader, a notifier interface with three implementations,
 * Powertools parameters with Secrets Manager, and a Kinesis stream.
 */
final class DataFiles {
  private DataFiles() {}

  static void write(AppPlan plan, SourceTree tree, Filler filler) {
    String model = plan.pkg() + ".model.";
    String config = plan.pkg() + ".config.";
    plan.add(
        tree,
        filler,
        "data",
        "ItemRepository",
        ITEM_REPOSITORY,
        List.of(
            config + "AppConfig",
            model + "Item",
            "java.time.Instant",
            "java.util.HashMap",
            "java.util.List",
            "java.util.Map",
            "java.util.Optional",
            "java.util.stream.Collectors",
            "java.util.stream.Stream",
            "software.amazon.awssdk.services.dynamodb.DynamoDbClient",
            "software.amazon.awssdk.services.dynamodb.model.AttributeValue",
            "software.amazon.awssdk.services.dynamodb.model.GetItemRequest",
            "software.amazon.awssdk.services.dynamodb.model.GetItemResponse",
            "software.amazon.awssdk.services.dynamodb.model.PutItemRequest"));
    plan.add(
        tree,
        filler,
        "data",
        "ItemTable",
        ITEM_TABLE,
        List.of(
            config + "AppConfig",
            model + "ItemBean",
            "java.util.List",
            "java.util.Optional",
            "software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient",
            "software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable",
            "software.amazon.awssdk.enhanced.dynamodb.Key",
            "software.amazon.awssdk.enhanced.dynamodb.TableSchema",
            "software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional"));
    plan.add(
        tree,
        filler,
        "data",
        "DocumentStore",
        DOCUMENT_STORE,
        List.of(
            "java.time.Duration",
            "java.util.List",
            "software.amazon.awssdk.core.sync.RequestBody",
            "software.amazon.awssdk.services.s3.S3Client",
            "software.amazon.awssdk.services.s3.model.S3Object",
            "software.amazon.awssdk.services.s3.presigner.S3Presigner",
            "software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest"));
    plan.add(
        tree,
        filler,
        "data",
        "ArchiveUploader",
        ARCHIVE_UPLOADER,
        List.of(
            config + "AppConfig",
            "java.nio.file.Path",
            "software.amazon.awssdk.transfer.s3.S3TransferManager",
            "software.amazon.awssdk.transfer.s3.model.CompletedFileUpload",
            "software.amazon.awssdk.transfer.s3.model.UploadFileRequest"));
    plan.add(tree, filler, "data", "Notifier", NOTIFIER, List.of(model + "Item"));
    plan.add(
        tree,
        filler,
        "data",
        "SnsNotifier",
        SNS_NOTIFIER,
        List.of(
            model + "Item",
            "software.amazon.awssdk.services.sns.SnsClient",
            "software.amazon.awssdk.services.sns.model.MessageAttributeValue",
            "software.amazon.awssdk.services.sns.model.PublishRequest",
            "java.util.Map"));
    plan.add(
        tree,
        filler,
        "data",
        "SqsNotifier",
        SQS_NOTIFIER,
        List.of(model + "Item", "software.amazon.awssdk.services.sqs.SqsClient"));
    plan.add(
        tree,
        filler,
        "data",
        "EventBridgeNotifier",
        EVENTS_NOTIFIER,
        List.of(
            config + "AppConfig",
            model + "Item",
            "software.amazon.awssdk.services.eventbridge.EventBridgeClient",
            "software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry"));
    plan.add(
        tree,
        filler,
        "data",
        "SecretsConfig",
        SECRETS_CONFIG,
        List.of(
            config + "AppConfig",
            "software.amazon.awssdk.services.secretsmanager.SecretsManagerClient",
            "software.amazon.lambda.powertools.parameters.ParamManager",
            "software.amazon.lambda.powertools.parameters.SSMProvider"));
    plan.add(
        tree,
        filler,
        "data",
        "ClickStream",
        CLICK_STREAM,
        List.of(
            config + "AppConfig",
            "software.amazon.awssdk.core.SdkBytes",
            "software.amazon.awssdk.services.kinesis.KinesisClient",
            "software.amazon.awssdk.services.kinesis.model.PutRecordRequest",
            "software.amazon.awssdk.services.kinesis.model.PutRecordResponse"));
  }

  private static final String ITEM_REPOSITORY =
"""
/** {{title}} items in DynamoDB, keyed by id, with an index by customer. */
public final class ItemRepository {
  private final DynamoDbClient dynamo;
  private final String table;

  public ItemRepository(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  public Optional<Item> find(String id) {
    GetItemRequest request =
        GetItemRequest.builder().tableName(table).key(key({{h0}}(id))).consistentRead(true).build();
    GetItemResponse response = dynamo.getItem(request);
    return response.hasItem() ? Optional.of(toItem(response.item())) : Optional.empty();
  }

  public void save(Item item) {
    Map<String, AttributeValue> values = new HashMap<>(key(item.id()));
    values.put("customer", AttributeValue.fromS(item.customer()));
    values.put("amount", AttributeValue.fromN(Long.toString(item.amountCents())));
    values.put("status", AttributeValue.fromS(item.status()));
    dynamo.putItem(
        PutItemRequest.builder()
            .tableName(table)
            .item(values)
            .conditionExpression("attribute_not_exists(id)")
            .build());
  }

  public List<Item> byCustomer(String customer) {
    return dynamo
        .query(
            q ->
                q.tableName(table)
                    .indexName(AppConfig.CUSTOMER_INDEX)
                    .keyConditionExpression("customer = :c")
                    .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(customer))))
        .items()
        .stream()
        .map(ItemRepository::toItem)
        .collect(Collectors.toList());
  }

  public Stream<Item> scanAll() {
    return dynamo.scanPaginator(r -> r.tableName(table).limit(AppConfig.PAGE_SIZE)).items().stream()
        .map(ItemRepository::toItem);
  }

  public void purge(List<String> ids) {
    ids.forEach(id -> dynamo.deleteItem(r -> r.tableName(table).key(key(id))));
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("id", AttributeValue.fromS(id));
  }

  private static Item toItem(Map<String, AttributeValue> values) {
    return new Item(
        values.get("id").s(),
        values.getOrDefault("customer", AttributeValue.fromS("")).s(),
        Long.parseLong(values.getOrDefault("amount", AttributeValue.fromN("0")).n()),
        values.getOrDefault("status", AttributeValue.fromS({{openStatus}})).s(),
        Instant.EPOCH);
  }
{{helpers}}}
""";

  private static final String ITEM_TABLE =
"""
/** The items table through the Enhanced Client. */
public final class ItemTable {
  private static final TableSchema<ItemBean> SCHEMA = TableSchema.fromBean(ItemBean.class);
  private final DynamoDbTable<ItemBean> table;

  public ItemTable(DynamoDbEnhancedClient enhanced) {
    this.table = enhanced.table(AppConfig.itemsTable(), SCHEMA);
  }

  public Optional<ItemBean> load(String id) {
    return Optional.ofNullable(table.getItem(Key.builder().partitionValue({{h1}}(id)).build()));
  }

  public void store(ItemBean bean) {
    table.putItem(bean);
  }

  public List<ItemBean> recent(String customer) {
    return table
        .index(AppConfig.CUSTOMER_INDEX)
        .query(QueryConditional.keyEqualTo(k -> k.partitionValue(customer)))
        .stream()
        .flatMap(page -> page.items().stream())
        .limit(AppConfig.PAGE_SIZE)
        .toList();
  }
{{helpers}}}
""";

  private static final String DOCUMENT_STORE =
"""
/** Documents of {{domain}} items, as JSON under documents/ in one bucket. */
public final class DocumentStore {
  private static final String PREFIX = "documents/";
  private final S3Client s3;
  private final S3Presigner presigner;
  private final String bucket;

  public DocumentStore(S3Client s3, S3Presigner presigner, String bucket) {
    this.s3 = s3;
    this.presigner = presigner;
    this.bucket = bucket;
  }

  public void put(String id, String json) {
    s3.putObject(
        r -> r.bucket(bucket).key(PREFIX + {{h0}}(id) + ".json").contentType("application/json"),
        RequestBody.fromString(json));
  }

  public String get(String id) {
    return s3.getObjectAsBytes(r -> r.bucket(bucket).key(PREFIX + id + ".json")).asUtf8String();
  }

  public List<String> list(String day) {
    return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(PREFIX + day + "/")).contents().stream()
        .map(S3Object::key)
        .sorted()
        .toList();
  }

  public String presignedUrl(String id) {
    GetObjectPresignRequest request =
        GetObjectPresignRequest.builder()
            .signatureDuration(Duration.ofMinutes(15))
            .getObjectRequest(g -> g.bucket(bucket).key(PREFIX + id + ".json"))
            .build();
    return presigner.presignGetObject(request).url().toString();
  }

  public void awaitMarker(String day) {
    s3.waiter().waitUntilObjectExists(r -> r.bucket(bucket).key(PREFIX + day + "/_SUCCESS"));
  }
{{helpers}}}
""";

  private static final String ARCHIVE_UPLOADER =
"""
/** Uploads the nightly export to the archive bucket with the Transfer Manager. */
public final class ArchiveUploader {
  private final S3TransferManager transfers;

  public ArchiveUploader(S3TransferManager transfers) {
    this.transfers = transfers;
  }

  public String upload(Path export, String day) {
    UploadFileRequest request =
        UploadFileRequest.builder()
            .putObjectRequest(p -> p.bucket(AppConfig.ARCHIVE_BUCKET).key("exports/" + day + ".ndjson"))
            .source(export)
            .build();
    CompletedFileUpload done = transfers.uploadFile(request).completionFuture().join();
    return done.response().eTag();
  }
{{helpers}}}
""";

  private static final String NOTIFIER =
      """
      /** Tells other systems that an item changed. */
      public interface Notifier {
        void itemCreated(Item item);

        default void itemsCreated(Iterable<Item> items) {
          for (Item item : items) {
            itemCreated(item);
          }
        }
      }
      """;

  private static final String SNS_NOTIFIER =
"""
/** Publishes item events to an SNS topic. */
public final class SnsNotifier implements Notifier {
  private final SnsClient sns;
  private final String topicArn;

  public SnsNotifier(SnsClient sns, String topicArn) {
    this.sns = sns;
    this.topicArn = topicArn;
  }

  @Override
  public void itemCreated(Item item) {
    PublishRequest request =
        PublishRequest.builder()
            .topicArn(topicArn)
            .message(item.toJson())
            .messageAttributes(
                Map.of("customer", MessageAttributeValue.builder().dataType("String").stringValue({{h1}}(item.customer())).build()))
            .build();
    sns.publish(request);
  }
{{helpers}}}
""";

  private static final String SQS_NOTIFIER =
"""
/** Queues item events for the worker. */
public final class SqsNotifier implements Notifier {
  private final SqsClient sqs;
  private final String queueUrl;

  public SqsNotifier(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  public void itemCreated(Item item) {
    send(item.toJson(), {{h0}}(item.id()));
  }

  public String send(String body, String group) {
    return sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body).delaySeconds(group.isEmpty() ? 0 : 1))
        .messageId();
  }
{{helpers}}}
""";

  private static final String EVENTS_NOTIFIER =
      """
      /** Puts item events on the app's event bus. */
      public final class EventBridgeNotifier implements Notifier {
        private final EventBridgeClient events = EventBridgeClient.create();

        @Override
        public void itemCreated(Item item) {
          PutEventsRequestEntry entry =
              PutEventsRequestEntry.builder()
                  .eventBusName(AppConfig.EVENT_BUS)
                  .source("acme." + AppConfig.APP)
                  .detailType("ItemCreated")
                  .detail({{h1}}(item.toJson()))
                  .build();
          events.putEvents(r -> r.entries(entry));
        }
      {{helpers}}}
      """;

  private static final String SECRETS_CONFIG =
      """
      /** Settings that live in Parameter Store and Secrets Manager. */
      public final class SecretsConfig {
        private final SSMProvider parameters = ParamManager.getSsmProvider();
        private final SecretsManagerClient secrets;

        public SecretsConfig(SecretsManagerClient secrets) {
          this.secrets = secrets;
        }

        public String exportEndpoint() {
          return parameters.withDecryption().get(AppConfig.PARAMETER_PREFIX + "export-endpoint");
        }

        public String apiKey() {
          return secrets.getSecretValue(r -> r.secretId(AppConfig.apiKeySecret())).secretString();
        }
      {{helpers}}}
      """;

  private static final String CLICK_STREAM =
      """
      /** Click events on the app's Kinesis stream. */
      public final class ClickStream {
        private final KinesisClient kinesis;

        public ClickStream(KinesisClient kinesis) {
          this.kinesis = kinesis;
        }

        public String record(String customer, String json) {
          PutRecordRequest request =
              PutRecordRequest.builder()
                  .streamName(AppConfig.CLICK_STREAM)
                  .partitionKey({{h0}}(customer))
                  .data(SdkBytes.fromUtf8String(json))
                  .build();
          PutRecordResponse response = kinesis.putRecord(request);
          return response.sequenceNumber();
        }
      {{helpers}}}
      """;
}
