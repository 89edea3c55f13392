package dev.minrole.generator.mapping;

import dev.minrole.generator.catalog.ResourceType;
import java.util.Map;

/** The resource an action applies to: a catalog resource type with its ARN variables bound. */
public record ResourceRef(ResourceType type, Map<String, BoundValue> variables) {
  public ResourceRef {
    variables = Map.copyOf(variables);
  }
}
