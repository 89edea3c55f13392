package dev.minrole.generator.current;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.generator.catalog.Glob;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.diff.HiddenCode;
import dev.minrole.generator.diff.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamResource;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * {@code WILDCARD_GRANT}: an {@code Allow} statement the template writes (inline, a SAM policy
 * template, a managed policy it defines) with {@code "Action": "*"}, a whole service ({@code
 * dynamodb:*}), or {@code "Resource": "*"} for actions that support resource-level permissions (per
 * the IAM catalog). AWS managed policies are judged by {@code BROAD_MANAGED_POLICY} instead.
 *
 * <p>A wildcard is a fact about the statement, so a function that is not complete gets the finding
 * too, but without the advice to replace the statement: minrole cannot tell which of its actions
 * and resources the code it did not see uses, and the message names the findings that hid code.
 */
final class WildcardGrants {
  static final String ID = "WILDCARD_GRANT";
  private static final Pattern WHOLE_SERVICE = Pattern.compile("[A-Za-z0-9-]+:\\*+");
  private static final int EXAMPLES = 3;

  private WildcardGrants() {}

  static List<Finding> check(
      String function, RoleDocuments role, IamCatalog catalog, List<Finding> hiding) {
    List<Finding> out = new ArrayList<>();
    for (RoleDocuments.Entry e : role.entries()) {
      if (!role.writtenInTemplate(e.declared())) {
        continue;
      }
      PolicyDocument document = e.document();
      List<IamStatement> statements = document.policy().statements();
      for (int i = 0; i < statements.size(); i++) {
        IamStatement s = statements.get(i);
        if (!IamEffect.ALLOW.value().equals(s.effect().value())) {
          continue;
        }
        List<String> wildcards = wildcardActions(s);
        List<String> scopable = anyResource(s) ? scopable(s, catalog) : List.of();
        if (wildcards.isEmpty() && scopable.isEmpty()) {
          continue;
        }
        String where = statements.size() == 1 ? document.name() : document.statement(i).describe();
        out.add(
            Finding.warning(
                ID,
                message(function, where, s, wildcards, scopable, hiding),
                location(document, i)));
      }
    }
    return out;
  }

  private static List<String> wildcardActions(IamStatement s) {
    return s.actions().stream()
        .map(a -> a.value())
        .filter(a -> Glob.everything(a) || WHOLE_SERVICE.matcher(a).matches())
        .sorted()
        .toList();
  }

  private static boolean anyResource(IamStatement s) {
    return s.resources().stream().map(IamResource::value).anyMatch("*"::equals);
  }

  /** The statement's actions, expanded, that can be scoped to resources. */
  private static List<String> scopable(IamStatement s, IamCatalog catalog) {
    TreeSet<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (var a : s.actions()) {
      catalog.expand(a.value()).stream()
          .filter(x -> x.supportsResourceLevel())
          .forEach(x -> out.add(x.id()));
    }
    return List.copyOf(out);
  }

  /**
   * {@code inline policy Policies grants dynamodb:* (every action of the service) on "Resource":
   * "*", though 66 of its actions can be scoped to resources (dynamodb:BatchGetItem, ...)}.
   */
  private static String message(
      String function,
      String where,
      IamStatement s,
      List<String> wildcards,
      List<String> scopable,
      List<Finding> hiding) {
    List<String> written = s.actions().stream().map(a -> a.value()).sorted().toList();
    String actions = String.join(", ", examples(written));
    if (!wildcards.isEmpty()) {
      actions +=
          wildcards.stream().anyMatch(Glob::everything)
              ? " (every action of every service)"
              : " (every action of the service)";
    }
    List<String> resources = s.resources().stream().map(IamResource::value).sorted().toList();
    String on = scopable.isEmpty() ? String.join(", ", examples(resources)) : "\"Resource\": \"*\"";
    String scoping =
        scopable.isEmpty()
            ? ""
            : ", though "
                + scopable.size()
                + " of its actions can be scoped to resources ("
                + String.join(", ", examples(scopable))
                + ")";
    return function
        + ": "
        + where
        + " grants "
        + actions
        + " on "
        + on
        + scoping
        + (hiding.isEmpty()
            ? ". Grant the actions and resources of the generated policy instead"
            : HiddenCode.caveat(
                hiding, "which of these actions and resources the function needs", "it"));
  }

  /** The first few of a list, with {@code ...} when there are more. */
  private static List<String> examples(List<String> all) {
    if (all.size() <= EXAMPLES) {
      return all;
    }
    List<String> out = new ArrayList<>(all.subList(0, EXAMPLES));
    out.add("...");
    return out;
  }

  private static SourceLocation location(PolicyDocument document, int statement) {
    return document.statement(statement).location();
  }
}
