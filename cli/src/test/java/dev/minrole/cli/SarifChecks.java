package dev.minrole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * What every SARIF file minrole writes must satisfy, following the SARIF 2.1.0 schema
 * (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html): version and schema, a tool
 * driver with rules, and results whose rule ids are declared, whose levels are valid, and whose
 * locations are relative URIs with 1-based lines (or logical locations where there is no file).
 */
final class SarifChecks {
  private SarifChecks() {}

  static void check(JsonNode sarif) {
    assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
    assertThat(sarif.path("$schema").asText()).startsWith("https://").endsWith("sarif-2.1.0.json");
    assertThat(sarif.path("runs").size()).isEqualTo(1);
    JsonNode run = sarif.path("runs").get(0);
    JsonNode driver = run.path("tool").path("driver");
    assertThat(driver.path("name").asText()).isEqualTo("minrole");
    Set<String> rules = new HashSet<>();
    for (JsonNode rule : driver.path("rules")) {
      assertThat(rule.path("id").asText()).matches("[A-Z_]+");
      assertThat(rule.path("shortDescription").path("text").asText()).isNotBlank();
      assertThat(rule.path("defaultConfiguration").path("level").asText())
          .isIn("error", "warning", "note");
      rules.add(rule.path("id").asText());
    }
    assertThat(rules).contains("MISSING_PERMISSION", "EXCESS_PERMISSION", "BROADER_PERMISSION");
    assertThat(run.path("results").isArray()).isTrue();
    for (JsonNode result : run.path("results")) {
      String ruleId = result.path("ruleId").asText();
      assertThat(rules).contains(ruleId);
      assertThat(driver.path("rules").get(result.path("ruleIndex").asInt()).path("id").asText())
          .isEqualTo(ruleId);
      assertThat(result.path("level").asText()).isIn("error", "warning", "note");
      assertThat(result.path("message").path("text").asText()).isNotBlank();
      assertThat(result.path("locations").size()).isPositive();
      for (JsonNode location : result.path("locations")) {
        JsonNode physical = location.path("physicalLocation");
        if (physical.isMissingNode()) {
          assertThat(location.path("logicalLocations").size()).isPositive();
          continue;
        }
        String uri = physical.path("artifactLocation").path("uri").asText();
        assertThat(uri).isNotBlank().doesNotStartWith("/").doesNotContain("\\").doesNotContain(" ");
        if (ruleId.equals("MISSING_PERMISSION")) {
          assertThat(uri)
              .as(
                  "a missing permission is located at the SDK call or the infrastructure code that"
                      + " needs it")
              .matches(".*\\.(java|tf|yaml|yml|json)");
        } else {
          assertThat(uri)
              .as("a grant is located at the policy, or the infrastructure code, that grants it")
              .matches(".*\\.(json|tf|yaml|yml)");
        }
        if (physical.has("region")) {
          assertThat(physical.path("region").path("startLine").asInt()).isPositive();
        }
      }
    }
  }
}
