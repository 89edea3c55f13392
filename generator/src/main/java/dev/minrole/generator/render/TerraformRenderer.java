package dev.minrole.generator.render;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.generator.synth.CurrentRole;
import dev.minrole.generator.synth.Deployment;
import dev.minrole.generator.synth.FunctionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.policybuilder.iam.IamCondition;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * {@code --format terraform}: per function a {@code data "aws_iam_policy_document"} and an {@code
 * aws_iam_role_policy} that puts it on the function's role. A policy over the inline size limit
 * becomes {@code aws_iam_policy} resources attached with {@code aws_iam_role_policy_attachment}.
 *
 * <p>For a function of a Terraform configuration, the output references the configuration's own
 * resources ({@code aws_dynamodb_table.shipments.arn}, {@code "${aws_s3_bucket.labels.arn}/*"}) and
 * its role ({@code aws_iam_role.dispatcher.id}); when the role is shared with other functions
 * ({@code SHARED_ROLE}), it declares a new role for the function, with the Lambda trust policy, to
 * set as the function's {@code role}. Blocks of such functions are named {@code
 * <function>_least_privilege}, so they do not collide with the configuration's own. Any other
 * function's role is the variable {@code <function>_role_name} (declared here).
 */
public final class TerraformRenderer implements Renderer {
  private static final String TRUST = "lambda_assume_role_least_privilege";

  @Override
  public String render(List<FunctionPolicy> functions, List<Finding> findings) {
    FunctionNames names = new FunctionNames(functions);
    Hcl hcl = new Hcl();
    boolean trustWritten = false;
    for (FunctionPolicy f : functions) {
      TerraformValues values = TerraformValues.of(f);
      boolean configured = f.deployment().source() == Deployment.Source.TERRAFORM;
      String name = names.snake(f) + (configured ? "_least_privilege" : "");
      String role;
      Optional<String> roleAddress = configured ? ownRole(f) : Optional.empty();
      if (configured && shared(f)) {
        if (!trustWritten) {
          trust(hcl);
          trustWritten = true;
        }
        hcl.comment(
            FunctionNames.describe(f)
                + " shares "
                + roleAddress.orElse("its role")
                + " with other functions: give it this role (role = aws_iam_role."
                + name
                + ".arn)");
        hcl.open("resource", "aws_iam_role", name)
            .text("name_prefix", names.of(f) + "-")
            .expression("assume_role_policy", "data.aws_iam_policy_document." + TRUST + ".json")
            .close();
        role = "aws_iam_role." + name + ".id";
      } else if (roleAddress.isPresent()) {
        role = roleAddress.get() + ".id";
      } else if (configured && roleName(f).isPresent()) {
        role = Hcl.string(roleName(f).get());
      } else {
        role = "var." + name + "_role_name";
        hcl.open("variable", name + "_role_name")
            .text("description", "Name of the IAM execution role of " + FunctionNames.describe(f))
            .expression("type", "string")
            .close();
      }
      if (f.isEmpty()) {
        continue;
      }
      if (!f.isSplit()) {
        document(hcl, name, f.policy().get(), values);
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
        document(hcl, part, f.parts().get(i), values);
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

  /** The address of the function's role when the root module of its configuration declares it. */
  private static Optional<String> ownRole(FunctionPolicy f) {
    return f.deployment()
        .role()
        .flatMap(CurrentRole::logicalId)
        .filter(address -> address.startsWith("aws_iam_role."));
  }

  /** The name of a role known by its ARN. */
  private static Optional<String> roleName(FunctionPolicy f) {
    List<String> arns = f.deployment().role().map(CurrentRole::arns).orElse(List.of());
    if (arns.size() != 1 || arns.get(0).contains("*") || !arns.get(0).contains(":role/")) {
      return Optional.empty();
    }
    String arn = arns.get(0);
    return Optional.of(arn.substring(arn.lastIndexOf('/') + 1));
  }

  private static boolean shared(FunctionPolicy f) {
    return f.findings().stream().anyMatch(x -> x.id().equals("SHARED_ROLE"));
  }

  /** The Lambda trust policy of the roles this output declares. */
  private static void trust(Hcl hcl) {
    hcl.open("data", "aws_iam_policy_document", TRUST);
    hcl.open("statement").list("actions", List.of("sts:AssumeRole"));
    hcl.open("principals")
        .text("type", "Service")
        .list("identifiers", List.of("lambda.amazonaws.com"))
        .close();
    hcl.close();
    hcl.close();
  }

  private static void document(Hcl hcl, String name, IamPolicy policy, TerraformValues values) {
    hcl.open("data", "aws_iam_policy_document", name);
    for (IamStatement s : policy.statements()) {
      hcl.open("statement");
      if (s.sid() != null) {
        hcl.text("sid", s.sid());
      }
      hcl.text("effect", s.effect().value());
      list(hcl, "actions", s.actions().stream().map(a -> a.value()).toList());
      list(hcl, "not_actions", s.notActions().stream().map(a -> a.value()).toList());
      resources(hcl, "resources", s.resources().stream().map(r -> r.value()).toList(), values);
      resources(
          hcl, "not_resources", s.notResources().stream().map(r -> r.value()).toList(), values);
      Map<String, TreeSet<String>> conditions = new TreeMap<>();
      for (IamCondition c : s.conditions()) {
        conditions
            .computeIfAbsent(
                c.operator().value() + "\u0000" + c.key().value(), k -> new TreeSet<>())
            .add(c.value());
      }
      conditions.forEach(
          (key, condition) -> {
            String[] parts = key.split("\u0000", 2);
            hcl.open("condition").text("test", parts[0]).text("variable", parts[1]);
            hcl.expressions(
                    "values",
                    new ArrayList<>(condition).stream().map(values::conditionValue).toList())
                .close();
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

  private static void resources(Hcl hcl, String name, List<String> arns, TerraformValues values) {
    if (!arns.isEmpty()) {
      hcl.expressions(name, arns.stream().sorted().distinct().map(values::resource).toList());
    }
  }

  @Override
  public String extension() {
    return "tf";
  }
}
