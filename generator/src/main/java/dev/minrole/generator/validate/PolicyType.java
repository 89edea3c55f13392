package dev.minrole.generator.validate;

/**
 * What kind of policy is validated: an identity policy (of a role, user or group: no {@code
 * Principal}, {@code Resource} required) or a resource policy (a bucket policy, a trust policy:
 * {@code Principal} required).
 */
public enum PolicyType {
  IDENTITY,
  RESOURCE
}
