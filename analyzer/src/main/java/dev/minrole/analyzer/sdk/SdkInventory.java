package dev.minrole.analyzer.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.minrole.analyzer.data.DataFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the analyzer knows about the AWS SDK for Java v2: every service client, its package and
 * operations. The index is read once; a service's operations are read the first time the code under
 * analysis uses that service.
 *
 * <p>The data is derived from the SDK artifacts by {@code scripts/refresh-iam-data}.
 */
public final class SdkInventory {
  private static final String ROOT = "/dev/minrole/analyzer/sdk/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static volatile SdkInventory bundled;

  private final String sdkVersion;
  private final Map<String, IndexEntry> byClientFqn = new HashMap<>();
  private final Map<String, List<IndexEntry>> byPackage = new HashMap<>();
  private final Map<String, SdkService> loaded = new ConcurrentHashMap<>();
  private final ServiceSource source;

  /** Reads one service's detail file by its file name. */
  @FunctionalInterface
  interface ServiceSource {
    JsonNode read(String file) throws IOException;
  }

  private record IndexEntry(
      String artifact,
      String file,
      String packageName,
      String serviceName,
      String syncClient,
      String asyncClient) {}

  SdkInventory(JsonNode index, ServiceSource source) {
    this.source = source;
    this.sdkVersion = index.path("sdkVersion").asText("");
    for (JsonNode node : index.path("services")) {
      IndexEntry entry =
          new IndexEntry(
              node.path("artifact").asText(),
              node.path("file").asText("services/" + node.path("artifact").asText() + ".json"),
              node.path("package").asText(),
              node.path("serviceName").asText(),
              node.path("syncClient").asText(),
              node.path("asyncClient").asText(""));
      byClientFqn.put(entry.packageName() + "." + entry.syncClient(), entry);
      if (!entry.asyncClient().isEmpty()) {
        byClientFqn.put(entry.packageName() + "." + entry.asyncClient(), entry);
      }
      byPackage.computeIfAbsent(entry.packageName(), p -> new ArrayList<>()).add(entry);
    }
  }

  /** The inventory shipped with minrole. */
  public static SdkInventory bundled() {
    SdkInventory result = bundled;
    if (result == null) {
      synchronized (SdkInventory.class) {
        result = bundled;
        if (result == null) {
          result = new SdkInventory(readResource("index.json"), SdkInventory::readResource);
          bundled = result;
        }
      }
    }
    return result;
  }

  /**
   * An inventory built from in-memory JSON, for tests: {@code files} maps the index's file names
   * (by default {@code services/<artifact>.json}) to JSON.
   */
  public static SdkInventory of(String indexJson, Map<String, String> files) {
    try {
      Map<String, String> copy = new LinkedHashMap<>(files);
      return new SdkInventory(
          JSON.readTree(indexJson),
          f -> {
            String text = copy.get(f);
            if (text == null) {
              throw new IOException("no inventory file " + f);
            }
            return JSON.readTree(text);
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode readResource(String name) {
    return DataFiles.json(ROOT + name);
  }

  public String sdkVersion() {
    return sdkVersion;
  }

  /** True if {@code packageName} is the package of an SDK service client. */
  public boolean isServicePackage(String packageName) {
    return byPackage.containsKey(packageName);
  }

  /** The service whose sync or async client interface has this fully qualified name. */
  public Optional<SdkService> serviceByClient(String fqn) {
    IndexEntry entry = byClientFqn.get(fqn);
    return entry == null ? Optional.empty() : Optional.of(load(entry));
  }

  /**
   * The service whose sync or async client interface has this simple name ({@code S3Client}, {@code
   * S3AsyncClient}).
   */
  public Optional<SdkService> serviceByClientName(String simpleName) {
    return byClientFqn.entrySet().stream()
        .filter(e -> e.getKey().endsWith("." + simpleName))
        .map(e -> load(e.getValue()))
        .findFirst();
  }

  /** The simple names of every sync and async client interface, sorted. */
  public List<String> clientNames() {
    return byClientFqn.keySet().stream()
        .map(fqn -> fqn.substring(fqn.lastIndexOf('.') + 1))
        .sorted()
        .toList();
  }

  /** Every service, sorted by artifact and client; each service's file is read. */
  public List<SdkService> services() {
    return byPackage.values().stream()
        .flatMap(List::stream)
        .sorted(
            java.util.Comparator.comparing(IndexEntry::artifact)
                .thenComparing(IndexEntry::syncClient))
        .map(this::load)
        .toList();
  }

  /** True if {@code fqn} is an async client interface. */
  public boolean isAsyncClient(String fqn) {
    IndexEntry entry = byClientFqn.get(fqn);
    return entry != null && fqn.endsWith("." + entry.asyncClient());
  }

  /** The services whose clients live in this package; usually one. */
  public List<SdkService> servicesInPackage(String packageName) {
    return byPackage.getOrDefault(packageName, List.of()).stream().map(this::load).toList();
  }

  /** All client interface names, fully qualified. */
  public java.util.Set<String> clientTypes() {
    return java.util.Collections.unmodifiableSet(byClientFqn.keySet());
  }

  private SdkService load(IndexEntry entry) {
    return loaded.computeIfAbsent(
        entry.syncClient() + "@" + entry.packageName(), k -> parse(entry));
  }

  private SdkService parse(IndexEntry entry) {
    JsonNode node;
    try {
      node = source.read(entry.file());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read SDK inventory for " + entry.artifact(), e);
    }
    JsonNode client = selectClient(node, entry.syncClient());
    List<SdkOperation> operations = new ArrayList<>();
    for (JsonNode op : client.path("operations")) {
      operations.add(
          new SdkOperation(
              op.path("name").asText(),
              op.path("method").asText(),
              op.path("request").asText(),
              DataFiles.texts(op.path("paginators")),
              DataFiles.texts(op.path("waiters")),
              members(op.path("members")),
              DataFiles.texts(op.path("aliases")),
              op.path("asyncOnly").asBoolean(false)));
    }
    Map<String, List<SdkMember>> shapes = new HashMap<>();
    client
        .path("shapes")
        .properties()
        .forEach(
            e -> {
              JsonNode value = e.getValue();
              shapes.put(e.getKey(), members(value.isArray() ? value : value.path("members")));
            });
    return new SdkService(
        entry.artifact(),
        entry.packageName(),
        entry.serviceName(),
        entry.syncClient(),
        entry.asyncClient(),
        operations,
        shapes);
  }

  /** A service file holds one client, or several under {@code clients} (DynamoDB and Streams). */
  private static JsonNode selectClient(JsonNode node, String syncClient) {
    if (node.has("clients")) {
      for (JsonNode client : node.path("clients")) {
        if (syncClient.equals(client.path("syncClient").asText())) {
          return client;
        }
      }
    }
    return node;
  }

  private static List<SdkMember> members(JsonNode array) {
    List<SdkMember> members = new ArrayList<>();
    for (JsonNode m : array) {
      members.add(
          new SdkMember(
              m.path("name").asText(),
              m.path("setter").asText(),
              m.path("type").asText(),
              m.hasNonNull("shape") ? m.get("shape").asText() : null,
              m.hasNonNull("enum") ? m.get("enum").asText() : null));
    }
    return members;
  }
}
