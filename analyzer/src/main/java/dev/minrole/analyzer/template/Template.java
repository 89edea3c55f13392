package dev.minrole.analyzer.template;

import dev.minrole.analyzer.model.SourceLocation;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed template: where it is, and its sections (parameters, mappings, conditions, SAM globals,
 * resources) ready for lookup.
 */
public final class Template {
  private final Path path;
  private final String displayPath;
  private final TNode.TMap root;
  private final Map<String, TemplateResource> resources = new LinkedHashMap<>();

  public Template(Path path, String displayPath, TNode.TMap root) {
    this.path = path;
    this.displayPath = displayPath;
    this.root = root;
    for (Map.Entry<String, TNode> e : root.map("Resources").entries().entrySet()) {
      if (e.getValue() instanceof TNode.TMap r) {
        resources.put(
            e.getKey(),
            new TemplateResource(
                e.getKey(),
                r.text("Type").orElse(""),
                r.map("Properties"),
                r,
                SourceLocation.of(displayPath, r.line())));
      }
    }
  }

  /** The template file. */
  public Path path() {
    return path;
  }

  /** The directory relative paths in the template (CodeUri) start from. */
  public Path directory() {
    Path parent = path.toAbsolutePath().getParent();
    return parent == null ? path.toAbsolutePath() : parent;
  }

  public String displayPath() {
    return displayPath;
  }

  public TNode.TMap root() {
    return root;
  }

  public Map<String, TemplateResource> resources() {
    return Collections.unmodifiableMap(resources);
  }

  public Optional<TemplateResource> resource(String logicalId) {
    return Optional.ofNullable(resources.get(logicalId));
  }

  public TNode.TMap parameters() {
    return root.map("Parameters");
  }

  public TNode.TMap mappings() {
    return root.map("Mappings");
  }

  public TNode.TMap conditions() {
    return root.map("Conditions");
  }

  /** SAM's {@code Globals.Function}, merged into every serverless function. */
  public TNode.TMap functionGlobals() {
    return root.map("Globals").map("Function");
  }

  public SourceLocation location(TNode node) {
    return SourceLocation.of(displayPath, node.line());
  }
}
