package dev.minrole.generator.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The elements of each statement: known names only; {@code Effect} {@code Allow} or {@code Deny};
 * exactly one of {@code Action} and {@code NotAction}; one of {@code Resource} and {@code
 * NotResource} (required in identity policies); {@code Principal} only in resource policies, where
 * it is required; and each of these a string or a non-empty list of strings.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
final class StatementRule implements ValidationRule {
  static final String RULE = "GRAMMAR";
  private static final Set<String> ELEMENTS =
      Set.of(
          "Sid",
          "Effect",
          "Principal",
          "NotPrincipal",
          "Action",
          "NotAction",
          "Resource",
          "NotResource",
          "Condition");
  private static final Set<String> PRINCIPAL_TYPES =
      Set.of("AWS", "Service", "Federated", "CanonicalUser");

  @Override
  public List<Problem> check(PolicyDocument document, ValidationContext context) {
    List<Problem> out = new ArrayList<>();
    for (PolicyDocument.Statement s : document.statements()) {
      for (Iterator<String> names = s.node().fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!ELEMENTS.contains(name)) {
          out.add(
              Problems.error(
                  RULE,
                  s.path() + "." + name,
                  "\"" + name + "\" is not a statement element",
                  Elements.fix(name, ELEMENTS)));
        }
      }
      effect(s, out);
      exactlyOne(s, "Action", "NotAction", true, out);
      exactlyOne(s, "Resource", "NotResource", context.type() == PolicyType.IDENTITY, out);
      principal(s, context.type(), out);
      for (String field : List.of("Action", "NotAction", "Resource", "NotResource")) {
        if (s.has(field)) {
          stringOrList(s.path() + "." + field, s.get(field), field, out);
        }
      }
      if (s.has("Condition") && !s.get("Condition").isObject()) {
        out.add(
            Problems.error(
                RULE,
                s.path() + ".Condition",
                "Condition must be an object of operators",
                "write \"Condition\": {\"StringEquals\": {\"key\": \"value\"}}"));
      }
    }
    return out;
  }

  private static void effect(PolicyDocument.Statement s, List<Problem> out) {
    JsonNode effect = s.get("Effect");
    if (effect.isMissingNode()) {
      out.add(
          Problems.error(
              RULE,
              s.path(),
              "the statement has no Effect",
              "add \"Effect\": \"Allow\" (or \"Deny\")"));
    } else if (!effect.asText().equals("Allow") && !effect.asText().equals("Deny")) {
      String fix =
          effect.asText().equalsIgnoreCase("allow") || effect.asText().equalsIgnoreCase("deny")
              ? "the value is case-sensitive: write \""
                  + Character.toUpperCase(effect.asText().charAt(0))
                  + effect.asText().substring(1).toLowerCase(java.util.Locale.ROOT)
                  + "\""
              : "use \"Allow\" or \"Deny\"";
      out.add(
          Problems.error(
              RULE,
              s.path() + ".Effect",
              "Effect must be \"Allow\" or \"Deny\", not " + effect,
              fix));
    }
  }

  private static void exactlyOne(
      PolicyDocument.Statement s, String a, String notA, boolean required, List<Problem> out) {
    if (s.has(a) && s.has(notA)) {
      out.add(
          Problems.error(
              RULE,
              s.path() + "." + notA,
              "a statement has either " + a + " or " + notA + ", not both",
              "keep one of them"));
    } else if (required && !s.has(a) && !s.has(notA)) {
      out.add(
          Problems.error(
              RULE, s.path(), "the statement has no " + a, "add \"" + a + "\": [ ... ]"));
    }
  }

  private static void principal(PolicyDocument.Statement s, PolicyType type, List<Problem> out) {
    boolean has = s.has("Principal") || s.has("NotPrincipal");
    if (type == PolicyType.IDENTITY && has) {
      String field = s.has("Principal") ? "Principal" : "NotPrincipal";
      out.add(
          Problems.error(
              RULE,
              s.path() + "." + field,
              field
                  + " is not allowed in an identity policy: the policy applies to the role, user or"
                  + " group it is attached to",
              "remove it, or validate with --policy-type resource if this is a resource or trust"
                  + " policy"));
      return;
    }
    if (type == PolicyType.RESOURCE && !has) {
      out.add(
          Problems.error(
              RULE,
              s.path(),
              "a statement of a resource policy needs a Principal",
              "add \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"} or the principal it"
                  + " is for"));
      return;
    }
    for (String field : List.of("Principal", "NotPrincipal")) {
      JsonNode p = s.get(field);
      if (p.isMissingNode() || (p.isTextual() && p.asText().equals("*"))) {
        continue;
      }
      if (!p.isObject()) {
        out.add(
            Problems.error(
                RULE,
                s.path() + "." + field,
                field
                    + " must be \"*\" or an object such as {\"Service\": \"lambda.amazonaws.com\"}",
                "write it as an object of principal types"));
        continue;
      }
      for (Iterator<String> types = p.fieldNames(); types.hasNext(); ) {
        String t = types.next();
        if (!PRINCIPAL_TYPES.contains(t)) {
          out.add(
              Problems.error(
                  RULE,
                  s.path() + "." + field + "." + t,
                  "\"" + t + "\" is not a principal type",
                  Elements.fix(t, PRINCIPAL_TYPES)));
        }
        stringOrList(s.path() + "." + field + "." + t, p.get(t), t, out);
      }
    }
  }

  private static void stringOrList(String path, JsonNode value, String field, List<Problem> out) {
    if (value.isTextual()) {
      if (value.asText().isEmpty()) {
        out.add(
            Problems.error(RULE, path, field + " is empty", "give a value, or remove the element"));
      }
      return;
    }
    if (!value.isArray()) {
      out.add(
          Problems.error(
              RULE,
              path,
              field + " must be a string or a list of strings",
              "write it as [\"...\"]"));
      return;
    }
    if (value.isEmpty()) {
      out.add(
          Problems.error(
              RULE,
              path,
              field + " is an empty list, which IAM rejects",
              "give at least one value, or remove the element"));
    }
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isTextual() || item.asText().isEmpty()) {
        out.add(
            Problems.error(
                RULE,
                path + "[" + i + "]",
                field + " values must be non-empty strings",
                "write the value as a string"));
      }
    }
  }
}
