package dev.minrole.analyzer.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minrole.analyzer.data.DataFiles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SDK's high-level utilities (DynamoDB Enhanced Client, S3 Transfer Manager, S3Presigner, SQS
 * batch manager) and the operations their methods perform, read from {@code utilities.yaml}. An
 * async twin ({@code DynamoDbAsyncTable}) behaves like its sync type.
 */
public final class SdkUtilities {
  private static final String RESOURCE = "/dev/minrole/analyzer/sdk/utilities.yaml";
  private static volatile SdkUtilities bundled;

  private final Map<String, UtilityType> types = new HashMap<>();
  private final Map<String, Map<String, String>> clientMethods = new HashMap<>();
  private final Map<String, Map<String, String>> factories = new HashMap<>();

  SdkUtilities(JsonNode root) {
    root.path("types")
        .properties()
        .forEach(
            e -> {
              UtilityType type = type(e.getKey(), e.getValue());
              types.put(e.getKey(), type);
              if (e.getValue().has("async")) {
                types.put(e.getValue().get("async").asText(), type);
              }
            });
    readMethodTable(root.path("clientMethods"), clientMethods);
    readMethodTable(root.path("factories"), factories);
  }

  /** A table of class, then method, to the class of what the method returns. */
  private static void readMethodTable(JsonNode node, Map<String, Map<String, String>> into) {
    node.properties()
        .forEach(
            e -> {
              Map<String, String> methods = new HashMap<>();
              e.getValue()
                  .properties()
                  .forEach(m -> methods.put(m.getKey(), m.getValue().asText()));
              into.put(e.getKey(), methods);
            });
  }

  public static SdkUtilities bundled() {
    SdkUtilities result = bundled;
    if (result == null) {
      synchronized (SdkUtilities.class) {
        result = bundled;
        if (result == null) {
          result = new SdkUtilities(DataFiles.yaml(RESOURCE));
          bundled = result;
        }
      }
    }
    return result;
  }

  private static UtilityType type(String name, JsonNode node) {
    Map<String, UtilityMethod> methods = new LinkedHashMap<>();
    node.path("methods")
        .properties()
        .forEach(
            m -> {
              JsonNode spec = m.getValue();
              List<String> operations = new ArrayList<>();
              spec.path("operations").forEach(o -> operations.add(o.asText()));
              Map<String, Integer> set = new LinkedHashMap<>();
              spec.path("set").properties().forEach(s -> set.put(s.getKey(), s.getValue().asInt()));
              Map<String, Map<String, String>> members = new LinkedHashMap<>();
              spec.path("members")
                  .properties()
                  .forEach(
                      op -> {
                        Map<String, String> renames = new LinkedHashMap<>();
                        op.getValue()
                            .properties()
                            .forEach(r -> renames.put(r.getKey(), r.getValue().asText()));
                        members.put(op.getKey(), renames);
                      });
              methods.put(
                  m.getKey(),
                  new UtilityMethod(
                      m.getKey(),
                      operations,
                      Optional.ofNullable(spec.get("request")).map(JsonNode::asText),
                      Optional.ofNullable(spec.get("handle")).map(JsonNode::asText),
                      set,
                      members));
            });
    return new UtilityType(
        name, node.path("client").asText(), node.path("source").asText(""), methods);
  }

  /** The utility type of this fully qualified name, sync or async. */
  public Optional<UtilityType> type(String fqn) {
    return Optional.ofNullable(types.get(fqn));
  }

  public boolean isUtility(String fqn) {
    return types.containsKey(fqn);
  }

  /**
   * The class of the client a static factory method of a client class makes, when it is not the
   * class itself: {@code S3AsyncClient.crtCreate()} makes an {@code S3CrtAsyncClient}.
   */
  public Optional<String> factory(String clientFqn, String method) {
    return Optional.ofNullable(factories.getOrDefault(clientFqn, Map.of()).get(method));
  }

  /** True if some static factory method of this client class makes a client of another class. */
  public boolean hasFactories(String clientFqn) {
    return factories.containsKey(clientFqn);
  }

  /** The utility a client method hands out, e.g. {@code SqsAsyncClient.batchManager()}. */
  public Optional<String> clientMethod(String clientFqn, String method) {
    return Optional.ofNullable(clientMethods.getOrDefault(clientFqn, Map.of()).get(method));
  }
}
