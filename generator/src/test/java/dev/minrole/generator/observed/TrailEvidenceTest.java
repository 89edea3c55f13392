package dev.minrole.generator.observed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.cloudtrail.FileReport;
import dev.minrole.analyzer.cloudtrail.Observation;
import dev.minrole.analyzer.cloudtrail.RoleActivity;
import dev.minrole.analyzer.cloudtrail.RoleTarget;
import dev.minrole.analyzer.cloudtrail.TrailScan;
import dev.minrole.analyzer.cloudtrail.TrailWindow;
import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SdkCall;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.generator.mapping.OperationMapper;
import dev.minrole.generator.synth.ArnContext;
import dev.minrole.generator.synth.Evidence;
import dev.minrole.generator.synth.FunctionInput;
import dev.minrole.generator.synth.FunctionPolicy;
import dev.minrole.generator.synth.Permission;
import dev.minrole.generator.synth.PolicySynthesizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TrailEvidenceTest {
  private static final RoleTarget ROLE =
      new RoleTarget("arn:aws:iam::111122223333:role/fn", Optional.empty());
  private static final PolicySynthesizer SYNTH =
      new PolicySynthesizer(
          OperationMapper.bundled(),
          new ArnContext("aws", Optional.of("us-east-1"), Optional.of("111122223333"), Map.of()));
  private static final SdkCall GET =
      new SdkCall(
          "s3",
          "GetObject",
          Map.of(
              "Bucket",
              ArgValue.literal("media"),
              "Key",
              ArgValue.concat(List.of(ArgValue.literal("in/"), ArgValue.unknown("id")))),
          SourceLocation.of("app/H.java", 10),
          "S3Client.getObject");
  private static final SdkCall SEND =
      new SdkCall(
          "sqs",
          "SendMessage",
          Map.of(
              "QueueUrl",
              ArgValue.literal("https://sqs.us-east-1.amazonaws.com/111122223333/jobs")),
          SourceLocation.of("app/H.java", 11),
          "SqsClient.sendMessage");
  private static final SdkCall DESCRIBE =
      new SdkCall(
          "dynamodb",
          "DescribeTable",
          Map.of("TableName", ArgValue.literal("orders")),
          SourceLocation.of("app/H.java", 12),
          "DynamoDbClient.describeTable");

  private static TrailScan scan(
      List<Observation> observations, long events, String... dataSources) {
    long mine = observations.stream().mapToLong(Observation::count).sum();
    RoleActivity activity =
        mine == 0
            ? new RoleActivity(ROLE.roleArn(), 0, Optional.empty(), Optional.empty())
            : new RoleActivity(
                ROLE.roleArn(),
                mine,
                Optional.of(Instant.parse("2024-05-01T10:00:00Z")),
                Optional.of(Instant.parse("2024-05-02T10:00:00Z")));
    return new TrailScan(
        observations,
        List.of(activity),
        new TreeSet<>(List.of(dataSources)),
        List.<FileReport>of(),
        events,
        false,
        List.of());
  }

  private static Observation get(String key) {
    return EventInterpreterTest.observation(
        "s3.amazonaws.com",
        "GetObject",
        "arn:aws:s3:::media/" + key + ";arn:aws:s3:::media",
        "",
        "",
        "");
  }

  private static FunctionPolicy policy(List<SdkCall> calls, TrailScan scan, boolean codeOnly) {
    return TrailEvidence.bundled()
        .policy(
            FunctionInput.ofCode("fn", "app.H", calls, List.of()),
            SYNTH,
            ROLE,
            scan,
            new TrailEvidence.Options(!calls.isEmpty(), codeOnly, TrailWindow.ALL));
  }

  private static List<String> ids(FunctionPolicy f) {
    return f.findings().stream().map(Finding::id).toList();
  }

  @Test
  void policy_whenCodeCoversTheObservedCall_addsObservedEvidenceToTheCodePermission() {
    FunctionPolicy f =
        policy(
            List.of(GET),
            scan(List.of(get("in/a.jpg"), get("in/b.jpg")), 6, "s3.amazonaws.com"),
            false);

    assertThat(f.permissions())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.resource()).isEqualTo("arn:aws:s3:::media/in/*");
              assertThat(p.evidence())
                  .extracting(Evidence::kind)
                  .containsExactly("code", "observed");
              assertThat(p.evidence().get(1))
                  .isEqualTo(
                      new Evidence.Trail(
                          6,
                          Instant.parse("2024-05-01T10:00:00Z"),
                          Instant.parse("2024-05-02T10:00:00Z")));
            });
    assertThat(ids(f)).isEmpty();
  }

  @Test
  void policy_whenObservedOutsideTheCodesPattern_addsItMarkedObservedOnly() {
    FunctionPolicy f =
        policy(
            List.of(GET),
            scan(List.of(get("in/a.jpg"), get("config/app.json")), 6, "s3.amazonaws.com"),
            false);

    assertThat(f.permissions())
        .extracting(Permission::resource)
        .containsExactly("arn:aws:s3:::media/config/app.json", "arn:aws:s3:::media/in/*");
    assertThat(f.permissions().get(0).evidence())
        .extracting(Evidence::kind)
        .containsExactly("observed");
    assertThat(ids(f)).containsExactly("OBSERVED_NOT_IN_CODE");
    assertThat(f.findings().get(0).severity().label()).isEqualTo("warning");
  }

  @Test
  void policy_whenCodeOnly_reportsButDoesNotAddObservedOnlyCalls() {
    FunctionPolicy f =
        policy(List.of(GET), scan(List.of(get("config/app.json")), 3, "s3.amazonaws.com"), true);

    assertThat(f.permissions())
        .extracting(Permission::resource)
        .containsExactly("arn:aws:s3:::media/in/*");
    assertThat(ids(f)).containsExactlyInAnyOrder("OBSERVED_NOT_IN_CODE", "IN_CODE_NOT_OBSERVED");
    assertThat(f.findings())
        .filteredOn(x -> x.id().equals("OBSERVED_NOT_IN_CODE"))
        .singleElement()
        .satisfies(x -> assertThat(x.message()).contains("--code-only"));
  }

  @Test
  void policy_whenCodeCallNeverObserved_listsItOrSaysDataEventsAreMissing() {
    FunctionPolicy f =
        policy(
            List.of(GET, SEND, DESCRIBE),
            scan(List.of(get("in/a.jpg")), 3, "s3.amazonaws.com"),
            false);

    assertThat(ids(f)).containsExactlyInAnyOrder("IN_CODE_NOT_OBSERVED", "DATA_EVENTS_NOT_LOGGED");
    Finding unobserved =
        f.findings().stream()
            .filter(x -> x.id().equals("IN_CODE_NOT_OBSERVED"))
            .findFirst()
            .orElseThrow();
    assertThat(unobserved.message()).contains("dynamodb:DescribeTable");
    assertThat(unobserved.location()).isEqualTo(SourceLocation.of("app/H.java", 12));
    assertThat(f.permissions())
        .extracting(Permission::action)
        .contains("sqs:SendMessage", "dynamodb:DescribeTable");
  }

  @Test
  void policy_whenRoleInactive_saysSoAndKeepsTheCodePermissionsWithoutNoise() {
    FunctionPolicy f = policy(List.of(DESCRIBE), scan(List.of(), 1200), false);

    assertThat(ids(f)).containsExactly("INACTIVE_ROLE");
    assertThat(f.permissions())
        .extracting(Permission::action)
        .containsExactly("dynamodb:DescribeTable");
  }

  @Test
  void policy_whenDenied_neverGrantsAndSaysWhatToAdd() {
    Observation denied =
        EventInterpreterTest.observation(
            "dynamodb.amazonaws.com",
            "PutItem",
            "",
            "tableName=orders",
            "AccessDeniedException",
            "dynamodb:PutItem");
    FunctionPolicy f = policy(List.of(DESCRIBE), scan(List.of(denied), 3), false);

    assertThat(f.permissions())
        .extracting(Permission::action)
        .containsExactly("dynamodb:DescribeTable");
    assertThat(f.findings())
        .filteredOn(x -> x.id().equals("ACCESS_DENIED"))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.id()).isEqualTo("ACCESS_DENIED");
              assertThat(x.message())
                  .contains(
                      "dynamodb:PutItem on arn:aws:dynamodb:us-east-1:111122223333:table/orders 3"
                          + " times");
            });
  }

  @Test
  void policy_whenDeniedWhatTheCodeNeeds_saysTheDeployedRoleLacksIt() {
    Observation denied =
        EventInterpreterTest.observation(
            "dynamodb.amazonaws.com",
            "DescribeTable",
            "",
            "tableName=orders",
            "AccessDeniedException",
            "dynamodb:DescribeTable");
    FunctionPolicy f = policy(List.of(DESCRIBE), scan(List.of(denied), 3), false);

    assertThat(f.findings())
        .filteredOn(x -> x.id().equals("ACCESS_DENIED"))
        .singleElement()
        .satisfies(
            x ->
                assertThat(x.message())
                    .contains("the code needs it and the generated policy grants it")
                    .doesNotContain("minrole did not grant it"));
  }

  @Test
  void policy_whenNoCode_isTheObservedPolicyWithGeneralizedKeys() {
    List<Observation> many = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      many.add(get("uploads/" + i + ".png"));
    }
    FunctionPolicy f = policy(List.of(), scan(many, 120, "s3.amazonaws.com"), false);

    assertThat(f.permissions())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.resource()).isEqualTo("arn:aws:s3:::media/uploads/*.png");
              assertThat(((Evidence.Trail) p.evidence().get(0)).count()).isEqualTo(120);
            });
    assertThat(f.findings())
        .singleElement()
        .satisfies(x -> assertThat(x.message()).contains("40 distinct resources"));
  }
}
