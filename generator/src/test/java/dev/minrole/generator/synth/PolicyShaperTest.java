package dev.minrole.generator.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.mapping.OperationMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;

/** Size limits: merging statements, splitting into managed policies, and saying so. */
class PolicyShaperTest {
  private static final IamCatalog CATALOG = IamCatalog.bundled();

  private static Permission permission(String action, String resource) {
    return new Permission(action, resource, List.of(), List.of(new Evidence.Platform("test")));
  }

  private static FunctionPolicy synthesize(List<Permission> permissions, SynthesisOptions options) {
    return new PolicySynthesizer(OperationMapper.bundled(), ArnContext.defaults(), options)
        .synthesize("f", "f", List.of(), permissions, List.of());
  }

  private static List<Permission> tables(int count) {
    List<Permission> out = new ArrayList<>();
    IntStream.range(0, count)
        .forEach(
            i -> {
              String table = "arn:aws:dynamodb:eu-west-1:123456789012:table/orders-archive-" + i;
              out.add(permission("dynamodb:GetItem", table));
              out.add(permission("dynamodb:PutItem", table));
              if (i % 2 == 0) {
                out.add(permission("dynamodb:Query", table));
              }
            });
    return out;
  }

  @Test
  void policyWithinLimits_isOneDocumentWithStatementsPerService() {
    FunctionPolicy f =
        synthesize(
            List.of(
                permission("xray:PutTraceSegments", "*"),
                permission("cloudwatch:PutMetricData", "*")),
            SynthesisOptions.defaults());
    assertThat(f.isSplit()).isFalse();
    assertThat(f.statements()).hasSize(2);
    assertThat(f.findings()).isEmpty();
  }

  @Test
  void policyOverInlineLimit_isShortenedByGroupingAcrossServicesFirst() {
    List<Permission> permissions =
        List.of(
            permission("xray:PutTraceSegments", "*"),
            permission("xray:PutTelemetryRecords", "*"),
            permission("cloudwatch:PutMetricData", "*"));
    int perService =
        PolicySize.of(synthesize(permissions, SynthesisOptions.defaults()).policy().orElseThrow());
    SynthesisOptions tight =
        new SynthesisOptions(false, new SizeLimits(perService - 1, 6_144, 10, 20));
    FunctionPolicy f = synthesize(permissions, tight);
    assertThat(f.isSplit()).isFalse();
    assertThat(f.statements()).hasSize(1);
    assertThat(f.statements().get(0).sid()).isEqualTo("CloudWatchXRayWrite");
    assertThat(Grants.of(CATALOG, List.of(f.policy().orElseThrow())))
        .isEqualTo(
            Grants.of(
                CATALOG,
                List.of(
                    synthesize(permissions, SynthesisOptions.defaults()).policy().orElseThrow())));
  }

  @Test
  void policyOverInlineLimit_isSplitIntoManagedPoliciesThatTogetherGrantTheSame() {
    List<Permission> permissions = tables(120);
    FunctionPolicy f = synthesize(permissions, SynthesisOptions.defaults());
    assertThat(PolicySize.of(f.policy().orElseThrow())).isGreaterThan(10_240);
    assertThat(f.isSplit()).isTrue();
    assertThat(f.parts()).allSatisfy(p -> assertThat(PolicySize.of(p)).isLessThanOrEqualTo(6_144));
    assertThat(Grants.of(CATALOG, f.parts()))
        .isEqualTo(Grants.of(CATALOG, List.of(f.policy().orElseThrow())));
    permissions.forEach(
        p -> assertThat(Grants.of(CATALOG, f.parts()).cover(p)).as(p.toString()).isTrue());
    List<String> sids =
        f.parts().stream().flatMap(p -> p.statements().stream()).map(s -> s.sid()).toList();
    assertThat(sids).doesNotHaveDuplicates();
    Finding split =
        f.findings().stream().filter(x -> x.id().equals("POLICY_SPLIT")).findFirst().orElseThrow();
    assertThat(split.message()).contains("split into " + f.parts().size() + " managed policies");
  }

  @Test
  void statementTooLargeForOneManagedPolicy_isCutByResources() {
    List<Permission> permissions = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      permissions.add(permission("s3:GetObject", "arn:aws:s3:::acme-receipts-" + i + "/*"));
    }
    FunctionPolicy f = synthesize(permissions, SynthesisOptions.defaults());
    assertThat(f.isSplit()).isTrue();
    assertThat(f.parts()).allSatisfy(p -> assertThat(PolicySize.of(p)).isLessThanOrEqualTo(6_144));
    assertThat(Grants.of(CATALOG, f.parts()))
        .isEqualTo(Grants.of(CATALOG, List.of(f.policy().orElseThrow())));
    assertThat(f.parts().get(0).statements().get(0).sid()).endsWith("Part1");
  }

  @Test
  void policyThatCannotFitEvenOneStatement_isTooLarge() {
    SynthesisOptions tiny = new SynthesisOptions(false, new SizeLimits(50, 40, 10, 20));
    FunctionPolicy f = synthesize(List.of(permission("xray:PutTraceSegments", "*")), tiny);
    assertThat(f.findings()).extracting(Finding::id).contains("POLICY_SPLIT", "POLICY_TOO_LARGE");
    assertThat(f.isPartial()).isTrue();
  }

  @Test
  void splitMessage_saysWhenCompactWouldFitInline() {
    List<Permission> permissions = new ArrayList<>();
    CATALOG.service("ec2").orElseThrow().actions().values().stream()
        .filter(a -> !a.name().equals("RunInstances"))
        .forEach(a -> permissions.add(permission(a.id(), "*")));
    FunctionPolicy plain = synthesize(permissions, SynthesisOptions.defaults());
    assertThat(plain.isSplit()).isTrue();
    assertThat(plain.findings().get(0).message())
        .contains("--compact would make it")
        .contains("which fits inline");
    FunctionPolicy compact = synthesize(permissions, new SynthesisOptions(true, SizeLimits.IAM));
    assertThat(compact.isSplit()).isFalse();
    assertThat(compact.findings()).isEmpty();
    assertThat(Grants.of(CATALOG, List.of(compact.policy().orElseThrow())))
        .isEqualTo(Grants.of(CATALOG, List.of(plain.policy().orElseThrow())));
  }

  @Test
  void splitPolicy_roundTripsEachPart() {
    FunctionPolicy f = synthesize(tables(120), SynthesisOptions.defaults());
    for (IamPolicy part : f.parts()) {
      String json = dev.minrole.generator.render.PolicyJson.write(part);
      assertThat(dev.minrole.generator.render.PolicyJson.write(IamPolicy.fromJson(json)))
          .isEqualTo(json);
    }
  }
}
