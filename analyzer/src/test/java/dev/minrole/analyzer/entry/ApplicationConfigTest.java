package dev.minrole.analyzer.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationConfigTest {

  @Test
  void get_whenPropertiesUseEverySeparatorAndContinuations_givesValuesWithTheirLines() {
    ApplicationConfig config =
        ApplicationConfig.of(
            Map.of(
                "application.properties",
                """
                # comment
                ! also a comment
                spring.cloud.function.definition = placeOrder|\\
                    cancelOrder
                function.name: legacy
                micronaut.function.name audit
                key\\=with\\:escapes=x
                """));
    assertThat(config.get("spring.cloud.function.definition"))
        .extracting(ConfigEntry::value, e -> e.location().toString())
        .containsExactly(tuple("placeOrder|cancelOrder", "application.properties:3"));
    assertThat(config.get("function.name"))
        .extracting(ConfigEntry::value)
        .containsExactly("legacy");
    assertThat(config.get("micronaut.function.name"))
        .extracting(ConfigEntry::value)
        .containsExactly("audit");
    assertThat(config.get("key=with:escapes")).extracting(ConfigEntry::value).containsExactly("x");
  }

  @Test
  void get_whenYamlNestsKeysOverSeveralDocuments_joinsKeysAndKeepsEveryDocument() {
    ApplicationConfig config =
        ApplicationConfig.of(
            Map.of(
                "application.yml",
                """
                spring:
                  cloud.function:
                    definition: placeOrder
                ---
                spring:
                  config.activate.on-profile: batch
                  cloud:
                    function:
                      definition: [reconcile, report]
                """));
    assertThat(config.get("spring.cloud.function.definition"))
        .extracting(ConfigEntry::value, e -> e.location().toString())
        .containsExactly(
            tuple("placeOrder", "application.yml:3"),
            tuple("reconcile,report", "application.yml:9"));
  }

  @Test
  void get_whenQuarkusProfilesSetTheKey_theDeployedProfileWins() {
    ApplicationConfig config =
        ApplicationConfig.of(
            Map.of(
                "application.properties",
                """
                quarkus.lambda.handler=test
                %dev.quarkus.lambda.handler=dev
                %prod.quarkus.lambda.handler=ingest
                """));
    assertThat(config.get("quarkus.lambda.handler"))
        .extracting(ConfigEntry::value)
        .containsExactly("ingest");
  }

  @Test
  void of_whenYamlIsInvalid_reportsTheFileAndLine() {
    ApplicationConfig config = ApplicationConfig.of(Map.of("application.yml", "a: b\n  c: [\n"));
    assertThat(config.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.id()).isEqualTo("UNREADABLE_SOURCE"))
        .satisfies(f -> assertThat(f.location().file()).isEqualTo("application.yml"));
  }

  @Test
  void besideSources_findsResourcesNextToEachSourceFolder(@TempDir Path root) throws IOException {
    Path source = root.resolve("orders/src/main/java/com/acme/Handler.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "package com.acme; class Handler {}");
    Path resources = root.resolve("orders/src/main/resources");
    Files.createDirectories(resources.resolve("config"));
    Files.writeString(resources.resolve("application.properties"), "a=1\n");
    Files.writeString(resources.resolve("config/application.yaml"), "a: 2\n");
    ApplicationConfig config =
        ApplicationConfig.besideSources(
            List.of(source), List.of("orders/src/main/java/com/acme/Handler.java"));
    assertThat(config.get("a"))
        .extracting(ConfigEntry::value, e -> e.location().toString())
        .containsExactly(
            tuple("1", "orders/src/main/resources/application.properties:1"),
            tuple("2", "orders/src/main/resources/config/application.yaml:1"));
  }
}
