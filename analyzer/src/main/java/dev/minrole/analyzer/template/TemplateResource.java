package dev.minrole.analyzer.template;

import dev.minrole.analyzer.model.SourceLocation;

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
}
