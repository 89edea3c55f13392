package dev.minrole.tools.sdkinventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the SDK v2 service a 1.x client talks to, in the committed v2 inventory: the v2 client
 * whose {@code SERVICE_NAME} or metadata id is the 1.x {@code ENDPOINT_PREFIX} and which shares the
 * most operation names with it; where the prefix names no v2 client, the one sharing most of the
 * 1.x client's operations (at least half). A tie goes to the v2 client named like the 1.x one
 * ({@code AmazonCloudWatchEvents} and {@code CloudWatchEventsClient}).
 */
final class Sdk1V2Match {

  /** One v2 service of the committed inventory, with its members by operation. */
  record V2(Sdk1Client.V2Service service, String metadataId, Map<String, Set<String>> members) {}

  private final List<V2> services = new ArrayList<>();

  Sdk1V2Match(Path v2Inventory) {
    ObjectMapper json = new ObjectMapper();
    try {
      JsonNode index = json.readTree(v2Inventory.resolve("index.json").toFile());
      for (JsonNode entry : index.path("services")) {
        JsonNode file = json.readTree(v2Inventory.resolve(entry.path("file").asText()).toFile());
        Map<String, Set<String>> members = new HashMap<>();
        for (JsonNode op : file.path("operations")) {
          Set<String> names = new TreeSet<>();
          op.path("members").forEach(m -> names.add(m.path("name").asText()));
          members.put(op.path("name").asText(), names);
        }
        services.add(
            new V2(
                new Sdk1Client.V2Service(
                    entry.path("package").asText(),
                    entry.path("syncClient").asText(),
                    entry.path("serviceName").asText(),
                    entry.path("file").asText()),
                entry.path("serviceMetadataId").asText(""),
                members));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Optional<Sdk1Client.V2Service> match(String v1Name, String prefix, Set<String> operations) {
    return find(v1Name, prefix, operations).map(V2::service);
  }

  /** The v2 service's members of an operation, for the coverage report. */
  Optional<Set<String>> members(Sdk1Client.V2Service service, String operation) {
    return services.stream()
        .filter(s -> s.service().equals(service))
        .findFirst()
        .map(s -> s.members().get(operation));
  }

  private Optional<V2> find(String v1Name, String prefix, Set<String> operations) {
    List<V2> byPrefix =
        services.stream()
            .filter(
                s ->
                    prefix != null
                        && (prefix.equals(s.service().serviceName())
                            || prefix.equals(s.metadataId())))
            .toList();
    List<V2> candidates = byPrefix.isEmpty() ? services : byPrefix;
    String stem = stem(v1Name);
    Comparator<V2> order =
        Comparator.<V2>comparingInt(s -> overlap(s, operations))
            .thenComparing(s -> stem.equals(stem(s.service().client())))
            .thenComparing(s -> s.service().client(), Comparator.reverseOrder());
    Optional<V2> best = candidates.stream().max(order);
    if (best.isEmpty() || operations.isEmpty()) {
      return byPrefix.size() == 1 ? Optional.of(byPrefix.get(0)) : Optional.empty();
    }
    int shared = overlap(best.get(), operations);
    boolean enough = byPrefix.isEmpty() ? shared * 2 >= operations.size() : shared > 0;
    return enough ? best : Optional.empty();
  }

  private static int overlap(V2 service, Set<String> operations) {
    int n = 0;
    for (String op : operations) {
      if (service.members().containsKey(op)) {
        n++;
      }
    }
    return n;
  }

  /** {@code AmazonCloudWatchEventsAsync} and {@code CloudWatchEventsClient} give the same stem. */
  static String stem(String name) {
    return name.replaceFirst("^(Amazon|AWS)", "")
        .replaceFirst("(Async)?(Client)?$", "")
        .toLowerCase(Locale.ROOT);
  }
}
