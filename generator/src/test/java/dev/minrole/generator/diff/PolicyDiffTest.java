package dev.minrole.generator.diff;

import static dev.minrole.generator.diff.Needs.allow;
import static dev.minrole.generator.diff.Needs.code;
import static dev.minrole.generator.diff.Needs.current;
import static dev.minrole.generator.diff.Needs.deny;
import static dev.minrole.generator.diff.Needs.function;
import static dev.minrole.generator.diff.Needs.policy;
import static dev.minrole.generator.diff.Needs.statement;
import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.synth.Condition;
import dev.minrole.generator.synth.FunctionPolicy;
import dev.minrole.generator.synth.Permission;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;

class PolicyDiffTest {
  private static final IamCatalog CATALOG = IamCatalog.bundled();
  private static final String ORDERS = "arn:aws:dynamodb:eu-west-1:123456789012:table/orders";
  private final PolicyDiff diff = new PolicyDiff(CATALOG);

  private static String line(DiffEntry e) {
    return e.kind().label() + " " + e.action() + " " + e.resource();
  }

  @Test
  void compare_wildcardGrant_isBroaderForTheNeededActionAndExcessForTheRest() throws Exception {
    FunctionDiff d =
        diff.compare(
            function(code("s3:GetObject", "arn:aws:s3:::media/*", 12)),
            current(policy(allow("s3:*", "*"))));
    assertThat(d.of(DiffKind.BROADER))
        .extracting(PolicyDiffTest::line)
        .containsExactly("broader s3:GetObject *");
    assertThat(d.of(DiffKind.BROADER).get(0).neededResources())
        .containsExactly("arn:aws:s3:::media/*");
    assertThat(d.count(DiffKind.EXCESS)).isEqualTo(CATALOG.expand("s3:*").size() - 1);
    assertThat(d.of(DiffKind.EXCESS)).allSatisfy(e -> assertThat(e.pattern()).isEqualTo("s3:*"));
    assertThat(d.count(DiffKind.MISSING)).isZero();
    assertThat(d.count(DiffKind.MATCHED)).isZero();
  }

  @Test
  void compare_whenTheNeededTableIsUnknown_aGrantOnOneTableIsPartOfIt_notExcess() throws Exception {
    String anyTable = "arn:aws:dynamodb:eu-west-1:123456789012:table/*";
    FunctionDiff d =
        diff.compare(
            function(code("dynamodb:PutItem", anyTable, 19)),
            current(
                policy(allow("dynamodb:PutItem", ORDERS), allow("dynamodb:DeleteItem", ORDERS))));
    assertThat(d.entries())
        .extracting(PolicyDiffTest::line)
        .containsExactly(
            "missing dynamodb:PutItem " + anyTable, "excess dynamodb:DeleteItem " + ORDERS);
    assertThat(d.of(DiffKind.MISSING).get(0).note())
        .contains("granted only on part of it, " + ORDERS + " (")
        .contains("that grant is not excess, and tighten keeps it");
  }

  @Test
  void compare_whenAGrantIsPartOfANeedThatIsGranted_itIsStillExcess() throws Exception {
    FunctionDiff d =
        diff.compare(
            function(code("s3:PutObject", "arn:aws:s3:::media/in/*", 12)),
            current(
                policy(
                    allow("s3:PutObject", "arn:aws:s3:::media/*"),
                    allow("s3:PutObject", "arn:aws:s3:::media/in/2024/*"))));
    assertThat(d.of(DiffKind.EXCESS))
        .extracting(PolicyDiffTest::line)
        .containsExactly("excess s3:PutObject arn:aws:s3:::media/in/2024/*");
    assertThat(d.count(DiffKind.MISSING)).isZero();
  }

  @Test
  void compare_grantOnAnIndexOrAnObjectPath_grantsNothingForTableOrBucketActions()
      throws Exception {
    // table/orders/index/* names indexes: a PutItem there grants nothing (PutItem acts on tables),
    // so it is neither excess nor matched; Query there is a real, unused grant. Likewise
    // media/* names objects, not the bucket, for s3:ListBucket. function:orders:* still names the
    // function's versions and aliases for InvokeFunction.
    FunctionDiff d =
        diff.compare(
            function(code("dynamodb:PutItem", ORDERS, 7)),
            current(
                policy(
                    allow("dynamodb:PutItem", ORDERS),
                    allow("dynamodb:PutItem", ORDERS + "/index/*"),
                    allow("dynamodb:Query", ORDERS + "/index/*"),
                    allow("s3:ListBucket", "arn:aws:s3:::media/*"),
                    allow(
                        "lambda:InvokeFunction",
                        "arn:aws:lambda:eu-west-1:123456789012:function:orders:*"))));
    assertThat(d.entries())
        .extracting(PolicyDiffTest::line)
        .containsExactlyInAnyOrder(
            "matched dynamodb:PutItem " + ORDERS,
            "excess dynamodb:Query " + ORDERS + "/index/*",
            "excess lambda:InvokeFunction arn:aws:lambda:eu-west-1:123456789012:function:orders:*");
  }

  @Test
  void compare_grantOnSecureTransport_isMatched_asEverySdkRequestUsesTls() throws Exception {
    FunctionDiff d =
        diff.compare(
            function(code("dynamodb:GetItem", ORDERS, 7)),
            current(
                policy(
                    statement(
                        "Allow",
                        "Action",
                        "dynamodb:GetItem",
                        "Resource",
                        ORDERS,
                        "{\"Bool\": {\"aws:SecureTransport\": \"true\"}}"))));
    assertThat(d.entries())
        .extracting(PolicyDiffTest::line)
        .containsExactly("matched dynamodb:GetItem " + ORDERS);
  }

  @Test
  void compare_exactGrant_isMatched_andAnOtherResourceIsExcess() throws Exception {
    FunctionDiff d =
        diff.compare(
            function(code("dynamodb:GetItem", ORDERS, 7)),
            current(
                policy(
                    allow("dynamodb:GetItem", ORDERS),
                    allow("dynamodb:GetItem", ORDERS.replace("orders", "users")))));
    assertThat(d.entries())
        .extracting(PolicyDiffTest::line)
        .containsExactly(
            "excess dynamodb:GetItem " + ORDERS.replace("orders", "users"),
            "matched dynamodb:GetItem " + ORDERS);
    assertThat(d.of(DiffKind.MATCHED).get(0).grants())
        .extracting(StatementRef::describe)
        .containsExactly("p0.json $.Statement[0]");
  }

  @Test
  void compare_managedPlusInline_readsBothDocuments() throws Exception {
    FunctionDiff d =
        diff.compare(
            function(
                code("dynamodb:GetItem", ORDERS, 7),
                code("sqs:SendMessage", "arn:aws:sqs:eu-west-1:123456789012:jobs", 9)),
            current(
                policy(allow("dynamodb:GetItem", ORDERS)),
                policy(allow("sqs:SendMessage", "arn:aws:sqs:*:*:jobs"))));
    assertThat(d.entries())
        .extracting(PolicyDiffTest::line)
        .containsExactly(
            "broader sqs:SendMessage arn:aws:sqs:*:*:jobs", "matched dynamodb:GetItem " + ORDERS);
    assertThat(d.of(DiffKind.BROADER).get(0).grants())
        .extracting(StatementRef::document)
        .containsExactly("p1.json");
  }

  @Test
  void compare_denyOverridesAllow_andDeniedGrantsAreNotExcess() throws Exception {
    FunctionDiff d =
        diff.compare(
            function(code("s3:PutObject", "arn:aws:s3:::media/out/*", 30)),
            current(policy(allow("s3:*", "*"), deny("s3:*Object", "*"))));
    assertThat(d.of(DiffKind.MISSING))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.note()).isEqualTo("denied by p0.json:1 $.Statement[1]");
              assertThat(e.denials())
                  .extracting(StatementRef::path)
                  .containsExactly("$.Statement[1]");
            });
    assertThat(d.of(DiffKind.EXCESS)).noneMatch(e -> e.action().equals("s3:GetObject"));
    assertThat(d.of(DiffKind.EXCESS)).anyMatch(e -> e.action().equals("s3:ListBucket"));
  }

  @Test
  void compare_notAction_grantsEverythingElse() throws Exception {
    String notIam = statement("Allow", "NotAction", "iam:*", "Resource", "*", "");
    FunctionDiff d =
        diff.compare(
            function(
                code("s3:GetObject", "arn:aws:s3:::media/*", 12),
                code("iam:PassRole", "arn:aws:iam::1:role/x", 13)),
            current(policy(notIam)));
    assertThat(d.of(DiffKind.MISSING))
        .extracting(PolicyDiffTest::line)
        .containsExactly("missing iam:PassRole arn:aws:iam::1:role/x");
    assertThat(d.of(DiffKind.BROADER))
        .extracting(PolicyDiffTest::line)
        .containsExactly("broader s3:GetObject *");
    assertThat(d.of(DiffKind.EXCESS))
        .allSatisfy(e -> assertThat(e.pattern()).isEqualTo("NotAction iam:*"));
    assertThat(d.of(DiffKind.EXCESS)).noneMatch(e -> e.service().equals("iam"));
  }

  @Test
  void compare_notResource_coversOnlyWhatItDoesNotExclude() throws Exception {
    String allButSecrets =
        statement(
            "Allow", "Action", "s3:GetObject", "NotResource", "arn:aws:s3:::media/secret/*", "");
    FunctionDiff d =
        diff.compare(
            function(
                code("s3:GetObject", "arn:aws:s3:::media/public/*", 1),
                code("s3:GetObject", "arn:aws:s3:::media/*", 2)),
            current(policy(allButSecrets)));
    assertThat(d.of(DiffKind.MISSING))
        .extracting(PolicyDiffTest::line)
        .containsExactly("missing s3:GetObject arn:aws:s3:::media/*");
    assertThat(d.of(DiffKind.BROADER))
        .extracting(PolicyDiffTest::line)
        .containsExactly("broader s3:GetObject NotResource arn:aws:s3:::media/secret/*");
  }

  @Test
  void compare_conditionalGrant_neverCoversAnUnconditionalNeed() throws Exception {
    String vpcOnly =
        statement(
            "Allow",
            "Action",
            "s3:GetObject",
            "Resource",
            "arn:aws:s3:::media/*",
            "{\"StringEquals\": {\"aws:SourceVpc\": \"vpc-1\"}}");
    FunctionDiff d =
        diff.compare(
            function(code("s3:GetObject", "arn:aws:s3:::media/*", 12)), current(policy(vpcOnly)));
    assertThat(d.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(DiffKind.MISSING);
              assertThat(e.conditional()).isTrue();
              assertThat(e.note())
                  .isEqualTo(
                      "granted only when StringEquals aws:SourceVpc vpc-1 (p0.json:1 $.Statement[0])");
            });
  }

  @Test
  void compare_grantWithTheConditionTheCodeGuarantees_isMatched() throws Exception {
    Permission list =
        new Permission(
            "s3:ListBucket",
            "arn:aws:s3:::media",
            List.of(new Condition("StringLike", "s3:prefix", List.of("uploads/*"))),
            code("s3:ListBucket", "x", 3).evidence());
    String grant =
        statement(
            "Allow",
            "Action",
            "s3:ListBucket",
            "Resource",
            "arn:aws:s3:::media",
            "{\"StringLike\": {\"s3:prefix\": [\"uploads/*\", \"downloads/*\"]}}");
    FunctionDiff d = diff.compare(function(list), current(policy(grant)));
    assertThat(d.entries())
        .extracting(PolicyDiffTest::line)
        .containsExactly("matched s3:ListBucket arn:aws:s3:::media");
  }

  @Test
  void compare_conditionalDeny_mayDeny_soTheNeedIsMissingAndSaysWhy() throws Exception {
    String denyOutsideVpc =
        statement(
            "Deny",
            "Action",
            "s3:*",
            "Resource",
            "*",
            "{\"StringNotEquals\": {\"aws:SourceVpc\": \"vpc-1\"}}");
    FunctionDiff d =
        diff.compare(
            function(code("s3:GetObject", "arn:aws:s3:::media/*", 12)),
            current(policy(allow("s3:GetObject", "arn:aws:s3:::media/*"), denyOutsideVpc)));
    assertThat(d.of(DiffKind.MISSING))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.note())
                    .isEqualTo(
                        "may be denied when StringNotEquals aws:SourceVpc vpc-1 (p0.json:1 $.Statement[1])"));
  }

  @Test
  void compare_permissionsBoundary_intersects() throws Exception {
    CurrentPolicy current =
        Needs.withBoundary(
            policy(allow("s3:*", "*"), allow("sqs:SendMessage", "*")),
            policy(allow("s3:Get*", "*")));
    FunctionDiff d =
        diff.compare(
            function(code("s3:GetObject", "arn:aws:s3:::m/*", 1), code("sqs:SendMessage", "*", 2)),
            current);
    assertThat(d.of(DiffKind.MISSING))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("sqs:SendMessage");
              assertThat(e.note())
                  .isEqualTo("granted, but not allowed by the permissions boundary");
            });
    assertThat(d.of(DiffKind.BROADER))
        .extracting(DiffEntry::action)
        .containsExactly("s3:GetObject");
  }

  @Test
  void compare_unknownRegionAndAccount_takeTheGrantsAndSaySo() throws Exception {
    FunctionDiff d =
        diff.compare(
            function(code("dynamodb:GetItem", "arn:aws:dynamodb:*:*:table/orders", 7)),
            current(policy(allow("dynamodb:GetItem", ORDERS))));
    assertThat(d.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(line(e))
                  .isEqualTo("matched dynamodb:GetItem arn:aws:dynamodb:*:*:table/orders");
              assertThat(e.note())
                  .isEqualTo("assumed the region and account the grant names: " + ORDERS);
            });
  }

  @Test
  void compare_nothingGranted_isMissingWithItsEvidence() throws Exception {
    FunctionDiff d =
        diff.compare(
            function(code("sqs:SendMessage", "arn:aws:sqs:eu-west-1:1:jobs", 9)),
            current(policy(allow("sqs:ReceiveMessage", "arn:aws:sqs:eu-west-1:1:jobs"))));
    assertThat(d.entries())
        .extracting(PolicyDiffTest::line)
        .containsExactly(
            "missing sqs:SendMessage arn:aws:sqs:eu-west-1:1:jobs",
            "excess sqs:ReceiveMessage arn:aws:sqs:eu-west-1:1:jobs");
    assertThat(d.of(DiffKind.MISSING).get(0).evidence().get(0).describe())
        .isEqualTo("app/Handler.java:9 Client.call");
    assertThat(d.of(DiffKind.MISSING).get(0).note()).isEqualTo("not granted by the current policy");
  }

  @Test
  void compare_notActionOnAQueue_grantsOnlyWhatCanActOnAQueue() throws Exception {
    String notSecrets =
        statement(
            "Allow", "NotAction", "secretsmanager:*", "Resource", "arn:aws:sqs:eu-west-1:1:*", "");
    FunctionDiff d =
        diff.compare(
            function(code("sqs:SendMessage", "arn:aws:sqs:eu-west-1:1:jobs", 9)),
            current(policy(notSecrets)));
    assertThat(d.of(DiffKind.EXCESS))
        .extracting(DiffEntry::action)
        .contains("sqs:DeleteQueue")
        .doesNotContain("sqs:ListQueues", "ec2:RunInstances", "s3:GetObject");
    // Only services whose ARN formats can be queues remain: SQS, and the few whose formats take any
    // service's ARN (AWS Backup recovery points: arn:${Partition}:${Vendor}:...).
    assertThat(d.of(DiffKind.EXCESS).stream().map(DiffEntry::service).distinct().count())
        .isLessThan(10);
  }

  @Test
  void compare_whenFunctionIsIncomplete_listsWhatWouldBeExcessOrBroaderAsUnverified()
      throws Exception {
    FunctionDiff d =
        diff.compare(
            Needs.incomplete(code("dynamodb:GetItem", ORDERS, 7)),
            current(
                policy(
                    allow("dynamodb:GetItem", ORDERS),
                    allow("dynamodb:PutItem", ORDERS),
                    allow("dynamodb:Query", "*"))));

    assertThat(d.complete()).isFalse();
    assertThat(d.incompleteness()).extracting(f -> f.id()).containsExactly("REFLECTIVE_CALL");
    assertThat(d.count(DiffKind.EXCESS) + d.count(DiffKind.BROADER)).isZero();
    assertThat(d.entries())
        .extracting(PolicyDiffTest::line)
        .containsExactly(
            "unverified dynamodb:PutItem " + ORDERS,
            "unverified dynamodb:Query *",
            "matched dynamodb:GetItem " + ORDERS);
    assertThat(d.incompleteBecause())
        .isEqualTo(
            "minrole could not see all the code the function runs (REFLECTIVE_CALL at"
                + " app/Handler.java:30)");
  }

  @Test
  void compare_whenFunctionIsIncomplete_aWiderGrantOfANeededAction_saysWhatTheSeenCodeNeeds()
      throws Exception {
    FunctionDiff d =
        diff.compare(
            Needs.incomplete(code("s3:GetObject", "arn:aws:s3:::media/*", 12)),
            current(policy(allow("s3:GetObject", "*"))));

    assertThat(d.entries())
        .extracting(PolicyDiffTest::line)
        .containsExactly("unverified s3:GetObject *");
    assertThat(d.entries().get(0).neededResources()).containsExactly("arn:aws:s3:::media/*");
  }

  @Test
  void compare_whenFunctionIsIncomplete_aConditionalGrantOfANeed_isUnverified_notLeftOut()
      throws Exception {
    String vpcOnly =
        statement(
            "Allow",
            "Action",
            "s3:GetObject",
            "Resource",
            "*",
            "{\"StringEquals\": {\"aws:SourceVpc\": \"vpc-1\"}}");
    Permission need = code("s3:GetObject", "arn:aws:s3:::media/*", 12);

    FunctionDiff complete = diff.compare(function(need), current(policy(vpcOnly)));
    FunctionDiff incomplete = diff.compare(Needs.incomplete(need), current(policy(vpcOnly)));

    assertThat(complete.entries())
        .extracting(PolicyDiffTest::line)
        .containsExactly("missing s3:GetObject arn:aws:s3:::media/*");
    assertThat(incomplete.entries())
        .extracting(PolicyDiffTest::line)
        .containsExactly("missing s3:GetObject arn:aws:s3:::media/*", "unverified s3:GetObject *");
    assertThat(incomplete.of(DiffKind.UNVERIFIED).get(0).note())
        .isEqualTo("granted when StringEquals aws:SourceVpc vpc-1");
  }

  @Test
  void compare_whenOnlyAResourceIsUnresolved_theFunctionIsComplete_andExcessIsExcess()
      throws Exception {
    FunctionDiff d =
        diff.compare(
            new FunctionPolicy(
                "f",
                "f",
                IamPolicy.fromJson(policy(allow("s3:GetObject", "*"))),
                List.of(code("s3:GetObject", "arn:aws:s3:::*/reports/*", 12)),
                List.of(
                    Finding.warning(
                        "UNRESOLVED_RESOURCE",
                        "the bucket comes from the event",
                        SourceLocation.of("app/Handler.java", 12)))),
            current(policy(allow("s3:GetObject", "*"), allow("s3:DeleteObject", "*"))));

    assertThat(d.complete()).isTrue();
    assertThat(d.entries())
        .extracting(PolicyDiffTest::line)
        .containsExactly("broader s3:GetObject *", "excess s3:DeleteObject *");
  }
}
