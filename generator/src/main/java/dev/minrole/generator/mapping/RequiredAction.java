package dev.minrole.generator.mapping;

import java.util.List;
import java.util.Optional;

/**
 * An IAM action a call needs, on a resource (empty for actions that support no resource-level
 * permissions, which IAM only accepts on {@code "*"}), with the conditions the code justifies and
 * the rule that produced it.
 */
public record RequiredAction(
    String action,
    Optional<ResourceRef> resource,
    List<ConditionTemplate> conditions,
    String rule) {
  public RequiredAction {
    conditions = List.copyOf(conditions);
  }
}
