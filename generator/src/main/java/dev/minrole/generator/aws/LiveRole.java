package dev.minrole.generator.aws;

import dev.minrole.generator.diff.CurrentPolicy;
import dev.minrole.generator.diff.CurrentPolicySource;
import dev.minrole.generator.diff.PolicyDocument;
import dev.minrole.generator.diff.PolicyInputException;
import dev.minrole.generator.diff.PolicyReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * The current policy of a deployed role, read through the IAM API: {@code GetRole} (and its
 * permissions boundary), {@code ListRolePolicies} and {@code GetRolePolicy} for inline policies,
 * {@code ListAttachedRolePolicies}, {@code GetPolicy} and {@code GetPolicyVersion} for managed ones
 * (AWS-managed included: their default version is what applies). IAM returns documents URL-encoded
 * (RFC 3986); they are decoded before reading.
 */
public final class LiveRole implements CurrentPolicySource {
  private final IamClient iam;
  private final String roleName;

  /**
   * {@code role} is a role name or ARN ({@code
   * arn:aws:iam::123456789012:role/service-role/orders}).
   */
  public LiveRole(IamClient iam, String role) {
    this.iam = iam;
    this.roleName = nameOf(role);
  }

  /** The role name of a name or ARN: the ARN's last path segment. */
  static String nameOf(String role) {
    return role.startsWith("arn:") ? role.substring(role.lastIndexOf('/') + 1) : role;
  }

  @Override
  public CurrentPolicy read() throws PolicyInputException {
    Role role =
        call(
            "IAM GetRole for role " + roleName,
            () -> iam.getRole(r -> r.roleName(roleName)).role());
    List<PolicyDocument> identity = new ArrayList<>();
    List<String> inline =
        call(
            "IAM ListRolePolicies for role " + roleName,
            () ->
                iam.listRolePoliciesPaginator(r -> r.roleName(roleName)).policyNames().stream()
                    .sorted()
                    .toList());
    for (String name : inline) {
      String document =
          call(
              "IAM GetRolePolicy " + name + " of role " + roleName,
              () -> iam.getRolePolicy(r -> r.roleName(roleName).policyName(name)).policyDocument());
      identity.addAll(
          PolicyReader.read(decode(document), "role " + roleName + " inline policy " + name, ""));
    }
    List<AttachedPolicy> attached =
        call(
            "IAM ListAttachedRolePolicies for role " + roleName,
            () ->
                iam
                    .listAttachedRolePoliciesPaginator(r -> r.roleName(roleName))
                    .attachedPolicies()
                    .stream()
                    .sorted(java.util.Comparator.comparing(AttachedPolicy::policyArn))
                    .toList());
    for (AttachedPolicy policy : attached) {
      identity.addAll(managed(policy.policyArn(), "managed policy "));
    }
    List<PolicyDocument> boundary = new ArrayList<>();
    if (role.permissionsBoundary() != null
        && role.permissionsBoundary().permissionsBoundaryArn() != null) {
      boundary.addAll(
          managed(role.permissionsBoundary().permissionsBoundaryArn(), "permissions boundary "));
    }
    return new CurrentPolicy("role " + roleName, identity, boundary, List.of());
  }

  private List<PolicyDocument> managed(String arn, String what) throws PolicyInputException {
    String version =
        call(
            "IAM GetPolicy " + arn,
            () -> iam.getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId());
    String document =
        call(
            "IAM GetPolicyVersion " + arn + " " + version,
            () ->
                iam.getPolicyVersion(r -> r.policyArn(arn).versionId(version))
                    .policyVersion()
                    .document());
    return PolicyReader.read(decode(document), what + arn + " (" + version + ")", "");
  }

  /** An IAM policy document as JSON: URL-decoded unless it already is JSON. */
  static String decode(String document) {
    String text = document == null ? "" : document.strip();
    if (text.startsWith("{") || text.startsWith("[")) {
      return text;
    }
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private interface Call<T> {
    T run();
  }

  private static <T> T call(String what, Call<T> call) throws PolicyInputException {
    try {
      return call.run();
    } catch (SdkException e) {
      throw AwsErrors.of(what, e);
    }
  }
}
