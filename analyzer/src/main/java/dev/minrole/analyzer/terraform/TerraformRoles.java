package dev.minrole.analyzer.terraform;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.analyzer.template.DeclaredPolicy;
import dev.minrole.analyzer.template.RoleRef;
import dev.minrole.analyzer.template.WrittenStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The execution role a function's {@code role} argument names, and what the configuration grants
 * it: the role's {@code inline_policy} blocks and {@code managed_policy_arns}, the {@code
 * aws_iam_role_policy}s on it, and the policies {@code aws_iam_role_policy_attachment} and {@code
 * aws_iam_policy_attachment} attach (an {@code aws_iam_policy} of the configuration with its
 * document, else the ARN, which for AWS managed policies names the policy). Documents are read from
 * {@code jsonencode}, heredoc or file JSON, and {@code aws_iam_policy_document} data sources, each
 * statement at its own line.
 */
final class TerraformRoles {
  private static final String ROLE = "aws_iam_role";

  private final TerraformResources resources;

  TerraformRoles(TerraformResources resources) {
    this.resources = resources;
  }

  /** The role a function's {@code role} argument names: a role of the configuration, or an ARN. */
  RoleRef role(TfValue role) {
    Optional<String> origin = role.origin();
    if (origin.isPresent()) {
      for (ResourceInstance r : resources.ofType(ROLE)) {
        if (origin.get().startsWith(r.address() + ".")
            || origin.get().startsWith(r.instanceAddress() + ".")) {
          return new RoleRef.Resource(r.address());
        }
      }
    }
    for (ResourceInstance r : resources.ofType(ROLE)) {
      List<ArgValue> arns = arns(r);
      if (role.strings().stream().anyMatch(v -> v.isKnown() && arns.contains(v))) {
        return new RoleRef.Resource(r.address());
      }
    }
    return new RoleRef.External(role.strings());
  }

  private List<ArgValue> arns(ResourceInstance role) {
    return resources.attribute(role, "arn").strings();
  }

  /** What the configuration grants the role; nothing for a role it does not define. */
  List<DeclaredPolicy> policies(RoleRef role) {
    if (!(role instanceof RoleRef.Resource r)) {
      return List.of();
    }
    List<DeclaredPolicy> out = new ArrayList<>();
    List<ResourceInstance> roleInstances = resources.at(r.logicalId());
    for (ResourceInstance instance : roleInstances) {
      for (TfValue inline : instance.get("inline_policy").items()) {
        if (inline instanceof TfValue.Obj o && !o.get("policy").isNull()) {
          String name = o.get("name").literal().orElse("inline_policy");
          out.add(
              written(r.logicalId() + " inline_policy " + name, false, o.get("policy"), o.at()));
        }
      }
      for (TfValue arn : instance.get("managed_policy_arns").items()) {
        attached(arn, instance.locationOf("managed_policy_arns"), out);
      }
    }
    for (ResourceInstance policy : resources.ofType("aws_iam_role_policy")) {
      if (isRole(policy.get("role"), roleInstances)) {
        out.add(written(policy.instanceAddress(), false, policy.get("policy"), policy.location()));
      }
    }
    for (ResourceInstance attachment : resources.ofType("aws_iam_role_policy_attachment")) {
      if (isRole(attachment.get("role"), roleInstances)) {
        attached(attachment.get("policy_arn"), attachment.location(), out);
      }
    }
    for (ResourceInstance attachment : resources.ofType("aws_iam_policy_attachment")) {
      if (attachment.get("roles").items().stream().anyMatch(v -> isRole(v, roleInstances))) {
        attached(attachment.get("policy_arn"), attachment.location(), out);
      }
    }
    return out;
  }

  /** True if a {@code role} argument (a name, id or ARN) names one of the role's instances. */
  private boolean isRole(TfValue value, List<ResourceInstance> role) {
    Optional<String> origin = value.origin();
    for (ResourceInstance r : role) {
      if (origin.isPresent()
          && (origin.get().startsWith(r.address() + ".")
              || origin.get().startsWith(r.instanceAddress() + "."))) {
        return true;
      }
      List<ArgValue> names = r.get("name").strings();
      List<ArgValue> arns = arns(r);
      for (ArgValue v : value.strings()) {
        if (v.isKnown() && (names.contains(v) || arns.contains(v))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A policy ARN attached to the role: an {@code aws_iam_policy} of the configuration, or its ARN.
   */
  private void attached(TfValue arn, SourceLocation where, List<DeclaredPolicy> out) {
    Optional<String> origin = arn.origin();
    for (ResourceInstance policy : resources.ofType("aws_iam_policy")) {
      boolean referenced =
          origin.isPresent()
              && (origin.get().startsWith(policy.address() + ".")
                  || origin.get().startsWith(policy.instanceAddress() + "."));
      boolean sameArn =
          arn.strings().stream().anyMatch(v -> v.isKnown() && arns(policy, "arn").contains(v));
      if (referenced || sameArn) {
        out.add(written(policy.instanceAddress(), true, policy.get("policy"), policy.location()));
        return;
      }
    }
    out.add(new DeclaredPolicy.Managed(arn.strings(), where));
  }

  private List<ArgValue> arns(ResourceInstance r, String attribute) {
    return resources.attribute(r, attribute).strings();
  }

  /** A policy document as statements, or unreadable with the reason. */
  static DeclaredPolicy.Written written(
      String name, boolean managed, TfValue policy, SourceLocation where) {
    TfValue document = policy instanceof TfValue.Json json ? json.document() : policy;
    if (document instanceof TfValue.Text text && text.literal().isPresent()) {
      Optional<TfValue> parsed = JsonValues.parse(text.literal().get(), where.file(), where.line());
      if (parsed.isPresent()) {
        document = parsed.get();
      }
    }
    if (!(document instanceof TfValue.Obj doc)) {
      String why =
          document.strings().stream()
              .filter(v -> !v.isKnown())
              .map(ArgValue::describe)
              .findFirst()
              .orElse("a " + document.kind() + " that is not a JSON policy");
      return new DeclaredPolicy.Written(name, managed, List.of(), where, Optional.of(why));
    }
    List<WrittenStatement> statements = new ArrayList<>();
    for (TfValue s : doc.get("Statement").items()) {
      if (s instanceof TfValue.Obj statement) {
        statements.add(statement(statement));
      }
    }
    return new DeclaredPolicy.Written(name, managed, statements, where, Optional.empty());
  }

  private static WrittenStatement statement(TfValue.Obj s) {
    Map<String, Map<String, List<ArgValue>>> conditions = new LinkedHashMap<>();
    if (s.get("Condition") instanceof TfValue.Obj byOperator) {
      byOperator
          .fields()
          .forEach(
              (operator, keys) -> {
                Map<String, List<ArgValue>> byKey = new LinkedHashMap<>();
                if (keys instanceof TfValue.Obj k) {
                  k.fields().forEach((key, values) -> byKey.put(key, values.flatStrings()));
                }
                conditions.put(operator, byKey);
              });
    }
    return new WrittenStatement(
        s.get("Sid").literal(),
        s.get("Effect").literal().orElse("Allow"),
        s.get("Action").flatStrings(),
        s.get("NotAction").flatStrings(),
        s.get("Resource").flatStrings(),
        s.get("NotResource").flatStrings(),
        conditions,
        s.at());
  }
}
