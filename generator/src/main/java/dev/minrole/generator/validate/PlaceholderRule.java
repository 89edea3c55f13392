package dev.minrole.generator.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Template text left in a raw IAM policy: CloudFormation pseudo parameters and references ({@code
 * ${AWS::AccountId}}, {@code ${MyTable.Arn}}), Terraform interpolation ({@code ${var.account}}),
 * CDK tokens, placeholders such as {@code <ACCOUNT_ID>}, and intrinsic functions ({@code
 * {"Fn::Sub": ...}}). IAM takes them literally, so the policy does not grant what was meant. IAM
 * policy variables ({@code ${aws:username}}, {@code ${*}}) are allowed.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
final class PlaceholderRule implements ValidationRule {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  /**
   * A policy variable: a condition key ({@code aws:username}, {@code s3:prefix}) or {@code *},
   * {@code ?}, {@code $}, with an optional default.
   */
  private static final Pattern POLICY_VARIABLE =
      Pattern.compile("([a-zA-Z0-9-]+:[A-Za-z0-9_./<>-]+|\\*|\\?|\\$)(\\s*,\\s*'[^']*')?");

  private static final Pattern ANGLE = Pattern.compile("<[A-Za-z][A-Za-z0-9_ -]*>");

  @Override
  public List<Problem> check(PolicyDocument document, ValidationContext context) {
    List<Problem> out = new ArrayList<>();
    walk(document.root(), "$", out);
    return out;
  }

  private static void walk(JsonNode node, String path, List<Problem> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (e.getKey().startsWith("Fn::") || e.getKey().equals("Ref")) {
          out.add(
              Problems.error(
                  "PLACEHOLDER",
                  path,
                  "the CloudFormation function "
                      + e.getKey()
                      + " is left in the policy; IAM does not evaluate it",
                  "put the value it stands for, or validate the policy as the template deploys"
                      + " it"));
          return;
        }
        walk(e.getValue(), path + "." + e.getKey(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + i + "]", out);
      }
    } else if (node.isTextual()) {
      String found = placeholder(node.asText());
      if (found != null) {
        out.add(
            Problems.error(
                "PLACEHOLDER",
                path,
                "\""
                    + found
                    + "\" is a template placeholder; IAM reads it literally, so this grants nothing"
                    + " that was meant",
                found.contains("AWS::")
                    ? "put the real value (a raw IAM policy is not a template), or use minrole's"
                        + " cfn/sam output, which writes it with !Sub"
                    : "put the value the placeholder stands for"));
      }
    }
  }

  static boolean hasPlaceholder(String text) {
    return placeholder(text) != null;
  }

  /** The first placeholder in the text, or null. */
  static String placeholder(String text) {
    Matcher m = VARIABLE.matcher(text);
    while (m.find()) {
      if (!POLICY_VARIABLE.matcher(m.group(1)).matches() || m.group(1).contains("::")) {
        return m.group();
      }
    }
    Matcher angle = ANGLE.matcher(text);
    if (angle.find()) {
      return angle.group();
    }
    return text.contains("{{resolve:") ? "{{resolve:...}}" : null;
  }
}
