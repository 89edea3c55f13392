package dev.minrole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minrole.analyzer.model.Severity;
import dev.minrole.generator.catalog.IamAction;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.render.PolicyJson;
import dev.minrole.generator.validate.PolicyType;
import dev.minrole.generator.validate.PolicyValidator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;

/**
 * What every policy minrole emits must satisfy: it parses as an IAM policy and writing it again
 * gives the same bytes; {@code minrole validate} finds no error in it; every action exists in the
 * catalog; and a wildcard in the resource part of an ARN (after account and region) appears only
 * where a finding at the same code line explains it, as an S3 object key pattern under a known
 * bucket, as the pattern of a name CloudFormation generates ({@code GENERATED_NAME}), in a platform
 * permission, whose evidence says why, or in a name from a template with an error. A policy without
 * statements (a function that needs no permission) cannot be parsed by {@code IamPolicy}; it must
 * come with no permissions and be exactly the canonical empty policy.
 */
final class PolicyChecks {
  private PolicyChecks() {}

  /** Names CloudFormation generates, as GENERATED_NAME findings give their patterns. */
  private static final Pattern GENERATED = Pattern.compile("match it as ([^\\s,]+)");

  /**
   * Checks one function of a report: its policy, its permissions and its findings; {@code
   * reportFindings} (the report's top-level findings) may explain a generated name's pattern.
   */
  static void checkFunction(JsonNode function, JsonNode reportFindings) {
    Set<String> generatedNames = new HashSet<>();
    for (JsonNode f : reportFindings) {
      Matcher m = GENERATED.matcher(f.path("message").asText());
      if (f.path("id").asText().equals("GENERATED_NAME") && m.find()) {
        generatedNames.add(m.group(1));
      }
    }
    String policyJson = PolicyJsonText.of(function.path("policy"));
    if (function.path("policy").path("Statement").isEmpty()) {
      // IamPolicy cannot hold a policy without statements; a function that needs no permission
      // must have none, and the canonical writer's form of that is fixed.
      assertThat(function.path("permissions"))
          .as("permissions of a policy without statements")
          .isEmpty();
      assertThat(policyJson).isEqualTo(PolicyJson.write(Optional.empty()));
      return;
    }
    IamPolicy parsed = IamPolicy.fromJson(policyJson);
    assertThat(PolicyJson.write(parsed))
        .as("round trip through the canonical writer")
        .isEqualTo(policyJson);
    assertThat(PolicyValidator.bundled(PolicyType.IDENTITY).validate(policyJson))
        .as("minrole validate finds no error in the policy")
        .noneMatch(p -> p.severity() == Severity.ERROR);
    Set<String> explainedLines = new HashSet<>();
    for (JsonNode f : function.path("findings")) {
      if (f.path("id").asText().equals("UNRESOLVED_RESOURCE")
          || f.path("id").asText().equals("NO_HANDLER")) {
        explainedLines.add(f.path("file").asText() + ":" + f.path("line").asText());
      }
    }
    boolean noHandler = function.path("findings").toString().contains("NO_HANDLER");
    // A template error (a reference cycle cut with *) explains wildcards in the names it feeds.
    boolean brokenTemplate =
        (function.path("findings").toString() + reportFindings).contains("\"TEMPLATE_ERROR\"");
    for (JsonNode permission : function.path("permissions")) {
      String action = permission.path("action").asText();
      Optional<IamAction> known = IamCatalog.bundled().action(action);
      assertThat(known).as("action %s exists in the IAM catalog", action).isPresent();
      for (JsonNode resource : permission.path("resources")) {
        String arn = resource.asText();
        if (!wildcardInResourcePart(arn) || !known.get().supportsResourceLevel() || noHandler) {
          continue;
        }
        boolean objectPattern = arn.matches("arn:[^:]+:s3:::[^*/]+/.*");
        // An action whose resource types are all optional, for a request that names none of
        // them (cloudwatch:PutMetricData outside a dataset), is authorized on "*".
        boolean unnamedOptional =
            arn.equals("*") && known.get().resources().stream().noneMatch(r -> r.required());
        boolean explained = generatedNames.stream().anyMatch(arn::contains);
        for (JsonNode source : permission.path("sources")) {
          // A platform permission carries its reason (AWS documents Resource "*" for the VPC
          // actions; the log streams of the function's own log group).
          explained |= source.path("kind").asText().equals("platform");
          explained |= brokenTemplate && source.path("kind").asText().equals("template");
          explained |=
              explainedLines.contains(
                  source.path("file").asText() + ":" + source.path("line").asText());
        }
        assertThat(objectPattern || unnamedOptional || explained)
            .as("wildcard resource %s for %s is explained by a finding", arn, action)
            .isTrue();
      }
    }
  }

  private static boolean wildcardInResourcePart(String arn) {
    if (arn.equals("*")) {
      return true;
    }
    String[] parts = arn.split(":", 6);
    return (parts.length == 6 && parts[5].contains("*"))
        || (parts.length > 2 && parts[2].contains("*"));
  }
}
