package dev.minrole.analyzer.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minrole.analyzer.data.DataFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Response members whose value the request determines, read from {@code responses.yaml}: {@code
 * GetQueueUrlResponse.queueUrl()} stands for the {@code QueueName} the request looked up.
 */
public final class SdkResponses {
  private static final String RESOURCE = "/dev/minrole/analyzer/sdk/responses.yaml";

  /**
   * A response getter whose value is request member {@code from}, unless one of {@code unlessSet}
   * is set.
   */
  public record DerivedMember(String getter, String from, List<String> unlessSet) {
    public DerivedMember {
      unlessSet = List.copyOf(unlessSet);
    }
  }

  /** One operation's derived members. */
  public record Entry(String service, String operation, List<DerivedMember> members) {
    public Entry {
      members = List.copyOf(members);
    }
  }

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  SdkResponses(JsonNode root) {
    root.path("responses")
        .properties()
        .forEach(
            service ->
                service
                    .getValue()
                    .properties()
                    .forEach(
                        op -> {
                          List<DerivedMember> members = new ArrayList<>();
                          op.getValue().forEach(m -> members.add(member(m)));
                          entries.put(
                              key(service.getKey(), op.getKey()),
                              new Entry(service.getKey(), op.getKey(), members));
                        }));
  }

  private static final class Bundled {
    static final SdkResponses INSTANCE = load();
  }

  public static SdkResponses bundled() {
    return Bundled.INSTANCE;
  }

  private static SdkResponses load() {
    return new SdkResponses(DataFiles.yaml(RESOURCE));
  }

  private static DerivedMember member(JsonNode node) {
    List<String> unlessSet = new ArrayList<>();
    node.path("unlessSet").forEach(u -> unlessSet.add(u.asText()));
    return new DerivedMember(node.path("getter").asText(), node.path("from").asText(), unlessSet);
  }

  /** The derived members of an operation's response; none for most operations. */
  public List<DerivedMember> derived(String service, String operation) {
    Entry entry = entries.get(key(service, operation));
    return entry == null ? List.of() : entry.members();
  }

  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  private static String key(String service, String operation) {
    return service + " " + operation;
  }
}
