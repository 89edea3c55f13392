package dev.minrole.generator.validate;

import dev.minrole.generator.synth.PolicySize;
import dev.minrole.generator.synth.SizeLimits;
import java.util.List;

/**
 * An identity policy's size as IAM counts it (characters without whitespace) against its quotas:
 * over 10,240 it fits nowhere; over 6,144 it cannot be a managed policy.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 */
final class SizeRule implements ValidationRule {
  @Override
  public List<Problem> check(PolicyDocument document, ValidationContext context) {
    if (context.type() != PolicyType.IDENTITY) {
      return List.of();
    }
    int size = PolicySize.length(document.root());
    SizeLimits limits = SizeLimits.IAM;
    if (size > limits.inline()) {
      return List.of(
          Problems.error(
              "POLICY_SIZE",
              "$",
              "the policy is "
                  + size
                  + " characters without whitespace, over the "
                  + limits.inline()
                  + " IAM allows for all inline policies of a role and the "
                  + limits.managed()
                  + " of a managed policy",
              "split it into managed policies of at most "
                  + limits.managed()
                  + " characters, or shorten it (minrole generate --compact)"));
    }
    if (size > limits.managed()) {
      return List.of(
          Problems.warning(
              "POLICY_SIZE",
              "$",
              "the policy is "
                  + size
                  + " characters without whitespace, over the "
                  + limits.managed()
                  + " of a managed policy; it fits only as a role's inline policy ("
                  + limits.inline()
                  + " for all of them)",
              "use it inline, or split it"));
    }
    return List.of();
  }
}
