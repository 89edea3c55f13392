package dev.minrole.generator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.minrole.generator.diff.CurrentPolicy;
import dev.minrole.generator.diff.PolicyDocument;
import dev.minrole.generator.diff.PolicyInputException;
import dev.minrole.testkit.FakeAwsServer;
import dev.minrole.testkit.IamXml;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Reads a role through the real IAM client against a local server speaking the IAM query protocol.
 */
class LiveRoleTest {
  static final String ROLE_ARN = "arn:aws:iam::123456789012:role/service-role/orders-fn";
  static final String BOUNDARY = "arn:aws:iam::123456789012:policy/lambda-boundary";
  static final String MANAGED = "arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess";
  static final String INLINE =
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"Write receipts\", \"Effect\": \"Allow\","
          + " \"Action\": \"s3:PutObject\", \"Resource\": \"arn:aws:s3:::acme-receipts/*\"}]}";

  @BeforeAll
  static void fakeCredentials() {
    FakeCredentials.install();
  }

  static FakeAwsServer roleServer() {
    Map<String, String> attached = new LinkedHashMap<>();
    attached.put("AmazonDynamoDBReadOnlyAccess", MANAGED);
    return FakeAwsServer.start()
        .onAction("GetRole", r -> IamXml.getRole("orders-fn", ROLE_ARN, BOUNDARY))
        .onAction(
            "ListRolePolicies",
            r ->
                r.form().containsKey("Marker")
                    ? IamXml.listRolePolicies(List.of("queue"), null)
                    : IamXml.listRolePolicies(List.of("receipts"), "page-2"))
        .onAction(
            "GetRolePolicy",
            r ->
                r.form().get("PolicyName").equals("receipts")
                    ? IamXml.getRolePolicy("orders-fn", "receipts", INLINE)
                    : IamXml.getRolePolicy(
                        "orders-fn",
                        "queue",
                        "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"sqs:SendMessage\", \"Resource\": \"*\"}}"))
        .onAction("ListAttachedRolePolicies", r -> IamXml.listAttachedRolePolicies(attached, null))
        .onAction(
            "GetPolicy",
            r ->
                IamXml.getPolicy(
                    r.form().get("PolicyArn"),
                    r.form().get("PolicyArn").equals(BOUNDARY) ? "v1" : "v7"))
        .onAction(
            "GetPolicyVersion",
            r ->
                r.form().get("PolicyArn").equals(BOUNDARY)
                    ? IamXml.getPolicyVersion(
                        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"s3:*\", \"dynamodb:*\"],"
                            + " \"Resource\": \"*\"}]}",
                        "v1")
                    : IamXml.getPolicyVersion(
                        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\":"
                            + " [\"dynamodb:BatchGetItem\", \"dynamodb:GetItem\", \"dynamodb:Query\"], \"Resource\": \"*\"}]}",
                        "v7"));
  }

  static IamClient iam(URI endpoint) {
    return new AwsClients(Optional.empty(), Optional.empty(), Optional.of(endpoint)).iam();
  }

  @Test
  void read_collectsInlineManagedAndBoundary_acrossPages() throws Exception {
    try (FakeAwsServer server = roleServer();
        IamClient iam = iam(server.endpoint())) {
      CurrentPolicy current = new LiveRole(iam, ROLE_ARN).read();

      assertThat(current.description()).isEqualTo("role orders-fn");
      assertThat(current.identity())
          .extracting(PolicyDocument::name)
          .containsExactly(
              "role orders-fn inline policy queue",
              "role orders-fn inline policy receipts",
              "managed policy " + MANAGED + " (v7)");
      assertThat(current.identity().get(1).policy().statements().get(0).sid())
          .isEqualTo("Write receipts");
      assertThat(current.boundary())
          .extracting(PolicyDocument::name)
          .containsExactly("permissions boundary " + BOUNDARY + " (v1)");
      assertThat(server.requests())
          .extracting(r -> r.form().get("Action"))
          .containsExactly(
              "GetRole",
              "ListRolePolicies",
              "ListRolePolicies",
              "GetRolePolicy",
              "GetRolePolicy",
              "ListAttachedRolePolicies",
              "GetPolicy",
              "GetPolicyVersion",
              "GetPolicy",
              "GetPolicyVersion");
      assertThat(server.requests().get(0).form()).containsEntry("RoleName", "orders-fn");
      assertThat(server.requests().get(7).form()).containsEntry("VersionId", "v7");
    }
  }

  @Test
  void read_whenRoleDoesNotExist_isOneLineNamingTheCall() {
    try (FakeAwsServer server =
            FakeAwsServer.start()
                .onAction(
                    "GetRole",
                    r ->
                        IamXml.error(
                            404, "NoSuchEntity", "The role with name nope cannot be found."));
        IamClient iam = iam(server.endpoint())) {
      assertThatThrownBy(() -> new LiveRole(iam, "nope").read())
          .isInstanceOf(PolicyInputException.class)
          .hasMessage(
              "IAM GetRole for role nope failed: NoSuchEntity: The role with name nope cannot be found.");
    }
  }

  @Test
  void read_whenAnInlinePolicyIsBroken_namesThePolicyAndJsonPath() {
    try (FakeAwsServer server =
            FakeAwsServer.start()
                .onAction("GetRole", r -> IamXml.getRole("fn", "arn:aws:iam::1:role/fn", null))
                .onAction("ListRolePolicies", r -> IamXml.listRolePolicies(List.of("bad"), null))
                .onAction(
                    "GetRolePolicy",
                    r ->
                        IamXml.getRolePolicy(
                            "fn",
                            "bad",
                            "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\"}]}"));
        IamClient iam = iam(server.endpoint())) {
      assertThatThrownBy(() -> new LiveRole(iam, "fn").read())
          .isInstanceOf(PolicyInputException.class)
          .hasMessage(
              "role fn inline policy bad:1: $.Statement[0] has neither Resource nor NotResource; an identity"
                  + " policy statement needs one");
    }
  }

  @Test
  void decode_readsRfc3986EncodedDocuments_andLeavesJsonAlone() {
    String json = "{\"Condition\": {\"StringLike\": {\"s3:prefix\": \"a+b c/*\"}}}";
    assertThat(LiveRole.decode(IamXml.encode(json))).isEqualTo(json);
    assertThat(LiveRole.decode(json)).isEqualTo(json);
  }
}
