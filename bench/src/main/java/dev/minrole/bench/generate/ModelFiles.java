package dev.minrole.bench.generate;

import java.util.List;

/**
 * An app's {@code model} package: immutable records for requests, results and items, and a mutable
 * {@code @DynamoDbBean} for the Enhanced Client.
 */
final class ModelFiles {
  private ModelFiles() {}

  static void write(AppPlan plan, SourceTree tree, Filler filler) {
    plan.add(
        tree, filler, "model", "Item", ITEM, List.of("java.time.Instant", "java.util.Objects"));
    plan.add(
        tree,
        filler,
        "model",
        "ItemBean",
        ITEM_BEAN,
        List.of(
            "software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute",
            "software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean",
            "software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey",
            "software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey"));
    plan.add(
        tree,
        filler,
        "model",
        "IngestRequest",
        INGEST_REQUEST,
        List.of("java.time.Instant", "java.util.List", "java.util.Map"));
    plan.add(tree, filler, "model", "QueryRequest", QUERY_REQUEST, List.of("java.util.Map"));
    plan.add(tree, filler, "model", "QueryResult", QUERY_RESULT, List.of("java.util.List"));
  }

  private static final String ITEM =
"""
/** One {{domain}} item as the items table stores it. */
public record Item(String id, String customer, long amountCents, String status, Instant createdAt) {
  public static final String OPEN = "OPEN";
  public static final String CLOSED = "CLOSED";

  public Item {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(customer, "customer");
    if (amountCents < 0) {
      throw new IllegalArgumentException("negative amount for " + id);
    }
    status = status == null ? OPEN : status;
  }

  public Item withStatus(String next) {
    return new Item(id, customer, amountCents, next, createdAt);
  }

  public boolean isOpen() {
    return !CLOSED.equals(status);
  }

  public String toJson() {
    return "{\\"id\\":\\"" + id + "\\",\\"customer\\":\\"" + customer + "\\",\\"amount\\":" + amountCents
        + ",\\"status\\":\\"" + status + "\\"}";
  }
{{helpers}}}
""";

  private static final String ITEM_BEAN =
      """
      /** The Enhanced Client view of an item: a bean with a version for optimistic locking. */
      @DynamoDbBean
      public class ItemBean {
        private String id;
        private String customer;
        private Long amountCents;
        private Long version;

        @DynamoDbPartitionKey
        public String getId() {
          return id;
        }

        public void setId(String id) {
          this.id = id;
        }

        @DynamoDbSecondaryPartitionKey(indexNames = "byCustomer")
        public String getCustomer() {
          return customer;
        }

        public void setCustomer(String customer) {
          this.customer = customer;
        }

        public Long getAmountCents() {
          return amountCents;
        }

        public void setAmountCents(Long amountCents) {
          this.amountCents = amountCents;
        }

        @DynamoDbVersionAttribute
        public Long getVersion() {
          return version;
        }

        public void setVersion(Long version) {
          this.version = version;
        }

        public static ItemBean of(Item item) {
          ItemBean bean = new ItemBean();
          bean.setId(item.id());
          bean.setCustomer(item.customer());
          bean.setAmountCents(item.amountCents());
          return bean;
        }
      {{helpers}}}
      """;

  private static final String INGEST_REQUEST =
"""
/** What the ingest function receives: one item and the lines of its document. */
public record IngestRequest(String id, String customer, long amountCents, List<String> lines) {
  public IngestRequest {
    lines = List.copyOf(lines);
  }

  @SuppressWarnings("unchecked")
  public static IngestRequest from(Map<String, Object> input) {
    Object rawLines = input.getOrDefault("lines", List.of());
    List<String> lines = rawLines instanceof List<?> list ? (List<String>) list : List.of();
    return new IngestRequest(
        String.valueOf(input.get("id")),
        String.valueOf(input.getOrDefault("customer", "anonymous")),
        Long.parseLong(String.valueOf(input.getOrDefault("amount", "0"))),
        lines);
  }

  public Item toItem(Instant now) {
    return new Item(id, customer, amountCents, {{openStatus}}, now);
  }

  public String document() {
    return String.join("\\n", lines);
  }
{{helpers}}}
""";

  private static final String QUERY_REQUEST =
"""
/** A lookup: one item by id, and the customer's other items. */
public record QueryRequest(String id, String customer, boolean withDocument) {
  public static QueryRequest from(Map<String, String> query) {
    return new QueryRequest(
        query.get("id"), query.getOrDefault("customer", ""), Boolean.parseBoolean(query.get("document")));
  }
{{helpers}}}
""";

  private static final String QUERY_RESULT =
      """
      /** The answer to a lookup. */
      public record QueryResult(ItemBean item, List<Item> related, String documentUrl) {
        public QueryResult {
          related = List.copyOf(related);
        }

        public static QueryResult empty() {
          return new QueryResult(null, List.of(), null);
        }

        public boolean found() {
          return item != null;
        }
      {{helpers}}}
      """;
}
