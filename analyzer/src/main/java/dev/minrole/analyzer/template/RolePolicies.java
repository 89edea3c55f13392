package dev.minrole.analyzer.template;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A function's role as its template declares it, and the policies the template gives it: SAM's
 * {@code Policies}, the role resource's inline and managed policies, and the {@code
 * AWS::IAM::Policy} and {@code AWS::IAM::ManagedPolicy} resources attached to that role.
 */
final class RolePolicies {
  private final Template template;
  private final TemplateResolver resolver;
  private final ResourceLinks links;

  RolePolicies(TemplateResolver resolver, ResourceLinks links) {
    this.template = resolver.template();
    this.resolver = resolver;
    this.links = links;
  }

  /** The role a function's {@code Role} names: a resource of the template, or another. */
  RoleRef role(TNode node) {
    // !GetAtt Role.Arn names the role resource; resolving it would only make up its ARN (and a
    // GENERATED_NAME note about a name no policy uses).
    Optional<String> named =
        ResourceLinks.getAttTarget(node).filter(id -> template.resource(id).isPresent());
    if (named.isPresent()) {
      return new RoleRef.Resource(named.get());
    }
    for (ArgValue v : resolver.resolve(node)) {
      if (v instanceof ArgValue.TemplateRef ref
          && !ref.isPseudo()
          && template.resource(ref.logicalId()).isPresent()) {
        return new RoleRef.Resource(ref.logicalId());
      }
    }
    return new RoleRef.External(resolver.resolve(node));
  }

  /**
   * SAM {@code Policies}: a managed policy name or ARN, a policy template, a document, or a list of
   * these.
   */
  void samPolicies(TNode node, List<DeclaredPolicy> out) {
    if (node instanceof TNode.TList list) {
      list.items().forEach(item -> samPolicies(item, out));
      return;
    }
    SourceLocation where = template.location(node);
    if (node instanceof TNode.TScalar || (node instanceof TNode.TMap m && m.isIntrinsic())) {
      out.add(new DeclaredPolicy.Managed(resolver.resolve(node), where));
      return;
    }
    TNode.TMap map = (TNode.TMap) node;
    if (map.get("Statement").isPresent()) {
      out.add(new DeclaredPolicy.Inline("Policies", map, where));
      return;
    }
    for (Map.Entry<String, TNode> e : map.entries().entrySet()) {
      Map<String, List<ArgValue>> parameters = new LinkedHashMap<>();
      e.getValue()
          .asMap()
          .ifPresent(p -> p.entries().forEach((k, v) -> parameters.put(k, resolver.resolve(v))));
      out.add(
          new DeclaredPolicy.SamTemplate(e.getKey(), parameters, template.location(e.getValue())));
    }
  }

  /** The inline and managed policies of a role resource, and the IAM policies attached to it. */
  void rolePolicies(String roleId, List<DeclaredPolicy> out) {
    template
        .resource(roleId)
        .ifPresent(
            role -> {
              for (TNode policy :
                  role.properties().get("Policies").map(TNode::items).orElse(List.of())) {
                policy
                    .asMap()
                    .ifPresent(
                        p ->
                            p.get("PolicyDocument")
                                .ifPresent(
                                    d ->
                                        out.add(
                                            new DeclaredPolicy.Inline(
                                                p.text("PolicyName").orElse("inline"),
                                                d,
                                                template.location(p)))));
              }
              for (TNode arn :
                  role.properties().get("ManagedPolicyArns").map(TNode::items).orElse(List.of())) {
                out.add(new DeclaredPolicy.Managed(resolver.resolve(arn), template.location(arn)));
              }
            });
    for (TemplateResource policy : template.resources().values()) {
      boolean inline = policy.type().equals("AWS::IAM::Policy");
      boolean managed = policy.type().equals("AWS::IAM::ManagedPolicy");
      if ((!inline && !managed)
          || policy.properties().get("Roles").map(TNode::items).orElse(List.of()).stream()
              .noneMatch(r -> links.refersTo(Optional.of(r), roleId))) {
        continue;
      }
      policy
          .properties()
          .get("PolicyDocument")
          .ifPresent(
              d -> out.add(new DeclaredPolicy.Inline(policy.logicalId(), d, policy.location())));
    }
  }
}
