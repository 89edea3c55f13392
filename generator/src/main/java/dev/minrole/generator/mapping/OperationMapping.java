package dev.minrole.generator.mapping;

import java.util.List;

/**
 * A curated mapping for one SDK operation: the actions it needs, that it needs none, or why it
 * cannot be mapped. Every curated mapping cites the AWS documentation page it comes from.
 */
public record OperationMapping(
    String prefix,
    String operation,
    String source,
    Kind kind,
    List<ActionRule> rules,
    String note) {

  public enum Kind {
    /** The operation needs the listed actions. */
    ACTIONS,
    /** The operation needs no permission, e.g. {@code sts:GetCallerIdentity}. */
    PERMISSIONLESS,
    /** The operation's permissions cannot be stated here; {@code note} says why. */
    UNMAPPED
  }

  public OperationMapping {
    rules = List.copyOf(rules);
  }

  public String key() {
    return prefix + ":" + operation;
  }
}
