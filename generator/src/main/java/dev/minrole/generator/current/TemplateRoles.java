package dev.minrole.generator.current;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.template.RoleRef;
import dev.minrole.analyzer.template.TemplateFunction;
import dev.minrole.generator.synth.CurrentRole;
import java.util.Optional;

/**
 * The role a template gives a function: a role resource of the template, a role by ARN, or, for an
 * {@code AWS::Serverless::Function} without {@code Role}, the role SAM generates, {@code
 * <LogicalId>Role}
 * (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-generated-resources-function.html).
 */
public final class TemplateRoles {
  private static final String SERVERLESS = "AWS::Serverless::Function";

  private TemplateRoles() {}

  /** Empty for an {@code AWS::Lambda::Function} without {@code Role}, which cannot deploy. */
  public static Optional<CurrentRole> of(TemplateFunction function) {
    RoleRef role = function.role();
    if (role instanceof RoleRef.Resource r) {
      return Optional.of(CurrentRole.resource(r.logicalId()));
    }
    if (role instanceof RoleRef.External e) {
      return Optional.of(
          CurrentRole.arn(e.arn().stream().map(ArgValue::pattern).distinct().sorted().toList()));
    }
    return function.resourceType().equals(SERVERLESS)
        ? Optional.of(CurrentRole.implicitOf(function.logicalId()))
        : Optional.empty();
  }
}
