package dev.minrole.generator.synth;

/**
 * IAM's size quotas for an execution role's policies, in characters without whitespace: all inline
 * policies of a role together at most 10,240, one managed policy at most 6,144, and at most 10
 * managed policies attached to a role (20 with a quota increase). See
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html.
 */
public record SizeLimits(int inline, int managed, int attachedDefault, int attachedMax) {
  public static final SizeLimits IAM = new SizeLimits(10_240, 6_144, 10, 20);
}
