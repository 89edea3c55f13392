package dev.minrole.generator.render;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.generator.synth.FunctionPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --format sam}: the {@code Policies:} block to put under the {@code Properties} of an
 * {@code AWS::Serverless::Function}, one YAML document per function, each headed by a comment
 * naming the function (its logical id and handler) and, when the function sets {@code Role}, that
 * SAM then ignores {@code Policies}. A policy over the inline size limit is attached as managed
 * policies ({@code !Ref}), and their {@code Resources:} follow, to be added to the template's
 * resources. ARNs are written as in {@link CloudFormationRenderer}.
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
      TemplateValues values = TemplateResources.of(f, this.values);
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
      documents.add(header(f) + YamlWriter.write(block));
    }
    return String.join("---\n", documents);
  }

  /**
   * {@code # OrderFunction (com.example.Handler::handleRequest)}, and a second line when the
   * template gives the function a role: SAM ignores {@code Policies} then.
   * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html#sam-function-policies
   */
  private static String header(FunctionPolicy f) {
    String header = "# " + FunctionNames.describe(f) + "\n";
    return f.deployment()
        .role()
        .filter(r -> f.deployment().fromTemplate() && !r.implicit())
        .map(
            r ->
                header
                    + "# It sets Role ("
                    + r.logicalId().orElse(String.join(" or ", r.arns()))
                    + "), so SAM ignores Policies: put these statements in that role, or remove"
                    + " Role\n")
        .orElse(header);
  }

  @Override
  public String extension() {
    return "sam.yaml";
  }
}
