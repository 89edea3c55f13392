package dev.minrole.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.minrole.generator.diff.CurrentPolicy;
import dev.minrole.generator.diff.DiffEntry;
import dev.minrole.generator.diff.DiffKind;
import dev.minrole.generator.diff.PolicyFiles;
import dev.minrole.generator.diff.Tightener;
import dev.minrole.generator.render.JsonRenderer;
import dev.minrole.generator.synth.ArnContext;
import dev.minrole.generator.synth.FunctionPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine as a library: the bundled example through each entry point. */
class EngineTest {
  private static final Path APP = fixtures().resolve("examples/orders-app");
  private static final String HANDLER = "com.example.orders.OrderHandler::handleRequest";

  private final Engine engine = Engine.bundled();

  @Test
  void generate_whenExampleApp_givesThePolicyTheCliPrints() throws IOException {
    Analysis analysis =
        engine.generate(
            AnalysisRequest.builder().paths(List.of(APP)).handlers(List.of(HANDLER)).build());

    assertThat(analysis.functions())
        .extracting(FunctionPolicy::name)
        .containsExactly("OrderFunction");
    assertThat(new JsonRenderer().render(analysis.functions(), analysis.findings()))
        .isEqualTo(Files.readString(APP.resolve("expected/policy.json"), StandardCharsets.UTF_8));
    assertThat(analysis.allFindings()).anyMatch(f -> f.id().equals("OVER_GRANT"));
  }

  @Test
  void generate_whenWarmupLoadsTheDataAtTheSameTime_givesTheSameResult() {
    AnalysisRequest request =
        AnalysisRequest.builder().paths(List.of(APP)).handlers(List.of(HANDLER)).build();
    String before = new JsonRenderer().render(engine.generate(request).functions(), List.of());

    Warmup.start();
    Analysis during = engine.generate(request);

    assertThat(new JsonRenderer().render(during.functions(), List.of())).isEqualTo(before);
  }

  @Test
  void needed_whenExampleApp_leavesOutTheFindingsAboutTheCurrentRole() {
    Analysis needed = engine.needed(AnalysisRequest.builder().paths(List.of(APP)).build());

    assertThat(needed.allFindings()).noneMatch(f -> f.id().equals("OVER_GRANT"));
    assertThat(needed.declared()).containsOnlyKeys("OrderFunction");
  }

  @Test
  void diffWithTemplateRoles_whenTemplateGrantsCrudPolicies_reportsExcessAndNothingMissing() {
    Analysis needed = engine.needed(AnalysisRequest.builder().paths(List.of(APP)).build());

    Comparison comparison = engine.diffWithTemplateRoles(needed);

    assertThat(comparison.report().count(DiffKind.MISSING)).isZero();
    assertThat(comparison.report().count(DiffKind.EXCESS)).isPositive();
    assertThat(comparison.baselines()).hasSize(1);
    assertThat(FailOn.missing.failure(comparison.report())).isEmpty();
    assertThat(FailOn.any.failure(comparison.report())).contains(DiffKind.EXCESS);
  }

  @Test
  void diff_whenCurrentPolicyLacksAnAction_reportsItMissingAtTheCall(@TempDir Path dir)
      throws Exception {
    Path current = dir.resolve("current.json");
    Files.writeString(
        current,
        """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:PutItem"],
           "Resource": "*"}]}
        """);
    Analysis needed =
        engine.needed(
            AnalysisRequest.builder().paths(List.of(APP)).handlers(List.of(HANDLER)).build());
    CurrentPolicy policy = new PolicyFiles(List.of(current), List.of(), dir).read();

    Comparison comparison = engine.diff(needed, policy);

    List<DiffEntry> missing =
        comparison.report().functions().get(0).entries().stream()
            .filter(e -> e.kind() == DiffKind.MISSING)
            .toList();
    assertThat(missing).extracting(DiffEntry::action).contains("s3:PutObject", "sqs:SendMessage");
    assertThat(FailOn.missing.failure(comparison.report())).contains(DiffKind.MISSING);
  }

  @Test
  void tighten_whenCurrentPolicyIsBroad_keepsOnlyWhatIsNeeded(@TempDir Path dir) throws Exception {
    Path current = dir.resolve("current.json");
    Files.writeString(
        current,
        """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": ["dynamodb:*", "s3:*"], "Resource": "*"}]}
        """);
    AnalysisRequest request =
        AnalysisRequest.builder().paths(List.of(APP)).handlers(List.of(HANDLER)).build();
    CurrentPolicy policy = new PolicyFiles(List.of(current), List.of(), dir).read();

    List<TightenedFunction> tightened =
        engine.tighten(
            request, engine.needed(request), policy, new Tightener.Options(false, false));

    assertThat(tightened).hasSize(1);
    String json =
        new JsonRenderer()
            .render(List.of(tightened.get(0).tightened().policy().orElseThrow()), List.of());
    assertThat(json)
        .contains("\"dynamodb:GetItem\"", "\"s3:PutObject\"")
        .doesNotContain("\"dynamodb:*\"", "\"s3:*\"", "sqs:SendMessage");
    assertThat(tightened.get(0).tightened().missing()).isNotEmpty();
  }

  @Test
  void needed_whenProjectDirectoryIsAnotherProject_leavesTheTemplateFunctionOut(@TempDir Path dir) {
    AnalysisRequest.Builder request =
        AnalysisRequest.builder()
            .paths(List.of(APP.resolve("src/main/java")))
            .templateDirectory(APP);

    Analysis elsewhere = engine.needed(request.projectDirectory(dir).build());
    Analysis here = engine.needed(request.projectDirectory(APP).build());

    assertThat(elsewhere.functions()).isEmpty();
    assertThat(here.functions()).extracting(FunctionPolicy::name).containsExactly("OrderFunction");
    assertThat(here.functions().get(0).statements()).isNotEmpty();
  }

  @Test
  void generate_whenPathDoesNotExist_throwsRequestExceptionSayingHowToFixIt(@TempDir Path dir) {
    AnalysisRequest request =
        AnalysisRequest.builder().paths(List.of(dir.resolve("missing"))).build();

    assertThatThrownBy(() -> engine.generate(request))
        .isInstanceOf(RequestException.class)
        .hasMessageContaining("does not exist; give the directory");
  }

  @Test
  void arnContext_whenAccountIsNotTwelveDigits_throwsRequestException() {
    AnalysisRequest request = AnalysisRequest.builder().account("1234").build();

    assertThatThrownBy(request::arnContext)
        .isInstanceOf(RequestException.class)
        .hasMessageContaining("not a 12-digit AWS account id");
  }

  @Test
  void arnContext_whenRegionAndEnvGiven_carriesThem() {
    ArnContext context =
        AnalysisRequest.builder()
            .region("eu-west-1")
            .account("123456789012")
            .env(Map.of("TABLE", "orders"))
            .build()
            .arnContext();

    assertThat(context.region()).contains("eu-west-1");
    assertThat(context.account()).contains("123456789012");
  }

  private static Path fixtures() {
    for (Path candidate : new Path[] {Path.of("fixtures"), Path.of("..", "fixtures")}) {
      if (Files.isDirectory(candidate)) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("fixtures/ not found from " + Path.of("").toAbsolutePath());
  }
}
