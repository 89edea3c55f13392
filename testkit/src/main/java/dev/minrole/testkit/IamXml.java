package dev.minrole.testkit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * IAM query-protocol responses as the IAM API reference documents them
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/): the {@code <XResponse>} envelope in the
 * 2010-05-08 namespace, results in {@code <XResult>}, lists as {@code <member>} elements, and
 * policy documents URL-encoded as RFC 3986 says (spaces as {@code %20}).
 */
public final class IamXml {
  private static final String NS = "https://iam.amazonaws.com/doc/2010-05-08/";

  private IamXml() {}

  /** {@code GetRole}; {@code boundaryArn} may be null. */
  public static FakeAwsServer.Response getRole(String name, String arn, String boundaryArn) {
    String boundary =
        boundaryArn == null
            ? ""
            : "<PermissionsBoundary><PermissionsBoundaryType>Policy</PermissionsBoundaryType>"
                + "<PermissionsBoundaryArn>"
                + escape(boundaryArn)
                + "</PermissionsBoundaryArn></PermissionsBoundary>";
    return envelope(
        "GetRole",
        "<Role><Path>/service-role/</Path><AssumeRolePolicyDocument>"
            + encode(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                    + "\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}")
            + "</AssumeRolePolicyDocument><MaxSessionDuration>3600</MaxSessionDuration>"
            + "<RoleId>AROAEXAMPLEID0000001</RoleId><RoleName>"
            + escape(name)
            + "</RoleName><Arn>"
            + escape(arn)
            + "</Arn><CreateDate>2024-05-01T10:00:00Z</CreateDate>"
            + boundary
            + "</Role>");
  }

  /** One page of {@code ListRolePolicies}; a non-null {@code marker} means more pages follow. */
  public static FakeAwsServer.Response listRolePolicies(List<String> names, String marker) {
    return envelope(
        "ListRolePolicies",
        members("PolicyNames", names.stream().map(IamXml::escape).toList()) + truncation(marker));
  }

  public static FakeAwsServer.Response getRolePolicy(String role, String name, String json) {
    return envelope(
        "GetRolePolicy",
        "<RoleName>"
            + escape(role)
            + "</RoleName><PolicyName>"
            + escape(name)
            + "</PolicyName><PolicyDocument>"
            + encode(json)
            + "</PolicyDocument>");
  }

  /** One page of {@code ListAttachedRolePolicies}: policy name to ARN. */
  public static FakeAwsServer.Response listAttachedRolePolicies(
      Map<String, String> policies, String marker) {
    List<String> members =
        policies.entrySet().stream()
            .map(
                e ->
                    "<PolicyName>"
                        + escape(e.getKey())
                        + "</PolicyName><PolicyArn>"
                        + escape(e.getValue())
                        + "</PolicyArn>")
            .toList();
    return envelope(
        "ListAttachedRolePolicies", members("AttachedPolicies", members) + truncation(marker));
  }

  public static FakeAwsServer.Response getPolicy(String arn, String defaultVersion) {
    String name = arn.substring(arn.lastIndexOf('/') + 1);
    return envelope(
        "GetPolicy",
        "<Policy><PolicyName>"
            + escape(name)
            + "</PolicyName><DefaultVersionId>"
            + defaultVersion
            + "</DefaultVersionId><PolicyId>ANPAEXAMPLEID0000001</PolicyId><Path>/</Path><Arn>"
            + escape(arn)
            + "</Arn><AttachmentCount>1</AttachmentCount><PermissionsBoundaryUsageCount>0"
            + "</PermissionsBoundaryUsageCount><IsAttachable>true</IsAttachable><CreateDate>2024-05-01T10:00:00Z"
            + "</CreateDate><UpdateDate>2024-06-01T10:00:00Z</UpdateDate></Policy>");
  }

  public static FakeAwsServer.Response getPolicyVersion(String json, String version) {
    return envelope(
        "GetPolicyVersion",
        "<PolicyVersion><Document>"
            + encode(json)
            + "</Document><VersionId>"
            + version
            + "</VersionId><IsDefaultVersion>true</IsDefaultVersion><CreateDate>2024-06-01T10:00:00Z"
            + "</CreateDate></PolicyVersion>");
  }

  /**
   * An IAM error, e.g. {@code error(404, "NoSuchEntity", "The role with name x cannot be found.")}.
   */
  public static FakeAwsServer.Response error(int status, String code, String message) {
    return FakeAwsServer.Response.error(
        status,
        "text/xml",
        "<ErrorResponse xmlns=\""
            + NS
            + "\"><Error><Type>Sender</Type><Code>"
            + code
            + "</Code><Message>"
            + escape(message)
            + "</Message></Error><RequestId>local-error</RequestId></ErrorResponse>");
  }

  /** RFC 3986 percent-encoding, as IAM returns policy documents. */
  public static String encode(String json) {
    return URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static FakeAwsServer.Response envelope(String operation, String result) {
    return FakeAwsServer.Response.xml(
        "<"
            + operation
            + "Response xmlns=\""
            + NS
            + "\"><"
            + operation
            + "Result>"
            + result
            + "</"
            + operation
            + "Result><ResponseMetadata><RequestId>local-request</RequestId></ResponseMetadata></"
            + operation
            + "Response>");
  }

  private static String members(String list, List<String> members) {
    StringBuilder out = new StringBuilder("<" + list + ">");
    members.forEach(m -> out.append("<member>").append(m).append("</member>"));
    return out.append("</").append(list).append(">").toString();
  }

  private static String truncation(String marker) {
    return marker == null
        ? "<IsTruncated>false</IsTruncated>"
        : "<IsTruncated>true</IsTruncated><Marker>" + escape(marker) + "</Marker>";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
