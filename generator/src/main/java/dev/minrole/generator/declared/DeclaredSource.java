package dev.minrole.generator.declared;

/** Where a declared policy document comes from. */
public enum DeclaredSource {
  /** A SAM policy template in the function's {@code Policies}, expanded. */
  SAM_POLICY_TEMPLATE,
  /**
   * A policy document written in the template: SAM {@code Policies}, a role's {@code Policies}, an
   * {@code AWS::IAM::Policy}.
   */
  INLINE,
  /** A managed policy the template attaches, by name or ARN. */
  MANAGED,
  /** A managed policy SAM attaches to the role it generates without the template naming it. */
  SAM_IMPLICIT,
  /**
   * An inline policy SAM adds to the role it generates for what the template configures (a
   * dead-letter queue, a destination with its SAM {@code Type}); named for that property.
   */
  SAM_GENERATED
}
