package dev.minrole.generator.diff;

import dev.minrole.generator.synth.Condition;
import java.util.Locale;

/**
 * What every request the AWS SDK makes for the function is known to carry, whatever the code does:
 * it is sent over TLS, so {@code aws:SecureTransport} is {@code true}
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-securetransport;
 * the SDK's endpoints are HTTPS). A grant on {@code Bool aws:SecureTransport true} always applies
 * to the function's calls, and a Deny on {@code false} never does.
 */
final class SdkRequestFacts {
  private static final String SECURE_TRANSPORT = "aws:securetransport";

  private SdkRequestFacts() {}

  /** True if every SDK request meets {@code c}. */
  static boolean alwaysMet(Condition c) {
    return isSecureTransport(c) && c.values().stream().allMatch("true"::equalsIgnoreCase);
  }

  private static boolean isSecureTransport(Condition c) {
    String operator = c.operator().toLowerCase(Locale.ROOT);
    return (operator.equals("bool") || operator.equals("boolifexists"))
        && c.key().toLowerCase(Locale.ROOT).equals(SECURE_TRANSPORT)
        && !c.values().isEmpty();
  }
}
