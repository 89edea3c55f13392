package dev.minrole.generator.declared;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.analyzer.template.EventSource;
import dev.minrole.analyzer.template.RoleRef;
import dev.minrole.analyzer.template.TemplateFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AWS managed policies SAM attaches to the role it generates for a serverless function without
 * the template naming them ({@code sam-implicit-policies.yaml}): always the basic execution role,
 * and more for a VPC, active tracing and poll-based event sources.
 */
final class SamImplicitPolicies {
  private static final String SERVERLESS = "AWS::Serverless::Function";
  private static volatile JsonNode data;

  /** A policy SAM attaches, why, and the template property that causes it. */
  record Attachment(String policy, String reason, SourceLocation location) {}

  /** The attachments, and the event sources whose generated policies minrole does not model. */
  record Implicit(List<Attachment> attachments, List<Finding> findings) {}

  private final JsonNode rules;

  SamImplicitPolicies() {
    this.rules = data();
  }

  private static JsonNode data() {
    JsonNode result = data;
    if (result == null) {
      result = BundledYaml.read("sam-implicit-policies.yaml");
      data = result;
    }
    return result;
  }

  /** What SAM attaches for {@code function}: nothing unless SAM generates its role. */
  Implicit of(TemplateFunction function) {
    List<Attachment> out = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    if (!function.resourceType().equals(SERVERLESS)
        || !(function.role() instanceof RoleRef.Generated)) {
      return new Implicit(out, findings);
    }
    add(
        out,
        rules.path("always"),
        "SAM attaches it to every role it generates",
        function.location());
    if (function.vpc()) {
      add(
          out,
          rules.path("vpc"),
          "SAM attaches it because the function has VpcConfig",
          function.vpcLocation().orElse(function.location()));
    }
    if (function.activeTracing()) {
      add(
          out,
          rules.path("activeTracing"),
          "SAM attaches it because Tracing is Active",
          function.tracingLocation().orElse(function.location()));
    }
    List<String> unmodeled = new ArrayList<>();
    rules.path("unmodeledEventSources").forEach(k -> unmodeled.add(k.asText()));
    for (EventSource source : function.eventSources()) {
      JsonNode rule = rules.path("eventSources").path(source.kind());
      SourceLocation where = source.source().location();
      if (!rule.isMissingNode()) {
        out.add(
            new Attachment(
                rule.path("policy").asText(),
                "SAM attaches it for the " + source.kind() + " event source",
                where));
      } else if (unmodeled.contains(source.kind())) {
        findings.add(
            DeclaredFindings.unknownPolicy(
                function.logicalId()
                    + ": SAM adds an inline policy for the "
                    + source.kind()
                    + " event source from its SourceAccessConfigurations, which minrole does not"
                    + " model; what it grants is not part of the declared policy",
                where));
      }
    }
    Map<String, Attachment> first = new LinkedHashMap<>();
    out.forEach(a -> first.putIfAbsent(a.policy(), a));
    return new Implicit(List.copyOf(first.values()), findings);
  }

  private static void add(
      List<Attachment> out, JsonNode list, String reason, SourceLocation where) {
    list.forEach(rule -> out.add(new Attachment(rule.path("policy").asText(), reason, where)));
  }
}
