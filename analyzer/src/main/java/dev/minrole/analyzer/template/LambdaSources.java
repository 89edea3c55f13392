package dev.minrole.analyzer.template;

import dev.minrole.analyzer.data.DataFiles;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How templates name the event sources and destinations Lambda reads and writes with a function's
 * role, read from {@code lambda-sources.yaml}: the SAM event types Lambda polls and the property
 * that names each source, the resource types whose key Lambda needs to poll them (and those it
 * reads through another resource, a stream consumer through its stream), and the kind (SQS, SNS,
 * Lambda, ...) of a source or target named by ARN or by reference.
 */
public record LambdaSources(
    Map<String, String> pollSources,
    List<String> pollSourceKeys,
    Map<String, String> pollSourceVia,
    Map<String, String> arnServices,
    Map<String, String> resourceTypes) {

  public LambdaSources {
    pollSources = Map.copyOf(pollSources);
    pollSourceKeys = List.copyOf(pollSourceKeys);
    pollSourceVia = Map.copyOf(pollSourceVia);
    arnServices = Map.copyOf(arnServices);
    resourceTypes = Map.copyOf(resourceTypes);
  }

  private static final class Bundled {
    static final LambdaSources DATA =
        DataFiles.bind("/dev/minrole/analyzer/template/lambda-sources.yaml", LambdaSources.class);
  }

  public static LambdaSources bundled() {
    return Bundled.DATA;
  }

  /** The event property that names the source, for an event type Lambda polls ({@code Queue}). */
  public Optional<String> pollProperty(String eventType) {
    return Optional.ofNullable(pollSources.get(eventType));
  }

  /** True if Lambda needs the key of a resource of this type to poll it. */
  public boolean pollsWithKey(String cfnType) {
    return pollSourceKeys.contains(cfnType);
  }

  /**
   * The property naming the resource Lambda reads through a source of this type (a stream
   * consumer's {@code StreamARN}), whose key Lambda needs.
   */
  public Optional<String> readsThrough(String cfnType) {
    return Optional.ofNullable(pollSourceVia.get(cfnType));
  }

  /** The kind of a source or target whose ARN has this service, or {@code Unknown}. */
  public String kindOfArnService(String service) {
    return arnServices.getOrDefault(service, "Unknown");
  }

  /** The kind of a source or target that is a template resource of this type. */
  public Optional<String> kindOfType(String cfnType) {
    return Optional.ofNullable(resourceTypes.get(cfnType));
  }
}
