package dev.minrole.generator.declared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.render.PolicyJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;

/**
 * The AWS managed policy data, checked against the AWS Managed Policy Reference
 * (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/) and the IAM catalog.
 */
class ManagedPoliciesTest {
  private static final ManagedPolicies POLICIES = ManagedPolicies.bundled();

  @Test
  void policies_includeThoseLambdaRolesCommonlyAttach() {
    assertThat(POLICIES.policies().keySet())
        .contains(
            "AWSLambdaBasicExecutionRole",
            "AWSLambdaVPCAccessExecutionRole",
            "AWSLambdaSQSQueueExecutionRole",
            "AWSLambdaKinesisExecutionRole",
            "AWSLambdaDynamoDBExecutionRole",
            "AWSLambdaMSKExecutionRole",
            "AWSXRayDaemonWriteAccess",
            "AWSXrayWriteOnlyAccess",
            "CloudWatchLambdaInsightsExecutionRolePolicy",
            "AmazonS3ReadOnlyAccess",
            "AmazonS3FullAccess",
            "AmazonDynamoDBFullAccess",
            "AmazonDynamoDBReadOnlyAccess",
            "AmazonSQSFullAccess",
            "AmazonSNSFullAccess",
            "AWSLambda_FullAccess",
            "AdministratorAccess",
            "PowerUserAccess",
            "SecretsManagerReadWrite",
            "AmazonSSMReadOnlyAccess",
            "CloudWatchFullAccess",
            "AmazonKinesisFullAccess");
  }

  @Test
  void everyPolicy_hasItsArnAndReferencePage_andSaysHowItWasChecked() {
    for (ManagedPolicy p : POLICIES.policies().values()) {
      assertThat(p.arn())
          .as(p.name())
          .matches(
              "arn:aws:iam::aws:policy/(service-role/)?" + java.util.regex.Pattern.quote(p.name()));
      assertThat(p.url())
          .isEqualTo(
              "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/"
                  + p.name()
                  + ".html");
      assertThat(p.checked()).as(p.name()).isIn("full", "partial", "none");
      assertThat(ManagedPolicies.awsManagedName(p.arn())).contains(p.name());
    }
  }

  @Test
  void everyPolicy_grantsOnlyActionsTheCatalogKnows() {
    IamCatalog catalog = IamCatalog.bundled();
    List<String> unknown = new ArrayList<>();
    for (ManagedPolicy p : POLICIES.policies().values()) {
      for (StatementDraft s : p.statements()) {
        List<String> actions = new ArrayList<>(s.actions());
        actions.addAll(s.notActions());
        actions.stream()
            .filter(a -> catalog.expand(a).isEmpty())
            .forEach(a -> unknown.add(p.name() + " " + a));
      }
    }
    assertThat(unknown).isEmpty();
  }

  /** Broad means: allows every action, a whole service, or everything but some (NotAction). */
  @Test
  void broadFlag_matchesWhatTheDocumentGrants() {
    for (ManagedPolicy p : POLICIES.policies().values()) {
      boolean grantsWholeServices =
          p.statements().stream()
              .filter(s -> s.effect().equals("Allow"))
              .anyMatch(
                  s ->
                      !s.notActions().isEmpty()
                          || s.actions().stream().anyMatch(a -> a.equals("*") || a.endsWith(":*")));
      assertThat(p.broad()).as(p.name()).isEqualTo(grantsWholeServices);
    }
  }

  @ParameterizedTest(name = "{0} broad={1}")
  @CsvSource({
    "AdministratorAccess, true",
    "PowerUserAccess, true",
    "SecretsManagerReadWrite, true",
    "AmazonS3FullAccess, true",
    "AmazonRDSFullAccess, true",
    "AmazonDynamoDBFullAccess_v2, true",
    "AdministratorAccess-Amplify, true",
    "AmazonS3ReadOnlyAccess, false",
    "AWSLambdaBasicExecutionRole, false",
    "AmazonRDSReadOnlyAccess, false"
  })
  void broad_knownPoliciesAndNamePatterns(String name, boolean broad) {
    assertThat(POLICIES.broad(name)).isEqualTo(broad);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole, AWSLambdaBasicExecutionRole",
    "arn:aws-cn:iam::aws:policy/AmazonS3FullAccess, AmazonS3FullAccess",
    "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess, ViewOnlyAccess",
    "AmazonDynamoDBReadOnlyAccess, AmazonDynamoDBReadOnlyAccess",
    "arn:aws:iam::123456789012:policy/orders-access, ''",
    "arn:aws:iam::*:policy/orders-access, ''"
  })
  void awsManagedName_readsArnsAndSamNames(String reference, String name) {
    assertThat(ManagedPolicies.awsManagedName(reference))
        .isEqualTo(name.isEmpty() ? Optional.empty() : Optional.of(name));
  }

  @Test
  void document_isTheReferencePagesDocument() {
    IamPolicy expected =
        IamPolicy.fromJson(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"logs:CreateLogGroup\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Action\":[\"logs:CreateLogStream\",\"logs:PutLogEvents\"],"
                + "\"Resource\":\"arn:aws:logs:*:*:log-group:/aws/lambda-insights:*\"}]}");

    IamPolicy document =
        POLICIES
            .byName("CloudWatchLambdaInsightsExecutionRolePolicy")
            .orElseThrow()
            .document("aws");

    assertThat(PolicyJson.write(document)).isEqualTo(PolicyJson.write(expected));
  }

  @Test
  void document_inAnotherPartition_rewritesResourceArns() {
    IamPolicy document =
        POLICIES
            .byName("CloudWatchLambdaInsightsExecutionRolePolicy")
            .orElseThrow()
            .document("aws-us-gov");

    assertThat(document.statements().get(1).resources())
        .extracting(r -> r.value())
        .containsExactly("arn:aws-us-gov:logs:*:*:log-group:/aws/lambda-insights:*");
    assertThat(document.statements().get(0).resources())
        .extracting(r -> r.value())
        .containsExactly("*");
  }

  @Test
  void document_keepsNotActionAndConditions() {
    IamPolicy power = POLICIES.byName("PowerUserAccess").orElseThrow().document("aws");
    IamPolicy lambda = POLICIES.byName("AWSLambda_FullAccess").orElseThrow().document("aws");

    assertThat(power.statements().get(0).notActions())
        .extracting(a -> a.value())
        .containsExactly("iam:*", "organizations:*", "account:*");
    assertThat(PolicyJson.write(lambda))
        .contains("\"iam:PassedToService\"", "\"lambda.amazonaws.com\"");
  }
}
