package dev.minrole.generator.synth;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * The least-privilege policy of one function, with the permissions it is made of (each with its
 * evidence) and the findings about it. Renderers, diff and reports all work on this.
 *
 * <p>{@code deployment} says where the function is declared and which role it has today, for output
 * that names them ({@code cfn}, {@code sam}, the report).
 *
 * <p>{@code policy} is empty when the function needs no permission at all: IAM has no policy
 * without statements. {@code parts} is empty unless the policy is too large for a role's inline
 * policies; then it holds the managed policies, each within IAM's managed-policy size, that
 * together are {@code policy} (a {@code POLICY_SPLIT} finding says so).
 */
public record FunctionPolicy(
    String name,
    String handler,
    Optional<IamPolicy> policy,
    List<Permission> permissions,
    List<Finding> findings,
    List<IamPolicy> parts,
    Deployment deployment) {

  public FunctionPolicy {
    permissions = permissions.stream().sorted().toList();
    findings = findings.stream().distinct().sorted().toList();
    parts = List.copyOf(parts);
    Objects.requireNonNull(deployment, "deployment");
  }

  /** A policy of a function known only from its code. */
  public FunctionPolicy(
      String name,
      String handler,
      Optional<IamPolicy> policy,
      List<Permission> permissions,
      List<Finding> findings,
      List<IamPolicy> parts) {
    this(name, handler, policy, permissions, findings, parts, Deployment.NONE);
  }

  /** A policy that fits in one document. */
  public FunctionPolicy(
      String name,
      String handler,
      IamPolicy policy,
      List<Permission> permissions,
      List<Finding> findings) {
    this(name, handler, Optional.of(policy), permissions, findings, List.of());
  }

  /** The same policy with more findings. */
  public FunctionPolicy withFindings(List<Finding> more) {
    List<Finding> all = new ArrayList<>(findings);
    all.addAll(more);
    return new FunctionPolicy(name, handler, policy, permissions, all, parts, deployment);
  }

  /** The same policy of a function deployed as {@code other} says. */
  public FunctionPolicy withDeployment(Deployment other) {
    return new FunctionPolicy(name, handler, policy, permissions, findings, parts, other);
  }

  /** True if a finding says part of what the function needs may be missing from the policy. */
  public boolean isPartial() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  /**
   * True if minrole saw all the code the function runs: no finding hides code ({@link
   * Finding#hidesCode()}). An incomplete function's grants are never called excess.
   */
  public boolean complete() {
    return findings.stream().noneMatch(Finding::hidesCode);
  }

  /** The findings that make the function incomplete, in order. */
  public List<Finding> incompleteness() {
    return findings.stream().filter(Finding::hidesCode).toList();
  }

  /** True if the policy had to be split into several managed policies. */
  public boolean isSplit() {
    return !parts.isEmpty();
  }

  /** True if the function needs no permission, so there is no document to deploy. */
  public boolean isEmpty() {
    return policy.isEmpty();
  }

  /** The statements of the whole policy; none for a function that needs no permission. */
  public List<IamStatement> statements() {
    return policy.map(IamPolicy::statements).orElse(List.of());
  }

  /** The documents to deploy: the parts of a split policy, else the policy itself, else none. */
  public List<IamPolicy> documents() {
    return parts.isEmpty() ? policy.map(List::of).orElse(List.of()) : parts;
  }
}
