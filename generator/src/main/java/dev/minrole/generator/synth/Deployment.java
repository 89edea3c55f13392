package dev.minrole.generator.synth;

import java.util.List;
import java.util.Optional;

/**
 * What is known about how a function is deployed: the infrastructure code that declares it ({@code
 * source}), its name there ({@code logicalId}: a template's logical id, a Terraform resource's or a
 * Serverless function's name), the role it runs with today, and the references by which that code
 * names its own resources (so {@code cfn}, {@code sam}, {@code terraform} and {@code serverless}
 * output can write {@code !GetAtt OrdersTable.Arn} or {@code aws_dynamodb_table.orders.arn} instead
 * of a name). {@link #NONE} for a function known only from its code.
 */
public record Deployment(
    Optional<String> logicalId,
    Optional<CurrentRole> role,
    List<TemplateReference> references,
    Source source) {

  /** The kind of infrastructure code a function is declared in, which says how references read. */
  public enum Source {
    /** Known only from its code. */
    CODE,
    /** A SAM or CloudFormation template (or a CDK app's synthesized one). */
    CLOUDFORMATION,
    /** A Terraform configuration or plan: references are Terraform expressions. */
    TERRAFORM,
    /**
     * A {@code serverless.yml}: its {@code resources} are CloudFormation, so references are
     * CloudFormation intrinsics.
     */
    SERVERLESS
  }

  public static final Deployment NONE =
      new Deployment(Optional.empty(), Optional.empty(), List.of(), Source.CODE);

  public Deployment {
    references = List.copyOf(references);
  }

  /** A function of a template. */
  public static Deployment ofTemplate(
      String logicalId, Optional<CurrentRole> role, List<TemplateReference> references) {
    return of(Source.CLOUDFORMATION, logicalId, role, references);
  }

  /** A function declared in infrastructure code of the given kind. */
  public static Deployment of(
      Source source,
      String logicalId,
      Optional<CurrentRole> role,
      List<TemplateReference> references) {
    return new Deployment(Optional.of(logicalId), role, references, source);
  }

  /** True if the function is declared in infrastructure code. */
  public boolean fromTemplate() {
    return logicalId.isPresent();
  }

  /** True if its references are CloudFormation's ({@code !GetAtt}, {@code !Ref}, {@code !Sub}). */
  public boolean cloudFormationReferences() {
    return source == Source.CLOUDFORMATION || source == Source.SERVERLESS;
  }

  /**
   * The same deployment with the role CloudTrail was read for: the template's role, now with its
   * ARN, or a role known only by that ARN.
   */
  public Deployment withRoleArn(String arn) {
    CurrentRole known = role.map(r -> r.withArn(arn)).orElse(CurrentRole.arn(List.of(arn)));
    return new Deployment(logicalId, Optional.of(known), references, source);
  }
}
