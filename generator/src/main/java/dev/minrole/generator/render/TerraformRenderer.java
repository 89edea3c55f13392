package dev.minrole.generator.render;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.generator.synth.FunctionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.policybuilder.iam.IamCondition;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * {@code --format terraform}: per function a {@code data "aws_iam_policy_document"} and an {@code
 * aws_iam_role_policy} that puts it on the role, whose name is the variable {@code
 * <function>_role_name} (declared here). A policy over the inline size limit becomes {@code
 * aws_iam_policy} resources attached with {@code aws_iam_role_policy_attachment}.
 */
public final class TerraformRenderer implements Renderer {
  @Override
  public String render(List<FunctionPolicy> functions, List<Finding> findings) {
    FunctionNames names = new FunctionNames(functions);
    Hcl hcl = new Hcl();
    for (FunctionPolicy f : functions) {
      String name = names.snake(f);
      String role = "var." + name + "_role_name";
      hcl.open("variable", name + "_role_name")
          .text("description", "Name of the IAM execution role of " + FunctionNames.describe(f))
          .expression("type", "string")
          .close();
      if (f.isEmpty()) {
        continue;
      }
      if (!f.isSplit()) {
        document(hcl, name, f.policy().get());
        hcl.open("resource", "aws_iam_role_policy", name)
            .text("name", names.of(f) + "Policy")
            .expression("role", role)
            .expression("policy", "data.aws_iam_policy_document." + name + ".json")
            .close();
        continue;
      }
      List<String> partNames = names.parts(f);
      for (int i = 0; i < partNames.size(); i++) {
        String part = name + "_" + (i + 1);
        document(hcl, part, f.parts().get(i));
        hcl.open("resource", "aws_iam_policy", part)
            .text("name", partNames.get(i))
            .text("description", FunctionNames.describePart(f, i))
            .expression("policy", "data.aws_iam_policy_document." + part + ".json")
            .close();
        hcl.open("resource", "aws_iam_role_policy_attachment", part)
            .expression("role", role)
            .expression("policy_arn", "aws_iam_policy." + part + ".arn")
            .close();
      }
    }
    return hcl.toString();
  }

  private static void document(Hcl hcl, String name, IamPolicy policy) {
    hcl.open("data", "aws_iam_policy_document", name);
    for (IamStatement s : policy.statements()) {
      hcl.open("statement");
      if (s.sid() != null) {
        hcl.text("sid", s.sid());
      }
      hcl.text("effect", s.effect().value());
      list(hcl, "actions", s.actions().stream().map(a -> a.value()).toList());
      list(hcl, "not_actions", s.notActions().stream().map(a -> a.value()).toList());
      list(hcl, "resources", s.resources().stream().map(r -> r.value()).toList());
      list(hcl, "not_resources", s.notResources().stream().map(r -> r.value()).toList());
      Map<String, TreeSet<String>> conditions = new TreeMap<>();
      for (IamCondition c : s.conditions()) {
        conditions
            .computeIfAbsent(
                c.operator().value() + "\u0000" + c.key().value(), k -> new TreeSet<>())
            .add(c.value());
      }
      conditions.forEach(
          (key, values) -> {
            String[] parts = key.split("\u0000", 2);
            hcl.open("condition").text("test", parts[0]).text("variable", parts[1]);
            hcl.list("values", new ArrayList<>(values)).close();
          });
      hcl.close();
    }
    hcl.close();
  }

  private static void list(Hcl hcl, String name, List<String> values) {
    if (!values.isEmpty()) {
      hcl.list(name, values.stream().sorted().distinct().toList());
    }
  }

  @Override
  public String extension() {
    return "tf";
  }
}
