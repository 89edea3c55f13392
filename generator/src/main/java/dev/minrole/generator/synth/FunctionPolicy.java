package dev.minrole.generator.synth;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.Severity;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;

/**
 * The least-privilege policy of one function, with the permissions it is made of (each with its
 * evidence) and the findings about it. Renderers, diff and reports all work on this. {@code policy}
 * is empty when the function needs no permission at all: IAM has no policy without statements.
 */
public record FunctionPolicy(
    String name,
    String handler,
    Optional<IamPolicy> policy,
    List<Permission> permissions,
    List<Finding> findings) {

  public FunctionPolicy {
    permissions = permissions.stream().sorted().toList();
    findings = findings.stream().distinct().sorted().toList();
  }

  /** True if a finding says part of what the function needs may be missing from the policy. */
  public boolean isPartial() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }
}
