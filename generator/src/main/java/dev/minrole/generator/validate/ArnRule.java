package dev.minrole.generator.validate;

import dev.minrole.generator.catalog.Glob;
import dev.minrole.generator.catalog.Partitions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Resources are {@code *} or ARNs of the form {@code arn:partition:service:region:account:resource}
 * with a known partition, a region and account of the right shape (or empty, or a wildcard), and no
 * spaces. Values with template placeholders are left to {@link PlaceholderRule}.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
final class ArnRule implements ValidationRule {
  private static final Pattern ACCOUNT = Pattern.compile("|\\d{12}|aws|.*[*?].*");

  @Override
  public List<Problem> check(PolicyDocument document, ValidationContext context) {
    List<Problem> out = new ArrayList<>();
    for (PolicyDocument.Statement s : document.statements()) {
      for (String field : List.of("Resource", "NotResource")) {
        for (PolicyDocument.Value v : PolicyDocument.strings(s, field)) {
          String problem = problem(v.text());
          if (problem != null) {
            out.add(
                Problems.error(
                    "MALFORMED_ARN",
                    v.path(),
                    "\"" + v.text() + "\" " + problem,
                    "write the ARN as arn:partition:service:region:account:resource, or \"*\""));
          }
        }
      }
    }
    return out;
  }

  private static String problem(String arn) {
    if (arn.equals("*") || PlaceholderRule.hasPlaceholder(arn)) {
      return null;
    }
    if (!arn.startsWith("arn:")) {
      return "is not an ARN (it does not start with arn:)";
    }
    if (arn.chars().anyMatch(Character::isWhitespace)) {
      return "contains whitespace";
    }
    String[] parts = arn.split(":", 6);
    if (parts.length < 6) {
      return "has " + parts.length + " of the 6 colon-separated parts of an ARN";
    }
    if (!Partitions.isPartition(parts[1]) && !parts[1].contains("*") && !parts[1].contains("${")) {
      return "has an unknown partition \"" + parts[1] + "\" (aws, aws-cn, aws-us-gov, ...)";
    }
    if (parts[2].isEmpty()) {
      return "has no service";
    }
    boolean region =
        parts[3].isEmpty() || Partitions.isRegion(parts[3]) || Glob.isPattern(parts[3]);
    if (!region && !parts[3].contains("${")) {
      return "has a malformed region \"" + parts[3] + "\"";
    }
    if (!ACCOUNT.matcher(parts[4]).matches() && !parts[4].contains("${")) {
      return "has a malformed account \"" + parts[4] + "\" (12 digits)";
    }
    if (parts[5].isEmpty()) {
      return "has no resource part";
    }
    return null;
  }
}
