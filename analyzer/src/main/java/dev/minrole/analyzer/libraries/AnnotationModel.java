package dev.minrole.analyzer.libraries;

import java.util.List;
import java.util.Map;

/**
 * An annotation that makes a library call AWS: on a method ({@code @LargeMessage}) or a field
 * ({@code @Param}). {@code variants} are keyed by the simple name of the annotation's {@code
 * provider} class, with {@code default} for the rest.
 */
public record AnnotationModel(
    String annotation,
    String library,
    String source,
    String target,
    Map<String, List<LibraryCall>> variants) {
  public AnnotationModel {
    variants = Map.copyOf(variants);
  }

  public List<LibraryCall> callsFor(String provider) {
    return variants.getOrDefault(provider, variants.getOrDefault("default", List.of()));
  }

  public String simpleName() {
    return annotation.substring(annotation.lastIndexOf('.') + 1);
  }
}
