package dev.minrole.generator.synth;

import java.util.Map;
import java.util.Optional;

/**
 * Condition operators for values with wildcards. IAM reads {@code *} and {@code ?} as wildcards
 * only under the {@code Like} operators; under {@code StringEquals} they are literal characters, so
 * {@code s3.*.amazonaws.com} would match no request. A condition whose value holds a wildcard
 * therefore uses the matching {@code Like} operator, keeping any {@code ForAnyValue:} or {@code
 * ForAllValues:} qualifier and {@code IfExists} suffix.
 */
final class ConditionOperators {
  private static final Map<String, String> LIKE =
      Map.of(
          "StringEquals", "StringLike",
          "StringNotEquals", "StringNotLike",
          "StringLike", "StringLike",
          "StringNotLike", "StringNotLike",
          "ArnEquals", "ArnLike",
          "ArnNotEquals", "ArnNotLike",
          "ArnLike", "ArnLike",
          "ArnNotLike", "ArnNotLike");

  private ConditionOperators() {}

  static boolean hasWildcard(String value) {
    return value.indexOf('*') >= 0 || value.indexOf('?') >= 0;
  }

  /**
   * The operator to use for {@code value}: {@code operator} itself for a value without wildcards,
   * else its {@code Like} form, or empty when the operator has none ({@code
   * StringEqualsIgnoreCase}), in which case the condition cannot be written and is left out.
   */
  static Optional<String> forValue(String operator, String value) {
    if (!hasWildcard(value)) {
      return Optional.of(operator);
    }
    String qualifier = "";
    String base = operator;
    int colon = base.indexOf(':');
    if (colon >= 0) {
      qualifier = base.substring(0, colon + 1);
      base = base.substring(colon + 1);
    }
    String suffix = "";
    if (base.endsWith("IfExists")) {
      suffix = "IfExists";
      base = base.substring(0, base.length() - suffix.length());
    }
    String like = LIKE.get(base);
    return like == null ? Optional.empty() : Optional.of(qualifier + like + suffix);
  }
}
