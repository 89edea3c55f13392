package dev.minrole.analyzer.java;

import dev.minrole.analyzer.model.ArgValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the requests of SDK utilities into the service requests they send: an enhanced-client batch
 * or transaction into {@code RequestItems} or {@code TransactItems} naming each table, a Transfer
 * Manager directory transfer into object requests under the directory's prefix. The result uses the
 * service model's setter names, so {@link RequestArgs} can map it like any request built in code.
 */
final class UtilityRequests {
  private static final String TABLE = "TableName";

  private UtilityRequests() {}

  static List<Value> convert(String kind, String operation, List<Value> requests) {
    List<Value> out = new ArrayList<>();
    for (Value request : requests) {
      if (!(request instanceof Value.Obj obj)) {
        out.add(request);
        continue;
      }
      out.add(
          switch (kind) {
            case "enhancedBatchWrite" -> batch(obj, "addWriteBatch", "writeBatches", true);
            case "enhancedBatchGet" -> batch(obj, "addReadBatch", "readBatches", false);
            case "enhancedTransactWrite" -> transactWrite(obj);
            case "enhancedTransactGet" -> transactGet(obj);
            case "directoryUpload" -> directory(obj, true);
            case "directoryDownload" -> directory(obj, !"ListObjectsV2".equals(operation));
            default -> throw new IllegalArgumentException("unknown utility request kind " + kind);
          });
    }
    return out;
  }

  /**
   * {@code addWriteBatch(WriteBatch.builder(T).mappedTableResource(table).addPutItem(i))}: one map
   * entry per batch.
   */
  private static Value batch(Value.Obj request, String adder, String setter, boolean writes) {
    List<Value> batches = new ArrayList<>(request.props().getOrDefault(adder, List.of()));
    batches.addAll(Values.elements(request.props().getOrDefault(setter, List.of())));
    List<Value.Entry> entries = new ArrayList<>();
    for (Value batch : batches) {
      if (!(batch instanceof Value.Obj b)) {
        entries.add(new Value.Entry(List.of(batch), List.of(Value.opaque("batch"))));
        continue;
      }
      List<Value> tables = tableNames(b.props().getOrDefault("mappedTableResource", List.of()));
      List<Value> items = new ArrayList<>();
      if (writes) {
        b.props()
            .getOrDefault("addPutItem", List.of())
            .forEach(i -> items.add(writeRequest("putRequest")));
        b.props()
            .getOrDefault("addDeleteItem", List.of())
            .forEach(i -> items.add(writeRequest("deleteRequest")));
      } else {
        items.add(Value.Obj.untyped().with("keys", List.of(Value.opaque("keys"))));
      }
      entries.add(new Value.Entry(tables, List.of(writes ? new Value.Seq(items) : items.get(0))));
    }
    return Value.Obj.empty(request.type())
        .with("requestItems", List.of(new Value.Entries(entries)));
  }

  private static Value writeRequest(String kind) {
    return Value.Obj.untyped()
        .with(kind, List.of(Value.Obj.untyped().with("item", List.of(Value.opaque("item")))));
  }

  /**
   * {@code addPutItem(table, item)}, {@code addUpdateItem}, {@code addDeleteItem}, {@code
   * addConditionCheck}.
   */
  private static Value transactWrite(Value.Obj request) {
    List<Value> items = new ArrayList<>();
    for (Map.Entry<String, String> kind :
        List.of(
            Map.entry("addPutItem", "put"),
            Map.entry("addUpdateItem", "update"),
            Map.entry("addDeleteItem", "delete"),
            Map.entry("addConditionCheck", "conditionCheck"))) {
      for (Value call : request.props().getOrDefault(kind.getKey(), List.of())) {
        items.add(transactItem(kind.getValue(), call));
      }
    }
    return Value.Obj.empty(request.type()).with("transactItems", List.of(new Value.Seq(items)));
  }

  private static Value transactGet(Value.Obj request) {
    List<Value> items = new ArrayList<>();
    for (Value call : request.props().getOrDefault("addGetItem", List.of())) {
      items.add(transactItem("get", call));
    }
    return Value.Obj.empty(request.type()).with("transactItems", List.of(new Value.Seq(items)));
  }

  /** One transaction item: the table is the first argument of the {@code add...} call. */
  private static Value transactItem(String kind, Value call) {
    Value table =
        call instanceof Value.Seq args && !args.elements().isEmpty()
            ? args.elements().get(0)
            : call;
    Value.Obj inner = Value.Obj.untyped().with("tableName", tableNames(List.of(table)));
    return Value.Obj.untyped().with(kind, List.of(inner));
  }

  /** The {@code TableName} of each table handle, or unknown for what is not a handle. */
  static List<Value> tableNames(List<Value> handles) {
    List<Value> names = new ArrayList<>();
    for (Value h : handles) {
      if (h instanceof Value.Obj obj && obj.props().containsKey(TABLE)) {
        names.addAll(obj.props().get(TABLE));
      } else {
        names.add(Value.opaque("a table the analyzer cannot follow"));
      }
    }
    return names.isEmpty() ? List.of(Value.opaque("no table")) : names;
  }

  /**
   * A directory transfer: the bucket, and keys under the request's prefix ({@code s3Prefix} for
   * uploads); a listing has the bucket only.
   */
  private static Value directory(Value.Obj request, boolean objects) {
    Value.Obj out =
        Value.Obj.untyped().with("bucket", request.props().getOrDefault("bucket", List.of()));
    if (!objects) {
      return out;
    }
    List<Value> keys = new ArrayList<>();
    for (Value prefix : request.props().getOrDefault("s3Prefix", List.of(Value.str("")))) {
      keys.add(
          new Value.Str(
              ArgValue.concat(
                  List.of(Values.toArg(prefix), ArgValue.unknown("a file of the directory")))));
    }
    return out.with("key", keys);
  }
}
