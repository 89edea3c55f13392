package dev.minrole.bench.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An app's {@code handler} package, four functions, and what each must be found to call: an ingest
 * handler wired in its constructor, a query handler that inherits {@code handleRequest} (wired by a
 * Dagger-style component in some apps), a nightly job that creates its service lazily, and a
 * webhook handler that calls through an anonymous class.
 */
final class HandlerFiles {
  private HandlerFiles() {}

  private static final List<String> TRANSFER_UPLOAD =
      List.of(
          "s3.PutObject",
          "s3.CreateMultipartUpload",
          "s3.UploadPart",
          "s3.CompleteMultipartUpload",
          "s3.AbortMultipartUpload");

  static void write(AppPlan plan, SourceTree tree, Filler filler) {
    String handlers = plan.pkg() + ".handler.";
    String data = plan.pkg() + ".data.";
    String config = plan.pkg() + ".config.";
    String service = plan.pkg() + ".service.";
    String model = plan.pkg() + ".model.";
    List<String> runtime =
        List.of(
            "com.amazonaws.services.lambda.runtime.Context",
            "com.amazonaws.services.lambda.runtime.RequestHandler");

    List<String> ingestImports = new ArrayList<>(runtime);
    ingestImports.addAll(
        List.of(
            CommonLibrary.PKG + ".Clock",
            config + "AppClients",
            config + "AppConfig",
            data + "DocumentStore",
            data + "ItemRepository",
            data + "Notifier",
            data + plan.notifier().className,
            model + "IngestRequest",
            service + "IngestService",
            plan.pkg() + ".util.Batches",
            "java.util.List",
            "java.util.Map",
            "software.amazon.awssdk.services.dynamodb.DynamoDbClient"));
    String notifierCreation;
    switch (plan.notifier()) {
      case SNS:
        ingestImports.add("software.amazon.awssdk.services.sns.SnsClient");
        notifierCreation = "new SnsNotifier(SnsClient.create(), AppConfig.TOPIC_ARN)";
        break;
      case SQS:
        ingestImports.add("software.amazon.awssdk.services.sqs.SqsClient");
        notifierCreation = "new SqsNotifier(SqsClient.builder().build(), AppConfig.QUEUE_URL)";
        break;
      default:
        notifierCreation = "new EventBridgeNotifier()";
    }
    plan.add(
        tree,
        filler,
        "handler",
        "IngestHandler",
        INGEST_HANDLER,
        ingestImports,
        Map.of("notifierCreation", notifierCreation));
    tree.expect(
        handlers + "IngestHandler::handleRequest",
        plan.dir(),
        List.of("dynamodb.GetItem", "dynamodb.PutItem", "s3.PutObject", plan.notifier().operation));

    List<String> queryImports =
        new ArrayList<>(
            List.of(
                CommonLibrary.PKG + ".BaseHandler",
                model + "QueryRequest",
                model + "QueryResult",
                service + "QueryService",
                "java.util.Map"));
    String wiring;
    if (plan.injected()) {
      if (!plan.daggerPackage().equals("handler")) {
        queryImports.add(plan.pkg() + "." + plan.daggerPackage() + ".DaggerAppComponent");
      }
      wiring = "DaggerAppComponent.create().queryService()";
      DiFiles.write(plan, tree, filler);
    } else {
      queryImports.addAll(
          List.of(
              config + "AppClients",
              config + "AppConfig",
              data + "DocumentStore",
              data + "ItemRepository",
              data + "ItemTable"));
      wiring =
          "new QueryService(\n"
              + "          new ItemTable(AppClients.enhanced()),\n"
              + "          new ItemRepository(AppClients.dynamo(), AppConfig.itemsTable()),\n"
              + "          new DocumentStore(AppClients.S3, AppClients.presigner(),"
              + " AppConfig.DOCUMENT_BUCKET))";
    }
    plan.add(
        tree,
        filler,
        "handler",
        "QueryHandler",
        QUERY_HANDLER,
        queryImports,
        Map.of("wiring", wiring));
    tree.expect(
        handlers + "QueryHandler::handleRequest",
        plan.dir(),
        List.of("dynamodb.GetItem", "dynamodb.Query", "s3.GetObject"));

    List<String> jobImports = new ArrayList<>(runtime);
    jobImports.addAll(
        List.of(
            config + "AppClients",
            config + "AppConfig",
            data + "ArchiveUploader",
            data + "DocumentStore",
            data + "ItemRepository",
            data + "ItemTable",
            data + "SecretsConfig",
            service + "HousekeepingService",
            "java.time.LocalDate",
            "java.time.ZoneOffset",
            "java.util.Map",
            "software.amazon.awssdk.services.dynamodb.DynamoDbClient",
            "software.amazon.awssdk.services.secretsmanager.SecretsManagerClient"));
    plan.add(tree, filler, "handler", "NightlyJobHandler", NIGHTLY_JOB_HANDLER, jobImports);
    List<String> jobOps =
        new ArrayList<>(
            List.of(
                "s3.HeadObject",
                "s3.ListObjectsV2",
                "dynamodb.Scan",
                "dynamodb.PutItem",
                "ssm.GetParameter"));
    jobOps.addAll(TRANSFER_UPLOAD);
    tree.expect(handlers + "NightlyJobHandler::handleRequest", plan.dir(), jobOps);

    List<String> webhookImports =
        new ArrayList<>(
            List.of(
                "com.amazonaws.services.lambda.runtime.Context",
                "com.amazonaws.services.lambda.runtime.RequestHandler",
                "com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent",
                "com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent",
                CommonLibrary.PKG + ".Json",
                CommonLibrary.PKG + ".Retry",
                data + "SecretsConfig",
                "java.util.concurrent.Callable",
                "software.amazon.awssdk.services.secretsmanager.SecretsManagerClient"));
    Map<String, String> sink;
    String sinkOperation;
    if (plan.kinesisWebhook()) {
      webhookImports.addAll(
          List.of(data + "ClickStream", "software.amazon.awssdk.services.kinesis.KinesisClient"));
      sink =
          Map.of(
              "sinkType", "ClickStream",
              "sinkCreation", "new ClickStream(KinesisClient.create())",
              "sinkCall", "sink.record(customer, body)");
      sinkOperation = "kinesis.PutRecord";
    } else {
      webhookImports.addAll(
          List.of(
              config + "AppConfig",
              data + "SqsNotifier",
              "software.amazon.awssdk.services.sqs.SqsClient"));
      sink =
          Map.of(
              "sinkType", "SqsNotifier",
              "sinkCreation", "new SqsNotifier(SqsClient.create(), AppConfig.QUEUE_URL)",
              "sinkCall", "sink.send(body, customer)");
      sinkOperation = "sqs.SendMessage";
    }
    plan.add(tree, filler, "handler", "WebhookHandler", WEBHOOK_HANDLER, webhookImports, sink);
    tree.expect(
        handlers + "WebhookHandler::handleRequest",
        plan.dir(),
        List.of("secretsmanager.GetSecretValue", sinkOperation));
  }

  private static final String INGEST_HANDLER =
"""
/** Accepts new {{domain}} items, one at a time or in batches. */
public class IngestHandler implements RequestHandler<Map<String, Object>, String> {
  private static final DynamoDbClient DYNAMO = AppClients.dynamo();
  private static final int BATCH = 25;

  private final IngestService service;

  public IngestHandler() {
    this(
        new IngestService(
            new ItemRepository(DYNAMO, AppConfig.itemsTable()),
            new DocumentStore(AppClients.S3, AppClients.presigner(), AppConfig.DOCUMENT_BUCKET),
            notifier(),
            Clock.system()));
  }

  IngestHandler(IngestService service) {
    this.service = service;
  }

  private static Notifier notifier() {
    return {{notifierCreation}};
  }

  @Override
  @SuppressWarnings("unchecked")
  public String handleRequest(Map<String, Object> input, Context context) {
    Object batch = input.get("batch");
    if (batch instanceof List<?> list) {
      StringBuilder ids = new StringBuilder();
      for (List<Map<String, Object>> chunk : Batches.of((List<Map<String, Object>>) list, BATCH)) {
        List<IngestRequest> requests = chunk.stream().map(IngestRequest::from).toList();
        ids.append(String.join(",", service.ingestAll(requests)));
      }
      return {{h0}}(ids.toString());
    }
    return service.ingest(IngestRequest.from(input));
  }
{{helpers}}}
""";

  private static final String QUERY_HANDLER =
      """
      /** Answers item lookups; the base class provides handleRequest. */
      public class QueryHandler extends BaseHandler<Map<String, String>, QueryResult> {
        private final QueryService service =
            {{wiring}};

        @Override
        protected QueryResult process(Map<String, String> query) {
          QueryRequest request = QueryRequest.from(query);
          if (request.id() == null || {{h1}}(request.id()).isEmpty()) {
            return QueryResult.empty();
          }
          return service.query(request);
        }
      {{helpers}}}
      """;

  private static final String NIGHTLY_JOB_HANDLER =
"""
/** The nightly housekeeping job, scheduled by EventBridge. */
public class NightlyJobHandler implements RequestHandler<Map<String, Object>, String> {
  private HousekeepingService service;

  @Override
  public String handleRequest(Map<String, Object> event, Context context) {
    if (service == null) {
      service = create();
    }
    String day = String.valueOf(event.getOrDefault("day", LocalDate.now(ZoneOffset.UTC).toString()));
    HousekeepingService.Report report = service.run({{h0}}(day));
    return report.day() + ": " + report.documents() + " documents, " + report.byStatus();
  }

  private static HousekeepingService create() {
    DynamoDbClient dynamo = AppClients.dynamo();
    ItemRepository items = new ItemRepository(dynamo, AppConfig.itemsTable());
    ItemTable table = new ItemTable(AppClients.enhanced());
    DocumentStore documents =
        new DocumentStore(AppClients.S3, AppClients.presigner(), AppConfig.DOCUMENT_BUCKET);
    return new HousekeepingService(
        items,
        table,
        documents,
        new ArchiveUploader(AppClients.transfers()),
        new SecretsConfig(SecretsManagerClient.create()));
  }
{{helpers}}}
""";

  private static final String WEBHOOK_HANDLER =
"""
/** Receives partner webhooks, checks their API key and forwards the body. */
public class WebhookHandler
    implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  private final SecretsConfig settings = new SecretsConfig(SecretsManagerClient.create());
  private final {{sinkType}} sink = {{sinkCreation}};
  private String apiKey;

  @Override
  public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    if (apiKey == null) {
      apiKey = settings.apiKey();
    }
    String presented = event.getHeaders() == null ? "" : event.getHeaders().getOrDefault("x-api-key", "");
    if (!apiKey.equals(presented)) {
      return new APIGatewayProxyResponseEvent().withStatusCode(403);
    }
    String body = event.getBody();
    String customer = {{h0}}(String.valueOf(event.getPathParameters().get("customer")));
    String result =
        Retry.call(
            new Callable<String>() {
              @Override
              public String call() {
                return {{sinkCall}};
              }
            });
    return new APIGatewayProxyResponseEvent().withStatusCode(202).withBody(Json.field("result", result));
  }
{{helpers}}}
""";
}
