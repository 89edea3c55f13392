package dev.minrole.generator.mapping;

import dev.minrole.analyzer.model.ArgValue;
import java.util.Optional;

/** The value one ARN variable takes from a call: the member's value (if set) and how to read it. */
public record BoundValue(
    Optional<ArgValue> value, String member, ValueTransform transform, boolean pattern) {
  public static BoundValue missing(String member) {
    return new BoundValue(Optional.empty(), member, ValueTransform.NAME, false);
  }
}
