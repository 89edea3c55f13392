package dev.minrole.generator.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minrole.analyzer.data.DataFiles;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of {@code platform.yaml}: which actions Lambda needs from a function's role for what
 * its template configures, each with the AWS page that lists them ({@code source}). Bound from the
 * data file once, so its schema is the records below.
 */
public record PlatformRules(
    Logs logs,
    Map<String, EventSourceRule> eventSources,
    Rule vpc,
    Rule xray,
    Destinations destinations,
    Rule kms,
    Efs efs,
    Rule eventSourceKeys) {

  private static final String RESOURCE = "/dev/minrole/generator/platform/platform.yaml";

  public PlatformRules {
    eventSources = Map.copyOf(eventSources);
  }

  /** Actions on one kind of resource, with the page that lists them and, where useful, why. */
  public record Rule(String source, List<String> actions, String resource, String reason) {
    public Rule {
      actions = List.copyOf(actions == null ? List.of() : actions);
      reason = reason == null ? "" : reason;
    }
  }

  /** Writing the function's logs, and creating its log group when the template does not. */
  public record Logs(String source, Rule createGroup, Rule write) {}

  /**
   * Reading a poll-based event source; {@code also} names other rules it implies ({@code vpc});
   * {@code subResource} is what Lambda can read the source through (a stream consumer).
   */
  public record EventSourceRule(
      String source,
      List<String> actions,
      String resource,
      List<String> also,
      SubResource subResource) {
    public EventSourceRule {
      actions = List.copyOf(actions == null ? List.of() : actions);
      also = List.copyOf(also == null ? List.of() : also);
    }

    /** The resource Lambda can read the source through, if the source has one. */
    public Optional<SubResource> through() {
      return Optional.ofNullable(subResource);
    }
  }

  /**
   * A resource Lambda reads an event source through, whose ARN is the source's ARN, then {@code
   * marker} and more: the source's actions go on the part before the marker, {@code actions} on the
   * whole ARN.
   */
  public record SubResource(String source, String what, String marker, List<String> actions) {
    public SubResource {
      actions = List.copyOf(actions);
    }
  }

  /** Sending to a dead-letter queue or destination, by the kind of target. */
  public record Destinations(String source, Map<String, List<String>> actions) {
    public Destinations {
      actions = Map.copyOf(actions);
    }

    public Optional<List<String>> of(String kind) {
      return Optional.ofNullable(actions.get(kind));
    }
  }

  /**
   * Mounting an EFS file system; an access point is named in {@code conditionKey} on the file
   * systems ({@code fileSystem}) of its region and account.
   */
  public record Efs(
      String source,
      List<String> actions,
      String resource,
      String accessPoint,
      String fileSystem,
      String conditionKey) {
    public Efs {
      actions = List.copyOf(actions);
    }
  }

  /** The rules shipped with minrole. */
  public static PlatformRules bundled() {
    return Bundled.RULES;
  }

  public Optional<EventSourceRule> eventSource(String kind) {
    return Optional.ofNullable(eventSources.get(kind));
  }

  private static final class Bundled {
    static final PlatformRules RULES = bind(DataFiles.yaml(RESOURCE));
  }

  static PlatformRules bind(JsonNode root) {
    return DataFiles.bind(root, PlatformRules.class, RESOURCE);
  }
}
