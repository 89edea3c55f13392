package dev.minrole.generator.render;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.generator.synth.FunctionPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;

/**
 * {@code --format serverless}: the statements for a {@code serverless.yml}. With several functions,
 * a {@code functions.<name>.iamRoleStatements} block per function, for the {@code
 * serverless-iam-roles-per-function} plugin, which gives each function its own role
 * (https://www.npmjs.com/package/serverless-iam-roles-per-function); with one function, its {@code
 * provider.iam.role.statements}
 * (https://www.serverless.com/framework/docs/providers/aws/guide/iam). ARNs of the service's own
 * {@code resources} are CloudFormation references ({@code !GetAtt OrdersTable.Arn}), other ARNs are
 * written with pseudo parameters, as in {@link CloudFormationRenderer}. A policy too large for one
 * inline policy keeps all its statements, with a comment saying so.
 */
public final class ServerlessRenderer implements Renderer {
  private static final String PLUGIN = "serverless-iam-roles-per-function";

  private final TemplateValues values;

  public ServerlessRenderer(TemplateValues values) {
    this.values = values;
  }

  @Override
  public String render(List<FunctionPolicy> functions, List<Finding> findings) {
    StringBuilder header = new StringBuilder();
    for (FunctionPolicy f : functions) {
      header.append("# ").append(FunctionNames.describe(f)).append('\n');
      if (f.isSplit()) {
        header
            .append("#   its policy is over the inline size limit IAM allows")
            .append(" (POLICY_SPLIT); these statements need a managed policy\n");
      }
    }
    if (functions.size() == 1) {
      FunctionPolicy f = functions.get(0);
      Yaml block =
          Yaml.map(
              "provider", Yaml.map("iam", Yaml.map("role", Yaml.map("statements", statements(f)))));
      return header + YamlWriter.write(block);
    }
    Map<String, Yaml> byFunction = new LinkedHashMap<>();
    for (FunctionPolicy f : functions) {
      String name = f.deployment().logicalId().orElse(new FunctionNames(functions).of(f));
      byFunction.put(name, Yaml.map("iamRoleStatements", statements(f)));
    }
    Yaml block =
        Yaml.map(
            "plugins",
            Yaml.seq(List.of(Yaml.text(PLUGIN))),
            "functions",
            new Yaml.Mapping(byFunction));
    return header + YamlWriter.write(block);
  }

  /** Every statement of the function's policy (of all its parts when it is split). */
  private Yaml statements(FunctionPolicy f) {
    TemplateValues own = TemplateResources.of(f, values);
    List<IamPolicy> documents =
        f.isSplit() ? f.parts() : f.policy().map(List::of).orElse(List.of());
    List<Yaml> out = new ArrayList<>();
    for (IamPolicy document : documents) {
      Yaml policy = PolicyYaml.of(document, own);
      if (policy instanceof Yaml.Mapping m && m.entries().get("Statement") instanceof Yaml.Seq s) {
        out.addAll(s.items());
      }
    }
    return Yaml.seq(out);
  }

  @Override
  public String extension() {
    return "serverless.yml";
  }
}
