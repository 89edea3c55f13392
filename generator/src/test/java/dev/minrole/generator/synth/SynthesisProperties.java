package dev.minrole.generator.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.mapping.OperationMapper;
import dev.minrole.generator.render.PolicyJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;

/**
 * Over random permission sets, with and without {@code --compact} and with size limits small enough
 * to force merging and splitting: the policy never grants an action on a resource that was not
 * asked for, never loses one that was, and reads back to the same bytes.
 */
class SynthesisProperties {
  private static final IamCatalog CATALOG = IamCatalog.bundled();
  private static final OperationMapper MAPPER = OperationMapper.bundled();

  private static final List<String> ACTIONS =
      List.of(
          "dynamodb:BatchGetItem",
          "dynamodb:BatchWriteItem",
          "dynamodb:GetItem",
          "dynamodb:PutItem",
          "dynamodb:Query",
          "dynamodb:Scan",
          "s3:GetObject",
          "s3:PutObject",
          "s3:DeleteObject",
          "s3:ListBucket",
          "sqs:SendMessage",
          "sqs:GetQueueAttributes",
          "sqs:GetQueueUrl",
          "kms:Decrypt",
          "kms:GenerateDataKey",
          "xray:PutTraceSegments",
          "xray:PutTelemetryRecords");

  private static final List<String> RESOURCES =
      List.of(
          "*",
          "arn:aws:dynamodb:*:*:table/orders",
          "arn:aws:dynamodb:*:*:table/*",
          "arn:aws:dynamodb:eu-west-1:123456789012:table/orders-archive",
          "arn:aws:s3:::media",
          "arn:aws:s3:::media/*",
          "arn:aws:s3:::media/in/*",
          "arn:aws:s3:::media/in/a.json",
          "arn:aws:s3:::receipts/*.json",
          "arn:aws:sqs:eu-west-1:123456789012:jobs",
          "arn:aws:kms:eu-west-1:123456789012:key/0f1e2d3c");

  private static final List<List<Condition>> CONDITIONS =
      List.of(
          List.of(),
          List.of(new Condition("StringLike", "s3:prefix", List.of("in/*"))),
          List.of(new Condition("StringLike", "kms:ViaService", List.of("s3.*.amazonaws.com"))));

  @Provide
  Arbitrary<List<Permission>> permissions() {
    Arbitrary<Permission> one =
        Combinators.combine(
                Arbitraries.of(ACTIONS), Arbitraries.of(RESOURCES), Arbitraries.of(CONDITIONS))
            .as((a, r, c) -> new Permission(a, r, c, List.of(new Evidence.Platform("generated"))));
    return one.list().ofMinSize(1).ofMaxSize(40);
  }

  @Provide
  Arbitrary<SynthesisOptions> options() {
    Arbitrary<SizeLimits> limits =
        Arbitraries.of(
            SizeLimits.IAM, new SizeLimits(900, 500, 10, 20), new SizeLimits(400, 350, 10, 20));
    return Combinators.combine(Arbitraries.of(true, false), limits).as(SynthesisOptions::new);
  }

  private static FunctionPolicy synthesize(List<Permission> asked, SynthesisOptions options) {
    return new PolicySynthesizer(MAPPER, ArnContext.defaults(), options)
        .synthesize("f", "f", List.of(), asked, List.of());
  }

  @Property(tries = 200)
  void synthesis_grantsOnlyWhatWasAskedFor(
      @ForAll("permissions") List<Permission> asked, @ForAll("options") SynthesisOptions options) {
    FunctionPolicy f = synthesize(asked, options);
    Set<String> askedLines = new TreeSet<>();
    asked.forEach(p -> askedLines.add(Grants.line(p)));
    assertThat(askedLines).containsAll(Grants.of(CATALOG, f.documents()).lines());
  }

  @Property(tries = 200)
  void synthesis_losesNothingThatWasAskedFor(
      @ForAll("permissions") List<Permission> asked, @ForAll("options") SynthesisOptions options) {
    FunctionPolicy f = synthesize(asked, options);
    Grants granted = Grants.of(CATALOG, f.documents());
    for (Permission p : asked) {
      assertThat(granted.cover(p)).as("%s is granted", p).isTrue();
    }
    assertThat(Grants.of(CATALOG, f.documents()))
        .isEqualTo(Grants.of(CATALOG, List.of(f.policy().orElseThrow())));
  }

  @Property(tries = 100)
  void synthesis_partsFitAndEveryDocumentRoundTrips(
      @ForAll("permissions") List<Permission> asked, @ForAll("options") SynthesisOptions options) {
    FunctionPolicy f = synthesize(asked, options);
    List<IamPolicy> documents = new ArrayList<>(f.documents());
    f.policy().ifPresent(documents::add);
    for (IamPolicy document : documents) {
      String json = PolicyJson.write(document);
      assertThat(PolicyJson.write(IamPolicy.fromJson(json))).isEqualTo(json);
    }
    if (f.isSplit() && f.findings().stream().noneMatch(x -> x.id().equals("POLICY_TOO_LARGE"))) {
      assertThat(f.parts())
          .allSatisfy(
              p -> assertThat(PolicySize.of(p)).isLessThanOrEqualTo(options.limits().managed()));
    }
    assertThat(PolicyJson.write(synthesize(asked, options).policy().orElseThrow()))
        .isEqualTo(PolicyJson.write(f.policy().orElseThrow()));
  }
}
