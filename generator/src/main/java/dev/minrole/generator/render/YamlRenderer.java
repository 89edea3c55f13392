package dev.minrole.generator.render;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.generator.synth.FunctionPolicy;
import java.util.List;

/** {@code --format yaml}: exactly what {@code --format json} prints, as YAML. */
public final class YamlRenderer implements Renderer {
  @Override
  public String render(List<FunctionPolicy> functions, List<Finding> findings) {
    return YamlWriter.write(Yaml.of(JsonRenderer.tree(functions)));
  }

  @Override
  public String extension() {
    return "yaml";
  }
}
