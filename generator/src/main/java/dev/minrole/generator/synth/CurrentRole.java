package dev.minrole.generator.synth;

import java.util.List;
import java.util.Optional;

/**
 * The execution role a function runs with today, as far as minrole knows it: a role resource of its
 * template ({@code logicalId}; {@code implicit} when SAM generates it from the function's {@code
 * Policies}, as {@code <LogicalId>Role}), and its ARN when the template names the role by ARN or
 * CloudTrail was read for it ({@code --role-arn}). {@code arns} has several entries only when the
 * template chooses between roles ({@code Fn::If}).
 */
public record CurrentRole(Optional<String> logicalId, boolean implicit, List<String> arns) {
  public CurrentRole {
    arns = List.copyOf(arns);
  }

  /** The role SAM generates for a function without {@code Role}. */
  public static CurrentRole implicitOf(String functionLogicalId) {
    return new CurrentRole(Optional.of(functionLogicalId + "Role"), true, List.of());
  }

  /** An {@code AWS::IAM::Role} of the template. */
  public static CurrentRole resource(String logicalId) {
    return new CurrentRole(Optional.of(logicalId), false, List.of());
  }

  /** A role named by ARN. */
  public static CurrentRole arn(List<String> arns) {
    return new CurrentRole(Optional.empty(), false, arns);
  }

  /** The same role, known to have {@code arn} (the role CloudTrail was read for). */
  public CurrentRole withArn(String arn) {
    return new CurrentRole(logicalId, implicit, List.of(arn));
  }
}
