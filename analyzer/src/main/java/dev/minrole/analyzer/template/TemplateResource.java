package dev.minrole.analyzer.template;

import dev.minrole.analyzer.model.SourceLocation;
import java.util.List;
import java.util.Optional;

/** A resource of a template: its logical id, type, properties and where it is declared. */
public record TemplateResource(
    String logicalId,
    String type,
    TNode.TMap properties,
    TNode.TMap node,
    SourceLocation location) {
  public TNode.TMap metadata() {
    return node.map("Metadata");
  }

  /**
   * The property at a dotted path, e.g. {@code StreamEncryption.KeyId}; a step {@code X[*]} is a
   * list, and the first of its elements that has the rest of the path gives it.
   */
  public Optional<TNode> property(String path) {
    return at(properties, List.of(path.split("\\.")));
  }

  private static Optional<TNode> at(TNode.TMap map, List<String> steps) {
    String step = steps.get(0);
    List<String> rest = steps.subList(1, steps.size());
    if (step.endsWith("[*]")) {
      for (TNode item :
          map.get(step.substring(0, step.length() - 3)).map(TNode::items).orElse(List.of())) {
        Optional<TNode> found =
            rest.isEmpty() ? Optional.of(item) : item.asMap().flatMap(m -> at(m, rest));
        if (found.isPresent()) {
          return found;
        }
      }
      return Optional.empty();
    }
    return rest.isEmpty() ? map.get(step) : at(map.map(step), rest);
  }
}
