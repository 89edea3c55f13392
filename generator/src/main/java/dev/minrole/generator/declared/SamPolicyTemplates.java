package dev.minrole.generator.declared;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.generator.synth.ArnContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;

/**
 * The SAM policy templates minrole knows ({@code sam-policy-templates.yaml}, written from the SAM
 * documentation), and their expansion into policies for given parameter values.
 */
public final class SamPolicyTemplates {
  private static volatile SamPolicyTemplates bundled;

  private final SortedMap<String, SamPolicyTemplate> templates;

  private SamPolicyTemplates(SortedMap<String, SamPolicyTemplate> templates) {
    this.templates = Collections.unmodifiableSortedMap(templates);
  }

  /** The templates shipped with minrole, read once. */
  public static SamPolicyTemplates bundled() {
    SamPolicyTemplates result = bundled;
    if (result == null) {
      result = parse(BundledYaml.read("sam-policy-templates.yaml"));
      bundled = result;
    }
    return result;
  }

  private static SamPolicyTemplates parse(JsonNode root) {
    String url = root.path("url").asText();
    SortedMap<String, SamPolicyTemplate> out = new TreeMap<>();
    root.path("templates")
        .properties()
        .forEach(
            e -> {
              JsonNode t = e.getValue();
              List<String> parameters = new ArrayList<>();
              t.path("parameters").forEach(p -> parameters.add(p.asText()));
              Map<String, String> notInCatalog = new LinkedHashMap<>();
              t.path("notInCatalog")
                  .properties()
                  .forEach(n -> notInCatalog.put(n.getKey(), n.getValue().asText()));
              out.put(
                  e.getKey(),
                  new SamPolicyTemplate(
                      e.getKey(),
                      t.path("description").asText(),
                      url + "#" + t.path("anchor").asText(),
                      parameters,
                      StatementDraft.read(t.path("Statement")),
                      notInCatalog));
            });
    return new SamPolicyTemplates(out);
  }

  public SortedMap<String, SamPolicyTemplate> templates() {
    return templates;
  }

  public Optional<SamPolicyTemplate> template(String name) {
    return Optional.ofNullable(templates.get(name));
  }

  /** A template's policy for given parameters, or nothing; and what could not be known. */
  public record Expansion(Optional<IamPolicy> policy, List<Finding> findings) {
    public Expansion {
      findings = List.copyOf(findings);
    }
  }

  /**
   * The policy template {@code name} grants with these parameter values. A parameter with several
   * alternatives puts each of them in the resources; an unknown part of a value, or a missing
   * parameter, becomes {@code *} with a finding. Region and account come from {@code context}
   * ({@code *} when unknown). An unknown template gives no policy and an {@code
   * UNKNOWN_POLICY_TEMPLATE} finding.
   */
  public Expansion expand(
      String name,
      Map<String, List<ArgValue>> parameters,
      ArnContext context,
      SourceLocation where) {
    SamPolicyTemplate template = templates.get(name);
    if (template == null) {
      return new Expansion(
          Optional.empty(), List.of(DeclaredFindings.unknownTemplate(name, where)));
    }
    List<Finding> findings = new ArrayList<>();
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("AWS::Partition", List.of(context.partition()));
    values.put("AWS::Region", List.of(context.regionOrWildcard()));
    values.put("AWS::AccountId", List.of(context.accountOrWildcard()));
    for (String parameter : template.parameters()) {
      List<ArgValue> given = parameters.getOrDefault(parameter, List.of());
      if (given.isEmpty()) {
        findings.add(DeclaredFindings.missingParameter(name, parameter, where));
        values.put(parameter, List.of("*"));
        continue;
      }
      List<String> texts = new ArrayList<>();
      for (ArgValue value : given) {
        if (Alternatives.unresolved(value)) {
          findings.add(
              DeclaredFindings.unresolvedValue(
                  name, parameter + " (" + value.describe() + ")", where));
        }
        texts.add(value.pattern());
      }
      values.put(parameter, texts.stream().distinct().toList());
    }
    List<StatementDraft> filled = new ArrayList<>();
    template.statements().forEach(s -> filled.add(s.fill(text -> Placeholders.fill(text, values))));
    return new Expansion(StatementDraft.policy(filled), findings);
  }
}
