package dev.minrole.generator.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.minrole.analyzer.data.DataFiles;
import dev.minrole.generator.catalog.IamCatalog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformRulesTest {
  private static final IamCatalog CATALOG = IamCatalog.bundled();

  @Test
  void bundled_whenBound_citesAnAwsPageAndNamesCatalogActionsInEveryRule() {
    PlatformRules rules = PlatformRules.bundled();
    List<String> actions = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    sources.add(rules.logs().source());
    actions.addAll(rules.logs().createGroup().actions());
    actions.addAll(rules.logs().write().actions());
    rules
        .eventSources()
        .values()
        .forEach(
            r -> {
              sources.add(r.source());
              actions.addAll(r.actions());
            });
    for (PlatformRules.Rule r :
        List.of(rules.vpc(), rules.xray(), rules.kms(), rules.eventSourceKeys())) {
      sources.add(r.source());
      actions.addAll(r.actions());
    }
    sources.add(rules.destinations().source());
    rules.destinations().actions().values().forEach(actions::addAll);
    sources.add(rules.efs().source());
    actions.addAll(rules.efs().actions());

    assertThat(sources).allMatch(s -> s.startsWith("https://docs.aws.amazon.com/"));
    assertThat(actions).isNotEmpty().allMatch(CATALOG::exists);
    assertThat(rules.eventSource("MSK").orElseThrow().also()).containsExactly("vpc");
    assertThat(rules.destinations().of("SQS")).contains(List.of("sqs:SendMessage"));
  }

  @Test
  void bind_whenDataHasAnUnknownProperty_failsNamingIt() {
    assertThatThrownBy(
            () ->
                PlatformRules.bind(
                    DataFiles.yamlText(
                        """
                        vpc: {source: https://docs.aws.amazon.com/x, actions: [ec2:X], reasn: typo}
                        """)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("reasn");
  }
}
