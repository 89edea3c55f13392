package dev.minrole.generator.synth;

import java.util.List;
import java.util.Optional;

/**
 * What is known about how a function is deployed: the logical id of its template resource, the role
 * it runs with today, and the references by which its template names its own resources (so {@code
 * cfn} and {@code sam} output can write {@code !GetAtt OrdersTable.Arn} instead of a name). {@link
 * #NONE} for a function known only from its code.
 */
public record Deployment(
    Optional<String> logicalId, Optional<CurrentRole> role, List<TemplateReference> references) {
  public static final Deployment NONE =
      new Deployment(Optional.empty(), Optional.empty(), List.of());

  public Deployment {
    references = List.copyOf(references);
  }

  /** A function of a template. */
  public static Deployment ofTemplate(
      String logicalId, Optional<CurrentRole> role, List<TemplateReference> references) {
    return new Deployment(Optional.of(logicalId), role, references);
  }

  /** True if the function is declared in a template. */
  public boolean fromTemplate() {
    return logicalId.isPresent();
  }

  /**
   * The same deployment with the role CloudTrail was read for: the template's role, now with its
   * ARN, or a role known only by that ARN.
   */
  public Deployment withRoleArn(String arn) {
    CurrentRole known = role.map(r -> r.withArn(arn)).orElse(CurrentRole.arn(List.of(arn)));
    return new Deployment(logicalId, Optional.of(known), references);
  }
}
