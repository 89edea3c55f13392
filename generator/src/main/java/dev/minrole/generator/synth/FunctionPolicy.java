package dev.minrole.generator.synth;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.Severity;
import java.util.List;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;

/**
 * The least-privilege policy of one function, with the permissions it is made of (each with its
 * evidence) and the findings about it. Renderers, diff and reports all work on this.
 *
 * <p>{@code parts} is empty unless the policy is too large for a role's inline policies; then it
 * holds the managed policies, each within IAM's managed-policy size, that together are {@code
 * policy} (a {@code POLICY_SPLIT} finding says so).
 */
public record FunctionPolicy(
    String name,
    String handler,
    IamPolicy policy,
    List<Permission> permissions,
    List<Finding> findings,
    List<IamPolicy> parts) {

  public FunctionPolicy {
    permissions = permissions.stream().sorted().toList();
    findings = findings.stream().distinct().sorted().toList();
    parts = List.copyOf(parts);
  }

  /** A policy that fits in one document. */
  public FunctionPolicy(
      String name, String handler, IamPolicy policy, List<Permission> permissions, List<Finding> findings) {
    this(name, handler, policy, permissions, findings, List.of());
  }

  /** True if a finding says part of what the function needs may be missing from the policy. */
  public boolean isPartial() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  /** True if the policy had to be split into several managed policies. */
  public boolean isSplit() {
    return !parts.isEmpty();
  }

  /** The documents to deploy: the parts of a split policy, else the policy itself. */
  public List<IamPolicy> documents() {
    return parts.isEmpty() ? List.of(policy) : parts;
  }
}
