package dev.minrole.generator.synth;

import java.util.Map;
import java.util.Optional;

/**
 * What ARNs are built with beyond the code: the partition, the region and account when known (else
 * {@code *}), and the values of environment variables (from {@code --env} or a template).
 */
public record ArnContext(
    String partition, Optional<String> region, Optional<String> account, Map<String, String> env) {
  public ArnContext {
    env = Map.copyOf(env);
  }

  public static ArnContext defaults() {
    return new ArnContext("aws", Optional.empty(), Optional.empty(), Map.of());
  }

  public String regionOrWildcard() {
    return region.orElse("*");
  }

  public String accountOrWildcard() {
    return account.orElse("*");
  }

  /** The ARN of the CloudWatch Logs group {@code group} (a name or a pattern) in this context. */
  public String logGroupArn(String group) {
    return "arn:"
        + partition
        + ":logs:"
        + regionOrWildcard()
        + ":"
        + accountOrWildcard()
        + ":log-group:"
        + group;
  }
}
