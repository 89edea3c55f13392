package dev.minrole.generator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.minrole.testkit.FakeAwsServer;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;

/** Runs both checks through the real Access Analyzer client against a local REST-JSON server. */
class AccessAnalyzerCheckTest {
  private static final String TIGHT =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
  private static final String CURRENT =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";

  @BeforeAll
  static void fakeCredentials() {
    FakeCredentials.install();
  }

  private static AccessAnalyzerClient client(FakeAwsServer server) {
    return new AwsClients(
            Optional.empty(), Optional.of("eu-west-1"), Optional.of(server.endpoint()))
        .accessAnalyzer();
  }

  @Test
  void check_whenBothPass_hasNoProblems_andSendsBothDocuments() throws Exception {
    try (FakeAwsServer server =
            FakeAwsServer.start()
                .onRest(
                    "POST",
                    "/policy/check-no-new-access",
                    r ->
                        FakeAwsServer.Response.restJson(
                            "{\"result\": \"PASS\", \"message\": \"The modified permissions grant no new access compared to your"
                                + " existing permissions.\", \"reasons\": []}"))
                .onRest(
                    "POST",
                    "/policy/validation",
                    r ->
                        FakeAwsServer.Response.restJson(
                            "{\"findings\": [{\"findingType\": \"SUGGESTION\", \"issueCode\": \"EMPTY_ARRAY_ACTION\", \"findingDetails\":"
                                + " \"x\", \"learnMoreLink\": \"https://docs.aws.amazon.com/\", \"locations\": []}]}"));
        AccessAnalyzerClient client = client(server)) {
      assertThat(new AccessAnalyzerCheck(client).check(TIGHT, CURRENT)).isEmpty();
      var body = new ObjectMapper().readTree(server.requests().get(0).body());
      assertThat(body.path("newPolicyDocument").asText()).isEqualTo(TIGHT);
      assertThat(body.path("existingPolicyDocument").asText()).isEqualTo(CURRENT);
      assertThat(body.path("policyType").asText()).isEqualTo("IDENTITY_POLICY");
      assertThat(
              new ObjectMapper()
                  .readTree(server.requests().get(1).body())
                  .path("policyType")
                  .asText())
          .isEqualTo("IDENTITY_POLICY");
    }
  }

  @Test
  void check_whenNewAccessOrSecurityWarnings_listsEachProblem() throws Exception {
    try (FakeAwsServer server =
            FakeAwsServer.start()
                .onRest(
                    "POST",
                    "/policy/check-no-new-access",
                    r ->
                        FakeAwsServer.Response.restJson(
                            "{\"result\": \"FAIL\", \"message\": \"The modified permissions grant new access compared to your existing"
                                + " permissions.\", \"reasons\": [{\"description\": \"New access in the statement with index: 0.\","
                                + " \"statementIndex\": 0}]}"))
                .onRest(
                    "POST",
                    "/policy/validation",
                    r ->
                        r.query().contains("nextToken")
                            ? FakeAwsServer.Response.restJson(
                                "{\"findings\": [{\"findingType\": \"ERROR\", \"issueCode\":"
                                    + " \"INVALID_ACTION\", \"findingDetails\": \"The action s3:GetObjet does not exist.\", \"learnMoreLink\":"
                                    + " \"https://docs.aws.amazon.com/\", \"locations\": []}]}")
                            : FakeAwsServer.Response.restJson(
                                "{\"nextToken\": \"page-2\", \"findings\": [{\"findingType\":"
                                    + " \"SECURITY_WARNING\", \"issueCode\": \"PASS_ROLE_WITH_STAR_IN_RESOURCE\", \"findingDetails\": \"Using"
                                    + " the iam:PassRole action with wildcards...\", \"learnMoreLink\": \"https://docs.aws.amazon.com/\","
                                    + " \"locations\": []}]}"));
        AccessAnalyzerClient client = client(server)) {
      assertThat(new AccessAnalyzerCheck(client).check(TIGHT, CURRENT))
          .containsExactly(
              "CheckNoNewAccess: FAIL: The modified permissions grant new access compared to your existing permissions.;"
                  + " New access in the statement with index: 0.",
              "ValidatePolicy: SECURITY_WARNING PASS_ROLE_WITH_STAR_IN_RESOURCE: Using the iam:PassRole action with wildcards...",
              "ValidatePolicy: ERROR INVALID_ACTION: The action s3:GetObjet does not exist.");
    }
  }
}
