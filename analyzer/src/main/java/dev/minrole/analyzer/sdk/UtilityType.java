package dev.minrole.analyzer.sdk;

import java.util.Map;
import java.util.Optional;

/**
 * An SDK utility type such as {@code DynamoDbTable} or {@code S3TransferManager}: the client whose
 * service its operations belong to, and its methods.
 */
public record UtilityType(
    String type, String client, String source, Map<String, UtilityMethod> methods) {
  public UtilityType {
    methods = Map.copyOf(methods);
  }

  public Optional<UtilityMethod> method(String name) {
    return Optional.ofNullable(methods.get(name));
  }
}
