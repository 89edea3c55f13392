package dev.minrole.generator.validate;

import dev.minrole.generator.catalog.AccessLevel;
import dev.minrole.generator.catalog.Glob;
import dev.minrole.generator.catalog.IamAction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Wildcard hot spots in {@code Allow} statements: {@code "Action": "*"}, a whole service ({@code
 * s3:*}), wildcards that include permissions-management actions, {@code "Resource": "*"} for
 * actions that can be scoped to resources, resources that match every resource of a type, and
 * {@code NotAction}/{@code NotResource}, which allow everything not listed.
 */
final class WildcardRule implements ValidationRule {
  static final String RULE = "WILDCARD";

  @Override
  public List<Problem> check(PolicyDocument document, ValidationContext context) {
    List<Problem> out = new ArrayList<>();
    // What each pattern expands to, once: a policy repeats its patterns.
    Map<String, List<IamAction>> expansions = new HashMap<>();
    for (PolicyDocument.Statement s : document.statements()) {
      if (!s.get("Effect").asText().equals("Allow")) {
        continue;
      }
      for (String field : List.of("NotAction", "NotResource")) {
        if (s.has(field)) {
          out.add(
              Problems.warning(
                  RULE,
                  s.path() + "." + field,
                  "Allow with "
                      + field
                      + " allows everything that is not listed, including what AWS adds later",
                  "list what is allowed with " + field.substring(3) + " instead"));
        }
      }
      List<PolicyDocument.Value> resources = PolicyDocument.strings(s, "Resource");
      boolean anyResource = resources.stream().anyMatch(r -> r.text().equals("*"));
      for (PolicyDocument.Value a : PolicyDocument.strings(s, "Action")) {
        action(a, anyResource, context, expansions).ifPresent(out::add);
      }
      if (anyResource) {
        scopable(s, resources, context).ifPresent(out::add);
      }
      for (PolicyDocument.Value r : resources) {
        everyResource(r, context).ifPresent(out::add);
      }
    }
    return out;
  }

  private static Optional<Problem> action(
      PolicyDocument.Value a,
      boolean anyResource,
      ValidationContext context,
      Map<String, List<IamAction>> expansions) {
    String action = a.text();
    if (Glob.everything(action)) {
      return Optional.of(
          Problems.warning(
              RULE,
              a.path(),
              "\"Action\": \""
                  + action
                  + "\" allows every action of every service"
                  + (anyResource ? " on every resource: full administrator access" : ""),
              "list the actions the principal needs (minrole generate derives them from the"
                  + " code)"));
    }
    if (!Glob.isPattern(action)) {
      return Optional.empty();
    }
    List<IamAction> expanded = expansions.computeIfAbsent(action, context.catalog()::expand);
    if (expanded.isEmpty()) {
      return Optional.empty();
    }
    Map<AccessLevel, Integer> levels = new EnumMap<>(AccessLevel.class);
    expanded.forEach(x -> levels.merge(x.access(), 1, Integer::sum));
    String summary = action + " allows " + expanded.size() + " actions (" + describe(levels) + ")";
    int colon = action.indexOf(':');
    if (colon > 0 && Glob.everything(action.substring(colon + 1))) {
      return Optional.of(
          Problems.warning(
              RULE,
              a.path(),
              summary + ", every action of the service",
              "list the actions that are needed"));
    }
    if (levels.containsKey(AccessLevel.PERMISSIONS_MANAGEMENT)) {
      return Optional.of(
          Problems.warning(
              RULE,
              a.path(),
              summary + ", including permissions management",
              "list the actions that are needed"));
    }
    return Optional.of(
        Problems.info(
            RULE, a.path(), summary, "list the actions, unless --compact-style brevity is wanted"));
  }

  private static Optional<Problem> scopable(
      PolicyDocument.Statement s, List<PolicyDocument.Value> resources, ValidationContext context) {
    List<String> scopable = new ArrayList<>();
    for (PolicyDocument.Value a : PolicyDocument.strings(s, "Action")) {
      context
          .catalog()
          .action(a.text())
          .filter(IamAction::supportsResourceLevel)
          .ifPresent(x -> scopable.add(x.id()));
    }
    if (scopable.isEmpty()) {
      return Optional.empty();
    }
    String path =
        resources.stream().filter(r -> r.text().equals("*")).findFirst().orElseThrow().path();
    return Optional.of(
        Problems.warning(
            RULE,
            path,
            "\"Resource\": \"*\" for actions that can be scoped to resources: "
                + String.join(", ", scopable),
            "name the resources (ARNs) these actions need; keep * only for actions without"
                + " resource-level permissions"));
  }

  /**
   * {@code arn:aws:s3:::*} or {@code arn:aws:dynamodb:*:*:table/*}: the resource part is {@code *},
   * or a resource type's own word (from the catalog's ARN formats) followed by {@code /*} or {@code
   * :*}. {@code arn:aws:s3:::media/*} names a bucket, so it is not one of these.
   */
  private static Optional<Problem> everyResource(
      PolicyDocument.Value r, ValidationContext context) {
    String[] parts = r.text().split(":", 6);
    if (parts.length < 6 || PlaceholderRule.hasPlaceholder(r.text())) {
      return Optional.empty();
    }
    String resource = parts[5];
    boolean all = resource.equals("*");
    if (!all && (resource.endsWith("/*") || resource.endsWith(":*"))) {
      String word = resource.substring(0, resource.length() - 2);
      all =
          context.catalog().service(parts[2]).stream()
              .flatMap(svc -> svc.resourceTypes().values().stream())
              .map(t -> t.arnFormat().split(":", 6))
              .anyMatch(
                  f ->
                      f.length == 6
                          && (f[5].startsWith(word + "/${") || f[5].startsWith(word + ":${")));
    }
    if (!all) {
      return Optional.empty();
    }
    return Optional.of(
        Problems.warning(
            RULE,
            r.path(),
            r.text()
                + " matches every "
                + (resource.equals("*") ? "resource" : resource.substring(0, resource.length() - 2))
                + " of "
                + parts[2]
                + (parts[3].equals("*") || parts[4].equals("*")
                    ? " in every region and account"
                    : ""),
            "name the resources, or use a prefix pattern such as table/orders-*"));
  }

  private static String describe(Map<AccessLevel, Integer> levels) {
    List<String> parts = new ArrayList<>();
    levels.forEach((level, n) -> parts.add(n + " " + level.label()));
    return String.join(", ", parts);
  }
}
