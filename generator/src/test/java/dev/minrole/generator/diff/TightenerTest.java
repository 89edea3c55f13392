package dev.minrole.generator.diff;

import static dev.minrole.generator.diff.Needs.allow;
import static dev.minrole.generator.diff.Needs.code;
import static dev.minrole.generator.diff.Needs.current;
import static dev.minrole.generator.diff.Needs.function;
import static dev.minrole.generator.diff.Needs.observed;
import static dev.minrole.generator.diff.Needs.policy;
import static dev.minrole.generator.diff.Needs.statement;
import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.generator.mapping.OperationMapper;
import dev.minrole.generator.render.PolicyJson;
import dev.minrole.generator.synth.ArnContext;
import dev.minrole.generator.synth.FunctionPolicy;
import dev.minrole.generator.synth.Permission;
import dev.minrole.generator.synth.PolicySynthesizer;
import org.junit.jupiter.api.Test;

class TightenerTest {
  private final Tightener tightener =
      new Tightener(new PolicySynthesizer(OperationMapper.bundled(), ArnContext.defaults()));

  private static final Tightener.Options DEFAULTS = new Tightener.Options(false, false);

  private String tightened(Tightened t) {
    return PolicyJson.write(t.policy().orElseThrow().policy());
  }

  @Test
  void tighten_scopesTheNeedToItsResource_andKeepsObservedPermissions() throws Exception {
    Tightened t =
        tightener.tighten(
            function(
                code("s3:GetObject", "arn:aws:s3:::media/*", 12),
                observed("sqs:SendMessage", "arn:aws:sqs:eu-west-1:1:jobs")),
            current(policy(allow("s3:*", "*"), allow("sqs:*", "*"))),
            DEFAULTS);
    assertThat(t.policy().orElseThrow().permissions())
        .extracting(p -> p.action() + " " + p.resource())
        .containsExactly(
            "s3:GetObject arn:aws:s3:::media/*", "sqs:SendMessage arn:aws:sqs:eu-west-1:1:jobs");
    assertThat(t.missing()).isEmpty();
    assertThat(t.droppedObserved()).isEmpty();
  }

  @Test
  void tighten_withDropObserved_removesWhatOnlyCloudTrailSaw() throws Exception {
    Tightened t =
        tightener.tighten(
            function(
                code("s3:GetObject", "arn:aws:s3:::media/*", 12),
                observed("sqs:SendMessage", "arn:aws:sqs:eu-west-1:1:jobs")),
            current(policy(allow("s3:*", "*"), allow("sqs:*", "*"))),
            new Tightener.Options(false, true));
    assertThat(t.policy().orElseThrow().permissions())
        .extracting(Permission::action)
        .containsExactly("s3:GetObject");
    assertThat(t.droppedObserved())
        .extracting(Permission::action)
        .containsExactly("sqs:SendMessage");
  }

  @Test
  void tighten_reportsMissing_andAddsItOnlyWhenAsked() throws Exception {
    Tightened t =
        tightener.tighten(
            function(
                code("s3:GetObject", "arn:aws:s3:::media/*", 12),
                code("sqs:SendMessage", "arn:aws:sqs:eu-west-1:1:jobs", 20)),
            current(policy(allow("s3:GetObject", "*"))),
            DEFAULTS);
    assertThat(t.missing()).extracting(Permission::action).containsExactly("sqs:SendMessage");
    assertThat(t.policy().orElseThrow().permissions())
        .extracting(Permission::action)
        .containsExactly("s3:GetObject");

    Tightened added =
        tightener.tighten(
            function(code("sqs:SendMessage", "arn:aws:sqs:eu-west-1:1:jobs", 20)),
            current(policy(allow("s3:GetObject", "*"))),
            new Tightener.Options(true, false));
    assertThat(added.missingAdded()).isTrue();
    assertThat(added.policy().orElseThrow().permissions())
        .extracting(Permission::action)
        .containsExactly("sqs:SendMessage");
  }

  @Test
  void tighten_keepsAConditionalGrantWithItsCondition_andTheDenyThatMayApply() throws Exception {
    String vpcOnly =
        statement(
            "Allow",
            "Action",
            "s3:GetObject",
            "Resource",
            "arn:aws:s3:::media/*",
            "{\"StringEquals\": {\"aws:SourceVpc\": \"vpc-1\"}}");
    String denySecrets =
        statement("Deny", "Action", "s3:*", "Resource", "arn:aws:s3:::*/secret/*", "");
    Tightened t =
        tightener.tighten(
            function(code("s3:GetObject", "arn:aws:s3:::media/*", 12)),
            current(policy(vpcOnly, denySecrets, allow("sqs:*", "*"))),
            DEFAULTS);
    assertThat(tightened(t))
        .isEqualTo(
            """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "S3ReadMedia",
              "Effect": "Allow",
              "Action": [
                "s3:GetObject"
              ],
              "Resource": [
                "arn:aws:s3:::media/*"
              ],
              "Condition": {
                "StringEquals": {
                  "aws:SourceVpc": [
                    "vpc-1"
                  ]
                }
              }
            },
            {
              "Effect": "Deny",
              "Action": [
                "s3:*"
              ],
              "Resource": [
                "arn:aws:s3:::*/secret/*"
              ]
            }
          ]
        }
        """);
  }

  @Test
  void tighten_whenTheNeededBucketIsUnknown_keepsTheGrantedPartOfIt() throws Exception {
    Tightened t =
        tightener.tighten(
            function(code("s3:PutObject", "arn:aws:s3:::*/labels/*.pdf", 17)),
            current(
                policy(
                    allow("s3:PutObject", "arn:aws:s3:::labels-prod/*"),
                    allow("s3:DeleteObject", "arn:aws:s3:::labels-prod/*"),
                    allow("s3:PutObject", "arn:aws:s3:::reports-prod/summary.csv"))),
            DEFAULTS);
    assertThat(t.policy().orElseThrow().permissions())
        .extracting(p -> p.action() + " " + p.resource())
        .containsExactly("s3:PutObject arn:aws:s3:::labels-prod/*");
    assertThat(t.missing())
        .extracting(p -> p.action() + " " + p.resource())
        .containsExactly("s3:PutObject arn:aws:s3:::*/labels/*.pdf");
  }

  @Test
  void tighten_keepsTheSecureTransportConditionOfTheGrant_soItIsNeverBroader() throws Exception {
    Tightened t =
        tightener.tighten(
            function(code("s3:GetObject", "arn:aws:s3:::media/*", 12)),
            current(
                policy(
                    Needs.statement(
                        "Allow",
                        "Action",
                        "s3:*",
                        "Resource",
                        "*",
                        "{\"Bool\": {\"aws:SecureTransport\": \"true\"}}"))),
            DEFAULTS);
    assertThat(t.missing()).isEmpty();
    assertThat(tightened(t))
        .contains("\"s3:GetObject\"")
        .contains("arn:aws:s3:::media/*")
        .contains("aws:SecureTransport");
  }

  @Test
  void tighten_whenNothingNeededIsGranted_hasNoPolicy() throws Exception {
    Tightened t =
        tightener.tighten(
            function(code("sqs:SendMessage", "arn:aws:sqs:eu-west-1:1:jobs", 20)),
            current(policy(allow("s3:GetObject", "*"))),
            DEFAULTS);
    assertThat(t.policy()).isEmpty();
    assertThat(t.missing()).hasSize(1);
  }

  @Test
  void tighten_whenFunctionIsIncomplete_keepsUnverifiedStatementsAsWritten_andEveryDeny()
      throws Exception {
    String crud =
        "{\"Sid\": \"Crud\", \"Effect\": \"Allow\", \"Action\": [\"dynamodb:GetItem\","
            + " \"dynamodb:PutItem\", \"dynamodb:DeleteItem\"], \"Resource\":"
            + " \"arn:aws:dynamodb:eu-west-1:1:table/orders\"}";
    String denyDeletes = statement("Deny", "Action", "dynamodb:DeleteTable", "Resource", "*", "");
    Tightened t =
        tightener.tighten(
            Needs.incomplete(
                code("sqs:SendMessage", "arn:aws:sqs:eu-west-1:1:jobs", 20),
                code("dynamodb:GetItem", "arn:aws:dynamodb:eu-west-1:1:table/orders", 21)),
            current(policy(allow("sqs:*", "*"), crud, denyDeletes)),
            DEFAULTS);

    assertThat(t.complete()).isFalse();
    assertThat(t.keptAsWritten())
        .extracting(StatementRef::describe)
        .containsExactly("p0.json $.Statement[0]", "p0.json $.Statement[1] (Sid \"Crud\")");
    FunctionPolicy policy = t.policy().orElseThrow();
    assertThat(policy.statements())
        .extracting(st -> st.effect().value() + " " + st.sid() + " " + st.actions())
        .containsExactly(
            "Allow null [IamAction(value=sqs:*)]",
            "Allow Crud [IamAction(value=dynamodb:GetItem), IamAction(value=dynamodb:PutItem),"
                + " IamAction(value=dynamodb:DeleteItem)]",
            "Deny null [IamAction(value=dynamodb:DeleteTable)]");
    assertThat(policy.permissions())
        .extracting(p -> p.action() + " " + p.resource())
        .containsExactly(
            "dynamodb:GetItem arn:aws:dynamodb:eu-west-1:1:table/orders",
            "sqs:SendMessage arn:aws:sqs:eu-west-1:1:jobs");
    Finding kept =
        policy.findings().stream()
            .filter(f -> f.id().equals(Tightener.UNVERIFIED_GRANTS_KEPT))
            .findFirst()
            .orElseThrow();
    assertThat(kept.message())
        .isEqualTo(
            "app.Handler::handleRequest: tighten kept 2 statements of the current policy as"
                + " written (p0.json:1 $.Statement[0], p0.json:1 $.Statement[1] (Sid \"Crud\")):"
                + " minrole could not see all the code the function runs (REFLECTIVE_CALL at"
                + " app/Handler.java:30), and that code may use what they grant. Resolve those"
                + " findings and tighten again");
    assertThat(policy.complete()).isFalse();
  }

  @Test
  void tighten_whenFunctionIsIncomplete_stillReplacesStatementsWhoseEveryGrantIsMatched()
      throws Exception {
    Tightened t =
        tightener.tighten(
            Needs.incomplete(code("sqs:SendMessage", "arn:aws:sqs:eu-west-1:1:jobs", 20)),
            current(
                policy(
                    allow("sqs:SendMessage", "arn:aws:sqs:eu-west-1:1:jobs"),
                    allow("s3:GetObject", "arn:aws:s3:::media/*"))),
            DEFAULTS);

    assertThat(t.keptAsWritten())
        .extracting(StatementRef::describe)
        .containsExactly("p0.json $.Statement[1]");
    assertThat(tightened(t)).contains("\"Sid\": \"SqsWriteJobs\"").contains("arn:aws:s3:::media/*");
  }

  @Test
  void tighten_whenStatementsKeptFromSeveralDocumentsShareASid_numbersTheRepeat() throws Exception {
    String first =
        "{\"Sid\": \"Data\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\","
            + " \"Resource\": \"*\"}";
    String second =
        "{\"Sid\": \"Data\", \"Effect\": \"Allow\", \"Action\": \"s3:PutObject\","
            + " \"Resource\": \"*\"}";
    Tightened t =
        tightener.tighten(
            Needs.incomplete(code("sqs:SendMessage", "arn:aws:sqs:eu-west-1:1:jobs", 20)),
            current(
                policy(allow("sqs:SendMessage", "arn:aws:sqs:eu-west-1:1:jobs"), first),
                policy(second)),
            DEFAULTS);

    assertThat(t.policy().orElseThrow().statements())
        .extracting(st -> st.sid())
        .containsExactly("SqsWriteJobs", "Data", "Data2");
  }

  @Test
  void tighten_whenFunctionIsComplete_keepsNothingAsWritten() throws Exception {
    Tightened t =
        tightener.tighten(
            function(code("sqs:SendMessage", "arn:aws:sqs:eu-west-1:1:jobs", 20)),
            current(policy(allow("sqs:*", "*"))),
            DEFAULTS);
    assertThat(t.complete()).isTrue();
    assertThat(t.keptAsWritten()).isEmpty();
    assertThat(tightened(t)).doesNotContain("sqs:*");
    assertThat(t.policy().orElseThrow().findings()).isEmpty();
  }
}
