package dev.minrole.generator.diff;

import static dev.minrole.generator.diff.Needs.allow;
import static dev.minrole.generator.diff.Needs.code;
import static dev.minrole.generator.diff.Needs.current;
import static dev.minrole.generator.diff.Needs.function;
import static dev.minrole.generator.diff.Needs.observed;
import static dev.minrole.generator.diff.Needs.policy;
import static dev.minrole.generator.diff.Needs.statement;
import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.generator.mapping.OperationMapper;
import dev.minrole.generator.render.PolicyJson;
import dev.minrole.generator.synth.ArnContext;
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
  void tighten_whenNothingNeededIsGranted_hasNoPolicy() throws Exception {
    Tightened t =
        tightener.tighten(
            function(code("sqs:SendMessage", "arn:aws:sqs:eu-west-1:1:jobs", 20)),
            current(policy(allow("s3:GetObject", "*"))),
            DEFAULTS);
    assertThat(t.policy()).isEmpty();
    assertThat(t.missing()).hasSize(1);
  }
}
