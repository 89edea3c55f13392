package dev.minrole.generator.platform;

import dev.minrole.analyzer.model.ArgValue;
import java.util.Locale;
import java.util.Optional;

/**
 * The ARN a policy must name for a KMS key as a template gives it: a key ARN, a key id, an alias or
 * alias ARN (KMS authorizes the key behind an alias, so any key of that region and account), or a
 * reference to a key of the stack whose id is known only after deployment. AWS managed keys ({@code
 * alias/aws/sqs}) need no permission in the role: their key policies allow the account's principals
 * that use the service.
 */
public final class KmsKeys {
  private KmsKeys() {}

  public static Optional<String> arn(
      ArgValue key, String partition, String region, String account) {
    String text = key.pattern();
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("alias/aws/") || lower.contains(":alias/aws/")) {
      return Optional.empty();
    }
    String anyKey = "arn:" + partition + ":kms:" + region + ":" + account + ":key/*";
    if (text.startsWith("arn:")) {
      int alias = text.indexOf(":alias/");
      return Optional.of(alias < 0 ? text : text.substring(0, alias) + ":key/*");
    }
    if (lower.startsWith("alias/") || text.contains("*") || text.isBlank()) {
      return Optional.of(anyKey);
    }
    return Optional.of(anyKey.substring(0, anyKey.length() - 1) + text);
  }
}
