package dev.minrole.generator.validate;

import dev.minrole.generator.catalog.ActionResource;
import dev.minrole.generator.catalog.IamAction;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.catalog.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An action paired only with resources it cannot apply to grants nothing: {@code s3:GetObject} on a
 * bucket or a DynamoDB table ARN, or an action without resource-level permissions on anything but
 * {@code *}. Checked for every listed action (not wildcards) of a statement with {@code Resource};
 * a resource with a wildcard in its service, or {@code *}, could be anything.
 */
final class ResourceTypeRule implements ValidationRule {
  @Override
  public List<Problem> check(PolicyDocument document, ValidationContext context) {
    List<Problem> out = new ArrayList<>();
    for (PolicyDocument.Statement s : document.statements()) {
      List<PolicyDocument.Value> resources = PolicyDocument.strings(s, "Resource");
      if (resources.isEmpty() || resources.stream().anyMatch(r -> couldBeAnything(r.text()))) {
        continue;
      }
      for (PolicyDocument.Value action : PolicyDocument.strings(s, "Action")) {
        Optional<IamAction> known = context.catalog().action(action.text());
        if (known.isEmpty()) {
          continue;
        }
        check(known.get(), action.path(), resources, context.catalog()).ifPresent(out::add);
      }
    }
    return out;
  }

  private static boolean couldBeAnything(String resource) {
    String[] parts = resource.split(":", 6);
    return resource.equals("*")
        || parts.length < 3
        || parts[2].contains("*")
        || parts[2].contains("?")
        || parts[2].contains("${");
  }

  private static Optional<Problem> check(
      IamAction action, String path, List<PolicyDocument.Value> resources, IamCatalog catalog) {
    if (action.resources().isEmpty()) {
      return Optional.of(
          Problems.error(
              "RESOURCE_MISMATCH",
              path,
              action.id()
                  + " does not support resource-level permissions, so it is only granted on"
                  + " Resource \"*\"",
              "move " + action.id() + " to a statement with \"Resource\": \"*\""));
    }
    List<ResourceType> types = new ArrayList<>();
    for (ActionResource r : action.resources()) {
      catalog
          .service(action.service())
          .flatMap(svc -> svc.resourceType(r.type()))
          .ifPresent(types::add);
    }
    for (PolicyDocument.Value resource : resources) {
      for (ResourceType type : types) {
        if (matches(type, resource.text())) {
          return Optional.empty();
        }
      }
    }
    List<String> kinds = types.stream().map(t -> t.name() + " (" + t.arnFormat() + ")").toList();
    return Optional.of(
        Problems.error(
            "RESOURCE_MISMATCH",
            path,
            action.id()
                + " cannot apply to "
                + describe(resources)
                + "; it applies to "
                + String.join(", ", kinds),
            "give "
                + action.id()
                + " a resource of that type, or move it to a statement that has one"));
  }

  /** Whether an ARN (possibly with wildcards in its resource part) can be of the type. */
  private static boolean matches(ResourceType type, String arn) {
    if (type.matches(arn)) {
      return true;
    }
    if (!arn.contains("*") && !arn.contains("?")) {
      return false;
    }
    String[] parts = arn.split(":", 6);
    String[] format = type.arnFormat().split(":", 6);
    return parts.length == 6 && format.length == 6 && parts[2].equalsIgnoreCase(format[2]);
  }

  private static String describe(List<PolicyDocument.Value> resources) {
    List<String> arns = resources.stream().map(PolicyDocument.Value::text).toList();
    return arns.size() == 1 ? arns.get(0) : "any of " + String.join(", ", arns);
  }
}
