package dev.minrole.generator.observed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minrole.analyzer.data.DataFiles;
import dev.minrole.generator.catalog.IamAction;
import dev.minrole.generator.catalog.IamCatalog;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What minrole knows about CloudTrail beyond event names, as data: which request parameters name a
 * resource (and the SDK member each carries), which actions CloudTrail logs as data events, and
 * which error codes are denials. Read from {@code resources/dev/minrole/generator/observed/}.
 */
public final class ObservedData {
  private static final String ROOT = "/dev/minrole/generator/observed/";
  private static volatile ObservedData bundled;

  /** The event source whose data events would show an action, and what those events are. */
  public record DataEventSource(String eventSource, String what) {}

  private final Map<String, Map<String, String>> parameters = new TreeMap<>();
  private final Map<String, DataEventSource> dataEventSourceByAction = new TreeMap<>();
  private final Set<String> denialCodes = new TreeSet<>();

  ObservedData(JsonNode parameterData, JsonNode eventData, IamCatalog catalog) {
    parameterData
        .path("parameters")
        .properties()
        .forEach(
            service -> {
              Map<String, String> members = new TreeMap<>();
              service
                  .getValue()
                  .properties()
                  .forEach(p -> members.put(p.getKey(), p.getValue().asText()));
              parameters.put(service.getKey(), members);
            });
    eventData
        .path("data-events")
        .properties()
        .forEach(
            source -> {
              DataEventSource s =
                  new DataEventSource(source.getKey(), source.getValue().path("what").asText());
              for (JsonNode pattern : source.getValue().path("actions")) {
                for (IamAction a : catalog.expand(pattern.asText())) {
                  dataEventSourceByAction.put(a.id().toLowerCase(java.util.Locale.ROOT), s);
                }
              }
            });
    eventData.path("denial-codes").forEach(c -> denialCodes.add(c.asText()));
  }

  public static ObservedData bundled() {
    ObservedData result = bundled;
    if (result == null) {
      synchronized (ObservedData.class) {
        result = bundled;
        if (result == null) {
          result =
              new ObservedData(
                  read("request-parameters.yaml"), read("data-events.yaml"), IamCatalog.bundled());
          bundled = result;
        }
      }
    }
    return result;
  }

  /** Every request parameter name that names a resource in some service: what the reader keeps. */
  public Set<String> resourceParameterNames() {
    Set<String> out = new TreeSet<>();
    parameters.values().forEach(m -> out.addAll(m.keySet()));
    return out;
  }

  /**
   * The SDK member a request parameter of this event source carries, e.g. {@code bucketName} to
   * {@code Bucket}.
   */
  public Optional<String> member(String serviceName, String parameter) {
    return Optional.ofNullable(parameters.getOrDefault(serviceName, Map.of()).get(parameter));
  }

  /** The event source whose data events would show this action, if CloudTrail logs it as one. */
  public Optional<DataEventSource> dataEventSource(String action) {
    return Optional.ofNullable(
        dataEventSourceByAction.get(action.toLowerCase(java.util.Locale.ROOT)));
  }

  public boolean isDenial(String errorCode) {
    return denialCodes.contains(errorCode);
  }

  private static JsonNode read(String name) {
    return DataFiles.yaml(ROOT + name);
  }
}
