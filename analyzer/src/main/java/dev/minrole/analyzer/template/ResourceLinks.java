package dev.minrole.analyzer.template;

import dev.minrole.analyzer.model.ArgValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How one resource of a template names another: by {@code Ref}, by {@code Fn::GetAtt}, through an
 * intrinsic the resolver follows, or by the physical name it will have.
 */
final class ResourceLinks {
  private final Template template;
  private final TemplateResolver resolver;

  ResourceLinks(TemplateResolver resolver) {
    this.template = resolver.template();
    this.resolver = resolver;
  }

  /** True if {@code node} names the resource {@code logicalId}. */
  boolean refersTo(Optional<TNode> node, String logicalId) {
    if (node.isEmpty()) {
      return false;
    }
    Optional<String> named =
        node.get()
            .asMap()
            .filter(TNode.TMap::isIntrinsic)
            .flatMap(m -> m.text("Ref"))
            .or(() -> getAttTarget(node.get()))
            .filter(id -> template.resource(id).isPresent());
    if (named.isPresent()) {
      return named.get().equals(logicalId);
    }
    for (ArgValue v : resolver.resolve(node.get())) {
      if (v instanceof ArgValue.TemplateRef ref && ref.logicalId().equals(logicalId)) {
        return true;
      }
      if (v instanceof ArgValue.Concat c
          && c.parts().stream()
              .anyMatch(
                  p ->
                      p instanceof ArgValue.TemplateRef ref && ref.logicalId().equals(logicalId))) {
        return true;
      }
    }
    Optional<TemplateResource> target = template.resource(logicalId);
    return target.isPresent()
        && resolver
            .literal(node.get())
            .map(name -> functionNames(target.get()).contains(ArgValue.literal(name)))
            .orElse(false);
  }

  /** The logical id an {@code Fn::GetAtt} names, short or long form. */
  static Optional<String> getAttTarget(TNode node) {
    if (!(node instanceof TNode.TMap map) || !map.isIntrinsic()) {
      return Optional.empty();
    }
    List<TNode> parts = map.get("Fn::GetAtt").map(TNode::items).orElse(List.of());
    return parts.size() == 2 ? parts.get(0).text() : Optional.empty();
  }

  /** The names the function {@code resource} can have, a pattern where generated. */
  List<ArgValue> functionNames(TemplateResource resource) {
    List<ArgValue> out = new ArrayList<>();
    for (String name :
        resolver.physicalNames(
            resource, ResourceTypes.bundled().of(resource.type()).orElseThrow())) {
      out.add(
          name.contains("*")
              ? new ArgValue.TemplateRef(
                  resource.logicalId(), "", resource.type(), Optional.of(name))
              : ArgValue.literal(name));
    }
    return out;
  }
}
