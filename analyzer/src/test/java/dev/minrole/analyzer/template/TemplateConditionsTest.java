package dev.minrole.analyzer.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.minrole.analyzer.model.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Conditions} evaluated through {@link TemplateResolver#condition}. */
class TemplateConditionsTest {
  @TempDir Path dir;

  private static final String CONDITIONS =
      """
      Parameters:
        Stage:
          Type: String
          Default: prod
        Region:
          Type: String
      Conditions:
        IsProd: !Equals [!Ref Stage, prod]
        InEurope: !Equals [!Ref Region, eu-west-1]
        ProdOrEurope: !Or [!Condition IsProd, !Condition InEurope]
        ProdAndEurope: !And [!Condition IsProd, !Condition InEurope]
        NotProdAndEurope: !And [!Not [!Condition IsProd], !Condition InEurope]
        NotProdOrEurope: !Or [!Not [!Condition IsProd], !Condition InEurope]
        Loop: !Not [!Condition Loop]
      Resources: {}
      """;

  private TemplateResolver resolver(Map<String, String> parameters) throws IOException {
    Path file = dir.resolve("template.yaml");
    Files.writeString(file, CONDITIONS);
    TemplateResolver.Options options =
        new TemplateResolver.Options(
            parameters, Optional.empty(), Optional.empty(), Optional.empty(), "aws");
    return TemplateProject.load(file, "template.yaml", options).resolver().orElseThrow();
  }

  private static Optional<Boolean> condition(TemplateResolver resolver, String name) {
    return resolver.condition(name, resolver.template().conditions());
  }

  @Test
  void condition_whenItsInputsAreKnown_isTrueOrFalse() throws IOException {
    TemplateResolver resolver = resolver(Map.of("Region", "us-east-1"));

    assertThat(condition(resolver, "IsProd")).contains(true);
    assertThat(condition(resolver, "InEurope")).contains(false);
    assertThat(condition(resolver, "ProdAndEurope")).contains(false);
    assertThat(condition(resolver, "NotProdOrEurope")).contains(false);
    assertThat(resolver.findings()).isEmpty();
  }

  @Test
  void condition_whenOneOperandDecidesAndOrOr_isKnownThoughAnotherIsNot() throws IOException {
    TemplateResolver resolver = resolver(Map.of());

    assertThat(condition(resolver, "InEurope")).isEmpty();
    assertThat(condition(resolver, "ProdOrEurope")).contains(true);
    assertThat(condition(resolver, "NotProdAndEurope")).contains(false);
    assertThat(condition(resolver, "ProdAndEurope")).isEmpty();
    assertThat(condition(resolver, "NotProdOrEurope")).isEmpty();
  }

  @Test
  void condition_whenUndefinedOrACycle_isUnknownAndATemplateError() throws IOException {
    TemplateResolver resolver = resolver(Map.of());

    assertThat(condition(resolver, "Missing")).isEmpty();
    assertThat(condition(resolver, "Loop")).isEmpty();
    assertThat(resolver.findings())
        .extracting(Finding::id, Finding::message)
        .containsExactly(
            tuple("TEMPLATE_ERROR", "condition Missing is not defined in Conditions"),
            tuple("TEMPLATE_ERROR", "reference cycle through condition Loop"));
  }
}
