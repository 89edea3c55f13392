package dev.minrole.analyzer.template;

import dev.minrole.analyzer.model.SourceLocation;
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

  /** The property at a dotted path of maps, e.g. {@code StreamEncryption.KeyId}. */
  public Optional<TNode> property(String path) {
    TNode.TMap current = properties;
    String[] steps = path.split("\\.");
    for (int i = 0; i < steps.length - 1; i++) {
      current = current.map(steps[i]);
    }
    return current.get(steps[steps.length - 1]);
  }
}
