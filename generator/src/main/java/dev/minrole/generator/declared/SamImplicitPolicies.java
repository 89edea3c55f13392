package dev.minrole.generator.declared;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minrole.analyzer.data.DataFiles;
import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.analyzer.template.Destination;
import dev.minrole.analyzer.template.EventSource;
import dev.minrole.analyzer.template.RoleRef;
import dev.minrole.analyzer.template.TemplateFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS managed policies SAM attaches to the role it generates for a serverless function without
 * the template naming them ({@code sam-implicit-policies.yaml}): always the basic execution role,
 * and more for a VPC, active tracing and poll-based event sources; and the inline policies it adds
 * for the function's dead-letter queue and destinations that name their SAM {@code Type}.
 */
final class SamImplicitPolicies {
  private static final String SERVERLESS = "AWS::Serverless::Function";
  private static volatile JsonNode data;

  /** A policy SAM attaches, why, and the template property that causes it. */
  record Attachment(String policy, String reason, SourceLocation location) {}

  /**
   * An inline policy SAM adds for one destination: {@code name} is the template property that
   * causes it ({@code DeadLetterQueue}, {@code EventInvokeConfig.DestinationConfig.OnFailure}).
   */
  record Generated(String name, List<StatementDraft> statements, SourceLocation location) {
    Generated {
      statements = List.copyOf(statements);
    }
  }

  /**
   * The attachments, the inline policies, and the event sources whose generated policies minrole
   * does not model or destination values it cannot resolve.
   */
  record Implicit(List<Attachment> attachments, List<Generated> generated, List<Finding> findings) {
    Implicit {
      attachments = List.copyOf(attachments);
      generated = List.copyOf(generated);
      findings = List.copyOf(findings);
    }
  }

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
      return new Implicit(out, List.of(), findings);
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
    List<Generated> generated = new ArrayList<>();
    for (Destination destination : function.destinations()) {
      generated(function, destination, findings).ifPresent(generated::add);
    }
    return new Implicit(List.copyOf(first.values()), generated, findings);
  }

  /**
   * The policy SAM adds for a destination whose template states its {@code Type}: the rule of the
   * first group in {@code destinations} whose property the destination's path names.
   */
  private Optional<Generated> generated(
      TemplateFunction function, Destination destination, List<Finding> findings) {
    if (destination.samType().isEmpty()) {
      return Optional.empty();
    }
    String path = destination.target().path();
    String prefix = "Resources." + function.logicalId() + ".Properties.";
    for (JsonNode group : rules.path("destinations")) {
      if (!path.contains("." + group.path("property").asText() + ".")) {
        continue;
      }
      JsonNode rule = group.path("types").path(destination.samType().get());
      if (rule.isMissingNode()) {
        return Optional.empty();
      }
      String name = path.startsWith(prefix) ? path.substring(prefix.length()) : path;
      name = name.substring(0, Math.max(name.lastIndexOf('.'), 0));
      SourceLocation where = destination.target().location();
      List<StatementDraft> statements = new ArrayList<>();
      for (JsonNode statement : rule) {
        String suffix = statement.path("suffix").asText("");
        List<String> resources = new ArrayList<>();
        for (ArgValue value : destination.target().values()) {
          if (Alternatives.unresolved(value)) {
            findings.add(
                DeclaredFindings.unresolvedValue(
                    "the policy SAM generates for " + name, value.describe(), where));
          }
          resources.add(value.pattern() + suffix);
        }
        statements.add(
            new StatementDraft(
                Optional.empty(),
                "Allow",
                DataFiles.texts(statement.path("actions")),
                List.of(),
                resources,
                List.of(),
                Map.of()));
      }
      return Optional.of(new Generated(name, statements, where));
    }
    return Optional.empty();
  }

  private static void add(
      List<Attachment> out, JsonNode list, String reason, SourceLocation where) {
    list.forEach(rule -> out.add(new Attachment(rule.path("policy").asText(), reason, where)));
  }
}
