package dev.minrole.generator.synth;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.generator.catalog.IamCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * Writes merged permissions as a policy that fits IAM's size quotas. Statements are grouped per
 * service (and compacted with {@code --compact}). A policy over the inline limit is shortened
 * safely by grouping statements across services; if it is still too large, it is split into managed
 * policies and a {@code POLICY_SPLIT} finding says so. None of these steps changes what the policy
 * grants.
 */
final class PolicyShaper {
  private final StatementGrouper grouper;
  private final ActionCompactor compactor;
  private final SynthesisOptions options;

  PolicyShaper(IamCatalog catalog, SynthesisOptions options) {
    this.grouper = new StatementGrouper(catalog);
    this.compactor = new ActionCompactor(catalog);
    this.options = options;
  }

  /** The policy, its managed parts if it had to be split, and what the reader must know. */
  record Shaped(IamPolicy policy, List<IamPolicy> parts, List<Finding> findings) {}

  Shaped shape(List<Permission> permissions, Map<String, String> labels) {
    SizeLimits limits = options.limits();
    List<IamStatement> statements = statements(permissions, labels, false, options.compact());
    if (PolicySize.of(statements) <= limits.inline()) {
      return new Shaped(PolicySize.policy(statements), List.of(), List.of());
    }
    List<IamStatement> joined = statements(permissions, labels, true, options.compact());
    IamPolicy policy = PolicySize.policy(joined);
    int size = PolicySize.of(joined);
    if (size <= limits.inline()) {
      return new Shaped(policy, List.of(), List.of());
    }
    List<IamPolicy> parts = new ArrayList<>();
    PolicySplitter.split(joined, limits.managed()).forEach(p -> parts.add(PolicySize.policy(p)));
    List<Finding> findings = new ArrayList<>();
    findings.add(
        Finding.warning(
            "POLICY_SPLIT",
            splitMessage(permissions, labels, size, parts.size()),
            SourceLocation.NONE));
    boolean partTooLarge = parts.stream().anyMatch(p -> PolicySize.of(p) > limits.managed());
    if (partTooLarge || parts.size() > limits.attachedMax()) {
      findings.add(
          Finding.error(
              "POLICY_TOO_LARGE",
              "the policy cannot be deployed as it is: "
                  + (partTooLarge
                      ? "a single action on a single resource is over the "
                          + limits.managed()
                          + " characters of a managed policy"
                      : parts.size()
                          + " managed policies are more than the "
                          + limits.attachedMax()
                          + " IAM lets a role have")
                  + ". Split the function, or use fewer, broader resource patterns",
              SourceLocation.NONE));
    }
    return new Shaped(policy, parts, findings);
  }

  private List<IamStatement> statements(
      List<Permission> permissions,
      Map<String, String> labels,
      boolean acrossServices,
      boolean compact) {
    List<IamStatement> statements = grouper.statements(permissions, labels, acrossServices);
    return compact ? compactor.compact(statements) : statements;
  }

  private String splitMessage(
      List<Permission> permissions, Map<String, String> labels, int size, int count) {
    SizeLimits limits = options.limits();
    StringBuilder text =
        new StringBuilder("the policy is ")
            .append(size)
            .append(" characters without whitespace, over the ")
            .append(limits.inline())
            .append(" IAM allows for a role's inline policies, so it is split into ")
            .append(count)
            .append(" managed policies of at most ")
            .append(limits.managed())
            .append(" characters; attach all of them to the role");
    if (count > limits.attachedDefault()) {
      text.append(" (more than ")
          .append(limits.attachedDefault())
          .append(" needs a quota increase)");
    }
    if (!options.compact()) {
      int compacted = PolicySize.of(statements(permissions, labels, true, true));
      if (compacted < size) {
        text.append(". --compact would make it ").append(compacted).append(" characters");
        text.append(compacted <= limits.inline() ? ", which fits inline" : "");
      }
    }
    return text.toString();
  }
}
