package dev.minrole.generator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.minrole.analyzer.model.Severity;
import dev.minrole.generator.validate.PolicyType;
import dev.minrole.generator.validate.Problem;
import dev.minrole.testkit.FakeAwsServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;

/**
 * The Access Analyzer client against a local server speaking its REST-JSON protocol: {@code POST
 * /policy/validation} with {@code policyDocument} and {@code policyType} in a JSON body, findings
 * and {@code nextToken} in the answer.
 * https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_ValidatePolicy.html
 */
class AccessAnalyzerValidatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";

  private FakeAwsServer server;
  private AccessAnalyzerValidator validator;

  @BeforeEach
  void start() {
    server = FakeAwsServer.start();
    AccessAnalyzerClient client =
        AccessAnalyzerClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.EU_WEST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "secret")))
            .endpointOverride(server.endpoint())
            .build();
    validator = new AccessAnalyzerValidator(client);
  }

  @AfterEach
  void stop() {
    validator.close();
    server.close();
  }

  private static String finding(String type, String code, String path, int line) {
    return
"""
{"findingDetails": "details of %s", "findingType": "%s", "issueCode": "%s",
 "learnMoreLink": "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html",
 "locations": [{"path": %s, "span": {"start": {"line": %d, "column": 4, "offset": 40}, "end": {"line": %d, "column": 20, "offset": 56}}}]}
"""
        .formatted(code, type, code, path, line, line);
  }

  @Test
  void validate_sendsThePolicyAndMapsEveryPageOfFindings() throws Exception {
    server.onRest(
        "POST",
        "/policy/validation",
        request -> {
          if (!request.query().contains("nextToken=page2")) {
            return FakeAwsServer.Response.restJson(
                "{\"findings\": ["
                    + finding(
                        "SECURITY_WARNING",
                        "PASS_ROLE_WITH_STAR_IN_RESOURCE",
                        "[{\"value\": \"Statement\"}, {\"index\": 0}, {\"value\": \"Resource\"}]",
                        1)
                    + "], \"nextToken\": \"page2\"}");
          }
          return FakeAwsServer.Response.restJson(
              "{\"findings\": ["
                  + finding(
                      "ERROR", "MISSING_ACTION", "[{\"key\": \"Statement\"}, {\"index\": 0}]", 3)
                  + ", "
                  + finding("SUGGESTION", "EMPTY_ARRAY_ACTION", "[]", 2)
                  + "]}");
        });

    List<Problem> problems = validator.validate(POLICY, PolicyType.IDENTITY);

    assertThat(problems)
        .extracting(Problem::rule, Problem::severity, Problem::path, Problem::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "ACCESS_ANALYZER", Severity.WARNING, "$.Statement[0].Resource", 1),
            org.assertj.core.groups.Tuple.tuple(
                "ACCESS_ANALYZER", Severity.ERROR, "$.Statement[0]", 3),
            org.assertj.core.groups.Tuple.tuple("ACCESS_ANALYZER", Severity.INFO, "$", 2));
    assertThat(problems.get(0).message())
        .isEqualTo("PASS_ROLE_WITH_STAR_IN_RESOURCE: details of PASS_ROLE_WITH_STAR_IN_RESOURCE");
    assertThat(problems.get(0).fix()).startsWith("see https://docs.aws.amazon.com/IAM/");
    assertThat(server.requests()).hasSize(2);
    FakeAwsServer.Request first = server.requests().get(0);
    assertThat(first.method()).isEqualTo("POST");
    assertThat(first.path()).isEqualTo("/policy/validation");
    assertThat(first.header("authorization"))
        .contains("AKIDLOCAL")
        .contains("/access-analyzer/aws4_request");
    JsonNode body = JSON.readTree(first.body());
    assertThat(body.path("policyDocument").asText()).isEqualTo(POLICY);
    assertThat(body.path("policyType").asText()).isEqualTo("IDENTITY_POLICY");
  }

  @Test
  void validate_resourcePolicy_sendsResourcePolicyType() throws Exception {
    server.onRest(
        "POST",
        "/policy/validation",
        request -> FakeAwsServer.Response.restJson("{\"findings\": []}"));
    assertThat(validator.validate(POLICY, PolicyType.RESOURCE)).isEmpty();
    assertThat(JSON.readTree(server.requests().get(0).body()).path("policyType").asText())
        .isEqualTo("RESOURCE_POLICY");
  }

  @Test
  void validate_whenTheServiceRefuses_failsWithItsMessage() {
    server.onRest(
        "POST",
        "/policy/validation",
        request ->
            FakeAwsServer.Response.error(
                403,
                "application/json",
                "{\"message\": \"User is not authorized to perform:"
                    + " access-analyzer:ValidatePolicy\"}"));
    assertThatThrownBy(() -> validator.validate(POLICY, PolicyType.IDENTITY))
        .isInstanceOf(AccessAnalyzerValidator.CallFailed.class)
        .hasMessageContaining("ValidatePolicy failed")
        .hasMessageContaining("not authorized");
  }
}
