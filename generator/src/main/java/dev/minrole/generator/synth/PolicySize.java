package dev.minrole.generator.synth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.minrole.generator.render.CanonicalJson;
import dev.minrole.generator.render.PolicyJson;
import java.util.List;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * The size of a policy as IAM counts it against its quotas: characters of the JSON without
 * whitespace. Measured on the policy exactly as minrole writes it, minified.
 */
public final class PolicySize {
  private static final IamStatement ANY =
      IamStatement.builder().effect("Allow").addAction("*").addResource("*").build();
  private static final int OVERHEAD = length(PolicyJson.toNode(policy(List.of(ANY)))) - of(ANY);

  private PolicySize() {}

  public static int of(IamPolicy policy) {
    return of(policy.statements());
  }

  /** The size of a policy made of these statements. */
  public static int of(List<IamStatement> statements) {
    int size = OVERHEAD + Math.max(0, statements.size() - 1);
    for (IamStatement s : statements) {
      size += of(s);
    }
    return size;
  }

  /** The characters one statement adds to a policy, without the comma that separates it. */
  public static int of(IamStatement statement) {
    return length(PolicyJson.statement(statement));
  }

  /** Characters of minified JSON. */
  public static int length(JsonNode node) {
    try {
      return CanonicalJson.mapper().writeValueAsString(node).length();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static IamPolicy policy(List<IamStatement> statements) {
    return IamPolicy.builder().version(PolicySynthesizer.VERSION).statements(statements).build();
  }
}
