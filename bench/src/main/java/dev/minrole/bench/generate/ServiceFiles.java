package dev.minrole.bench.generate;

import java.util.List;
import java.util.Map;

/**
 * An app's {@code service} package: the business logic between handlers and data classes, with
 * streams, method references and lambdas, and a maintenance class that no handler reaches (its SDK
 * calls, one of them in an anonymous class, must not appear in any policy).
 */
final class ServiceFiles {
  private ServiceFiles() {}

  static void write(AppPlan plan, SourceTree tree, Filler filler) {
    String data = plan.pkg() + ".data.";
    String model = plan.pkg() + ".model.";
    String config = plan.pkg() + ".config.";
    plan.add(
        tree,
        filler,
        "service",
        "IngestService",
        INGEST_SERVICE,
        List.of(
            CommonLibrary.PKG + ".Clock",
            data + "DocumentStore",
            data + "ItemRepository",
            data + "Notifier",
            model + "IngestRequest",
            model + "Item",
            plan.pkg() + ".util.Validation",
            "java.util.List",
            "java.util.stream.Collectors"));
    plan.add(
        tree,
        filler,
        "service",
        "QueryService",
        QUERY_SERVICE,
        imports(
            plan.injected(),
            List.of(
                data + "DocumentStore",
                data + "ItemRepository",
                data + "ItemTable",
                model + "Item",
                model + "ItemBean",
                model + "QueryRequest",
                model + "QueryResult",
                "java.util.List",
                "java.util.Optional")),
        Map.of("inject", plan.injected() ? "@Inject\n  " : ""));
    plan.add(
        tree,
        filler,
        "service",
        "HousekeepingService",
        HOUSEKEEPING_SERVICE,
        List.of(
            data + "ArchiveUploader",
            data + "DocumentStore",
            data + "ItemRepository",
            data + "ItemTable",
            data + "SecretsConfig",
            model + "Item",
            model + "ItemBean",
            "java.io.IOException",
            "java.io.UncheckedIOException",
            "java.nio.file.Files",
            "java.nio.file.Path",
            "java.util.ArrayList",
            "java.util.List",
            "java.util.Map",
            "java.util.TreeMap",
            "java.util.stream.Collectors"));
    plan.add(
        tree,
        filler,
        "service",
        "Maintenance",
        MAINTENANCE,
        List.of(
            config + "AppClients",
            config + "AppConfig",
            data + "ItemRepository",
            data + "Notifier",
            model + "Item",
            "java.util.List",
            "software.amazon.awssdk.services.dynamodb.DynamoDbClient"));
  }

  private static List<String> imports(boolean injected, List<String> base) {
    if (!injected) {
      return base;
    }
    List<String> all = new java.util.ArrayList<>(base);
    all.add("javax.inject.Inject");
    return all;
  }

  private static final String INGEST_SERVICE =
"""
/** Stores a new item and its document, then tells the other systems. */
public final class IngestService {
  private final ItemRepository items;
  private final DocumentStore documents;
  private final Notifier notifier;
  private final Clock clock;

  public IngestService(ItemRepository items, DocumentStore documents, Notifier notifier, Clock clock) {
    this.items = items;
    this.documents = documents;
    this.notifier = notifier;
    this.clock = clock;
  }

  public String ingest(IngestRequest request) {
    Validation.requireId(request.id());
    Item item = request.toItem(clock.now());
    if (items.find(item.id()).isPresent()) {
      return "duplicate:" + item.id();
    }
    items.save(item);
    documents.put(item.id(), request.document());
    notifier.itemCreated(item);
    return {{h0}}(item.id());
  }

  public List<String> ingestAll(List<IngestRequest> requests) {
    return requests.stream()
        .filter(r -> !r.lines().isEmpty())
        .map(this::ingest)
        .collect(Collectors.toList());
  }
{{helpers}}}
""";

  private static final String QUERY_SERVICE =
"""
/** Looks an item up, with the customer's other items and a link to its document. */
public final class QueryService {
  private final ItemTable table;
  private final ItemRepository items;
  private final DocumentStore documents;

  {{inject}}public QueryService(ItemTable table, ItemRepository items, DocumentStore documents) {
    this.table = table;
    this.items = items;
    this.documents = documents;
  }

  public QueryResult query(QueryRequest request) {
    Optional<ItemBean> item = table.load(request.id());
    if (item.isEmpty()) {
      return QueryResult.empty();
    }
    List<Item> related =
        request.customer().isEmpty() ? List.of() : items.byCustomer({{h1}}(request.customer()));
    String url = request.withDocument() ? documents.presignedUrl(request.id()) : null;
    return new QueryResult(item.get(), related, url);
  }
{{helpers}}}
""";

  private static final String HOUSEKEEPING_SERVICE =
"""
/** The nightly job: counts open items, copies large ones, and archives the day's documents. */
public final class HousekeepingService {
  private static final long LARGE_CENTS = 100_000L;

  private final ItemRepository items;
  private final ItemTable table;
  private final DocumentStore documents;
  private final ArchiveUploader archive;
  private final SecretsConfig settings;

  public HousekeepingService(
      ItemRepository items,
      ItemTable table,
      DocumentStore documents,
      ArchiveUploader archive,
      SecretsConfig settings) {
    this.items = items;
    this.table = table;
    this.documents = documents;
    this.archive = archive;
    this.settings = settings;
  }

  /** What one run did. */
  public record Report(String day, int documents, Map<String, Long> byStatus, String etag, String endpoint) {}

  public Report run(String day) {
    documents.awaitMarker(day);
    List<String> keys = documents.list(day);
    Map<String, Long> byStatus =
        items.scanAll()
            .filter(Item::isOpen)
            .collect(Collectors.groupingBy(Item::status, TreeMap::new, Collectors.counting()));
    items.scanAll().filter(i -> i.amountCents() > LARGE_CENTS).map(ItemBean::of).forEach(table::store);
    Path export = export(keys, byStatus);
    String etag = archive.upload(export, day);
    return new Report(day, keys.size(), byStatus, etag, settings.exportEndpoint());
  }

  private static Path export(List<String> keys, Map<String, Long> byStatus) {
    List<String> lines = new ArrayList<>(keys);
    byStatus.forEach((status, count) -> lines.add(status + "=" + count));
    try {
      Path file = Files.createTempFile("export", ".ndjson");
      return Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
{{helpers}}}
""";

  private static final String MAINTENANCE =
"""
/**
 * Operator tasks run by hand from a workstation, never by a function: they must not widen any
 * function's role.
 */
public final class Maintenance {
  static final Notifier DELETE_ON_CREATE =
      new Notifier() {
        @Override
        public void itemCreated(Item item) {
          AppClients.S3.deleteObject(r -> r.bucket(AppConfig.DOCUMENT_BUCKET).key("documents/" + item.id()));
        }
      };

  private final DynamoDbClient dynamo = DynamoDbClient.create();
  private final ItemRepository items = new ItemRepository(dynamo, AppConfig.itemsTable());

  public void purgeClosed(List<String> ids) {
    items.purge(ids);
  }

  public void dropTable() {
    dynamo.deleteTable(r -> r.tableName(AppConfig.itemsTable()));
  }

  public void emptyBucket(List<String> keys) {
    keys.forEach(key -> AppClients.S3.deleteObject(r -> r.bucket(AppConfig.DOCUMENT_BUCKET).key({{h0}}(key))));
  }
{{helpers}}}
""";
}
