package dev.minrole.generator.render;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.terraform.ResourceInstance;
import dev.minrole.analyzer.terraform.TerraformProject;
import dev.minrole.analyzer.terraform.TerraformResourceTypes;
import dev.minrole.analyzer.terraform.TfValue;
import dev.minrole.generator.synth.ArnContext;
import dev.minrole.generator.synth.TemplateReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ARNs of a Terraform configuration's own resources, and how the configuration writes each:
 * {@code aws_dynamodb_table.shipments.arn} for a resource's ARN attribute ({@code
 * resource-types.yaml}), {@code aws_cloudwatch_log_group.x.arn} for a declared log group, and the
 * log group of a function without one through its name ({@code
 * arn:aws:logs:*:*:log-group:/aws/lambda/${aws_lambda_function.x.function_name}}). Only resources
 * of the root module whose name is known are kept: the root cannot reference a module's resources,
 * and a generated name does not tell resources apart.
 */
public final class TerraformArns {
  private static final String LAMBDA = "aws_lambda_function";

  private TerraformArns() {}

  /** The references of the configuration's root resources, longest ARN first. */
  public static List<TemplateReference> of(TerraformProject project, ArnContext context) {
    Map<String, TemplateReference> byArn = new LinkedHashMap<>();
    TerraformResourceTypes types = project.evaluator().types();
    for (ResourceInstance r : project.resources().all()) {
      if (!r.module().isRoot()) {
        continue;
      }
      Optional<TerraformResourceTypes.Spec> spec = types.of(r.type());
      if (spec.isEmpty() || spec.get().nameArgument().isEmpty()) {
        continue;
      }
      Optional<String> name = r.get(spec.get().nameArgument().get()).literal();
      if (name.isEmpty() || name.get().isEmpty()) {
        continue;
      }
      if (r.type().equals("aws_cloudwatch_log_group")) {
        add(byArn, context.logGroupArn(name.get()), "", r.instanceAddress() + ".arn");
      } else if (spec.get().arnAttribute().isPresent()) {
        String attribute = spec.get().arnAttribute().get();
        TfValue arn = project.resources().attribute(r, attribute);
        for (ArgValue value : arn.strings()) {
          add(byArn, value.pattern(), "", r.instanceAddress() + "." + attribute);
        }
      }
    }
    for (ResourceInstance fn : project.resources().ofType(LAMBDA)) {
      Optional<String> name = fn.get("function_name").literal();
      if (fn.module().isRoot() && name.isPresent()) {
        String head = context.logGroupArn("/aws/lambda/");
        add(byArn, head + name.get(), head, fn.instanceAddress() + ".function_name");
      }
    }
    List<TemplateReference> out = new ArrayList<>(byArn.values());
    out.sort(
        Comparator.comparingInt((TemplateReference r) -> -r.arn().length())
            .thenComparing(TemplateReference::arn));
    return out;
  }

  /** The first reference for an ARN wins: a declared log group before a function's name. */
  private static void add(
      Map<String, TemplateReference> byArn, String arn, String head, String expression) {
    if (arn.startsWith("arn:") && !byArn.containsKey(arn)) {
      byArn.put(arn, new TemplateReference(arn, head, expression));
    }
  }
}
