package dev.minrole.generator.diff;

import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.render.PolicyJson;
import java.util.List;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;

/**
 * How big policies are: statements, action grants (each action a statement allows, wildcards
 * expanded, times its resource entries), and characters without whitespace, as IAM counts them
 * against its size quotas.
 */
public record PolicySize(int statements, long actionGrants, long characters) {

  public static PolicySize of(List<IamPolicy> policies, IamCatalog catalog) {
    int statements = 0;
    long grants = 0;
    long characters = 0;
    for (IamPolicy policy : policies) {
      statements += policy.statements().size();
      characters += PolicyJson.toNode(policy).toString().length();
      PolicyDocument document = PolicyDocument.of("", policy);
      for (int i = 0; i < policy.statements().size(); i++) {
        StatementView s = StatementView.of(document, i);
        if (s.allow()) {
          int units = s.resources() instanceof ResourceSet.Listed l ? l.patterns().size() : 1;
          grants += (long) s.actions().expand(catalog).size() * units;
        }
      }
    }
    return new PolicySize(statements, grants, characters);
  }
}
