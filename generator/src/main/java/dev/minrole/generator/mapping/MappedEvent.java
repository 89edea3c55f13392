package dev.minrole.generator.mapping;

import dev.minrole.analyzer.model.Finding;
import java.util.List;

/**
 * The IAM actions a CloudTrail event shows a role used, or why the event cannot be mapped (empty
 * actions and a finding). Permissionless events have neither.
 */
public record MappedEvent(
    String eventSource, String eventName, List<String> actions, List<Finding> findings) {
  public MappedEvent {
    actions = List.copyOf(actions);
    findings = List.copyOf(findings);
  }
}
