package dev.minrole.analyzer.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntryPointModelsTest {

  @Test
  void bundled_everyFrameworkCitesItsDocumentationAndHasEntries() {
    List<FrameworkModel> frameworks = EntryPointModels.bundled().frameworks();
    assertThat(frameworks).hasSizeGreaterThanOrEqualTo(10);
    for (FrameworkModel f : frameworks) {
      assertThat(f.source()).as(f.name()).startsWith("https://");
      assertThat(f.entries()).as(f.name()).isNotEmpty();
      assertThat(f.handlers().size() + f.containers().size()).as(f.name()).isPositive();
    }
  }

  @Test
  void forHandler_whenNameIsExactOrAnUnresolvedSimpleName_findsTheFramework() {
    EntryPointModels models = EntryPointModels.bundled();
    assertThat(models.forHandler("org.springframework.cloud.function.adapter.aws.FunctionInvoker"))
        .map(FrameworkModel::name)
        .contains("Spring Cloud Function");
    assertThat(models.forHandler("?MicronautRequestHandler"))
        .map(FrameworkModel::name)
        .contains("Micronaut request handler");
    assertThat(models.forHandler("com.acme.FunctionInvoker")).isEmpty();
  }

  @Test
  void selectorNames_whenDefinitionIsAComposition_splitsOnEachSeparator() {
    Selector selector = new Selector(List.of(), "|,;", false);
    assertThat(selector.names(" a| b ,c;d ")).containsExactly("a", "b", "c", "d");
    assertThat(new Selector(List.of(), "", false).names(" a|b ")).containsExactly("a|b");
  }

  @Test
  void fromYaml_whenKindIsUnknown_failsNamingIt() {
    assertThatThrownBy(
            () ->
                EntryPointModels.fromYaml(
                    List.of(
                        """
                        library: X
                        frameworks:
                          - name: X
                            handlers: [x.Handler]
                            entries: [{kind: routes}]
                        """)))
        .hasMessageContaining("unknown kind 'routes'");
  }
}
