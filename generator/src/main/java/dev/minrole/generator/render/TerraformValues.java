package dev.minrole.generator.render;

import dev.minrole.generator.synth.Deployment;
import dev.minrole.generator.synth.FunctionPolicy;
import dev.minrole.generator.synth.TemplateReference;
import java.util.List;
import java.util.Optional;

/**
 * Writes the ARNs of a Terraform configuration's own resources as the configuration references
 * them: {@code aws_dynamodb_table.shipments.arn}, {@code "${aws_s3_bucket.labels.arn}/labels/*"},
 * {@code "arn:aws:logs:*:*:log-group:/aws/lambda/${aws_lambda_function.dispatcher.function_name}"};
 * anything else as a quoted string.
 */
final class TerraformValues {
  private final List<TemplateReference> references;

  private TerraformValues(List<TemplateReference> references) {
    this.references = List.copyOf(references);
  }

  /** The references of {@code f}'s configuration, or none for a function not deployed by it. */
  static TerraformValues of(FunctionPolicy f) {
    return new TerraformValues(
        f.deployment().source() == Deployment.Source.TERRAFORM
            ? f.deployment().references()
            : List.of());
  }

  /** An ARN (or {@code *}) as an HCL expression. */
  String resource(String arn) {
    Optional<TemplateReference.Match> match = TemplateReference.find(references, arn);
    if (match.isEmpty()) {
      return Hcl.string(arn);
    }
    TemplateReference r = match.get().reference();
    String rest = match.get().rest();
    if (r.head().isEmpty() && rest.isEmpty()) {
      return r.expression();
    }
    String head = Hcl.string(r.head());
    String tail = Hcl.string(rest);
    return head.substring(0, head.length() - 1) + "${" + r.expression() + "}" + tail.substring(1);
  }

  /** A condition value: ARNs are references too. */
  String conditionValue(String value) {
    return value.startsWith("arn:") ? resource(value) : Hcl.string(value);
  }
}
