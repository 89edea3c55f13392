package dev.minrole.analyzer.sdk;

import java.util.Optional;

/**
 * One member of an SDK request or structure: its model name ({@code Bucket}), the fluent setter on
 * its builder ({@code bucket}), its marshalling type, and the structure or enum class behind it.
 */
public record SdkMember(String name, String setter, String type, String shape, String enumType) {

  public Optional<String> structure() {
    return Optional.ofNullable(shape);
  }

  public boolean isList() {
    return "List".equals(type);
  }

  public boolean isMap() {
    return "Map".equals(type);
  }
}
