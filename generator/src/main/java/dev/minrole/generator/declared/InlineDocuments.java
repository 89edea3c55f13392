package dev.minrole.generator.declared;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.template.TNode;
import dev.minrole.analyzer.template.Template;
import dev.minrole.analyzer.template.TemplateResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;

/**
 * Reads a policy document written in a template into a policy. Every string is resolved through the
 * template ({@code !Sub}, {@code !GetAtt}, {@code !Ref}, {@code !Join}...); a value with several
 * alternatives contributes all of them; {@code Fn::If} picks its branch when the condition is known
 * and takes both otherwise; {@code AWS::NoValue} drops the element. A part that cannot be resolved
 * is {@code *}, with a finding.
 */
final class InlineDocuments {
  private final TemplateResolver resolver;
  private final Template template;

  InlineDocuments(TemplateResolver resolver) {
    this.resolver = resolver;
    this.template = resolver.template();
  }

  /**
   * The document as a policy, or nothing if it has no statement; and what could not be resolved.
   */
  record Converted(Optional<IamPolicy> policy, List<Finding> findings) {}

  Converted convert(String name, TNode document) {
    List<Finding> findings = new ArrayList<>();
    List<StatementDraft> drafts = new ArrayList<>();
    for (TNode doc : branches(document)) {
      TNode statements = doc.asMap().flatMap(m -> m.get("Statement")).orElse(null);
      if (statements == null) {
        continue;
      }
      for (TNode node : elements(statements)) {
        node.asMap().ifPresent(s -> drafts.add(statement(name, s, findings)));
      }
    }
    return new Converted(StatementDraft.policy(drafts), findings.stream().distinct().toList());
  }

  private StatementDraft statement(String name, TNode.TMap s, List<Finding> findings) {
    Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
    s.get("Condition")
        .flatMap(TNode::asMap)
        .ifPresent(
            c ->
                c.entries()
                    .forEach(
                        (operator, keys) -> {
                          Map<String, List<String>> byKey = new LinkedHashMap<>();
                          keys.asMap()
                              .ifPresent(
                                  k ->
                                      k.entries()
                                          .forEach(
                                              (key, v) ->
                                                  byKey.put(key, texts(name, v, findings))));
                          conditions.put(operator, byKey);
                        }));
    List<String> effect =
        texts(name, s.get("Effect").orElse(new TNode.TScalar("Allow", s.line())), findings);
    return new StatementDraft(
        s.text("Sid"),
        effect.isEmpty() ? "Allow" : effect.get(0),
        field(name, s, "Action", findings),
        field(name, s, "NotAction", findings),
        field(name, s, "Resource", findings),
        field(name, s, "NotResource", findings),
        conditions);
  }

  private List<String> field(String name, TNode.TMap s, String key, List<Finding> findings) {
    return s.get(key).map(n -> texts(name, n, findings)).orElse(List.of());
  }

  /** Every text a string or list of strings can be. */
  private List<String> texts(String name, TNode node, List<Finding> findings) {
    List<String> out = new ArrayList<>();
    for (TNode element : elements(node)) {
      for (ArgValue value : resolver.resolve(element)) {
        if (Alternatives.unresolved(value)) {
          findings.add(
              DeclaredFindings.unresolvedValue(name, value.describe(), template.location(element)));
        }
        out.add(value.pattern());
      }
    }
    return out;
  }

  /**
   * The items of a list (or the node itself), each with {@code Fn::If} and {@code AWS::NoValue}
   * applied.
   */
  private List<TNode> elements(TNode node) {
    List<TNode> out = new ArrayList<>();
    for (TNode branch : branches(node)) {
      if (branch instanceof TNode.TList list) {
        list.items().forEach(item -> out.addAll(branches(item)));
      } else {
        out.add(branch);
      }
    }
    return out;
  }

  /**
   * The values a node can take where the template chooses between structures with {@code Fn::If}.
   */
  private List<TNode> branches(TNode node) {
    if (!(node instanceof TNode.TMap map) || !map.isIntrinsic()) {
      return List.of(node);
    }
    if (map.entries().containsKey("Ref")
        && map.text("Ref").filter("AWS::NoValue"::equals).isPresent()) {
      return List.of();
    }
    List<TNode> args = map.get("Fn::If").map(TNode::items).orElse(List.of());
    if (args.size() != 3) {
      return List.of(node);
    }
    Optional<Boolean> holds = args.get(0).text().flatMap(c -> resolver.condition(c, node));
    List<TNode> out = new ArrayList<>();
    if (holds.orElse(true)) {
      out.addAll(branches(args.get(1)));
    }
    if (!holds.orElse(false)) {
      out.addAll(branches(args.get(2)));
    }
    return out;
  }
}
