package dev.minrole.generator.render;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.generator.synth.FunctionPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --format sam}: the {@code Policies:} block to put under the {@code Properties} of an
 * {@code AWS::Serverless::Function}, one YAML document per function, each headed by a comment
 * naming its handler. A policy over the inline size limit is attached as managed policies ({@code
 * !Ref}), and their {@code Resources:} follow, to be added to the template's resources.
 */
public final class SamRenderer implements Renderer {
  private final TemplateValues values;

  public SamRenderer(TemplateValues values) {
    this.values = values;
  }

  @Override
  public String render(List<FunctionPolicy> functions, List<Finding> findings) {
    FunctionNames names = new FunctionNames(functions);
    List<String> documents = new ArrayList<>();
    for (FunctionPolicy f : functions) {
      Yaml block;
      if (f.isSplit()) {
        List<Yaml> refs = new ArrayList<>();
        names.parts(f).forEach(p -> refs.add(new Yaml.Tagged("!Ref", p)));
        block =
            Yaml.map(
                "Policies",
                Yaml.seq(refs),
                "Resources",
                new Yaml.Mapping(CloudFormationRenderer.managedPolicies(f, names, values)));
      } else {
        block =
            Yaml.map(
                "Policies",
                Yaml.seq(f.policy().map(p -> List.of(PolicyYaml.of(p, values))).orElse(List.of())));
      }
      documents.add("# " + f.handler() + "\n" + YamlWriter.write(block));
    }
    return String.join("---\n", documents);
  }

  @Override
  public String extension() {
    return "sam.yaml";
  }
}
