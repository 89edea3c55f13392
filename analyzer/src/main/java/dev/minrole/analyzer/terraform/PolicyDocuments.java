package dev.minrole.analyzer.terraform;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code data "aws_iam_policy_document"} as the JSON policy it renders
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document):
 * each {@code statement} block becomes a statement located at its block ({@code sid}, {@code
 * effect} defaulting to {@code Allow}, {@code actions}, {@code not_actions}, {@code resources},
 * {@code not_resources}, {@code condition} blocks), after the statements of {@code
 * source_policy_documents}; {@code override_policy_documents} replace statements with the same
 * {@code Sid} and add the others.
 */
final class PolicyDocuments {
  private final TerraformEvaluator evaluator;

  PolicyDocuments(TerraformEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  TfValue document(ModuleInstance module, HclBlock block) {
    return evaluator.memoized(
        "policy:" + module.prefix() + block.label(1), block.location(), () -> build(module, block));
  }

  private TfValue build(ModuleInstance module, HclBlock block) {
    Scope scope = Scope.of(module);
    List<TfValue> statements = new ArrayList<>();
    block
        .attribute("source_policy_documents")
        .ifPresent(a -> statementsOf(evaluator.evaluate(a.expression(), scope), statements));
    for (HclBlock statement : block.blocks()) {
      if (statement.type().equals("statement")) {
        statements.add(statement(statement, scope));
      } else if (statement.type().equals("dynamic")) {
        evaluator.report(
            Finding.warning(
                "TEMPLATE_UNRESOLVED",
                "data.aws_iam_policy_document."
                    + block.label(1)
                    + " has a dynamic block, which minrole does not expand; its statements are"
                    + " missing from the policy as minrole reads it",
                statement.location()));
      }
    }
    block
        .attribute("override_policy_documents")
        .ifPresent(
            a -> {
              List<TfValue> overrides = new ArrayList<>();
              statementsOf(evaluator.evaluate(a.expression(), scope), overrides);
              for (TfValue override : overrides) {
                Optional<String> sid = sid(override);
                int same = -1;
                for (int i = 0; sid.isPresent() && i < statements.size(); i++) {
                  if (sid.equals(sid(statements.get(i)))) {
                    same = i;
                  }
                }
                if (same >= 0) {
                  statements.set(same, override);
                } else {
                  statements.add(override);
                }
              }
            });
    Map<String, TfValue> policy = new LinkedHashMap<>();
    policy.put("Version", TfValue.text("2012-10-17", block.location()));
    policy.put("Statement", new TfValue.Tuple(statements, block.location()));
    return new TfValue.Json(new TfValue.Obj(policy, block.location()), block.location());
  }

  private TfValue statement(HclBlock block, Scope scope) {
    SourceLocation at = block.location();
    Map<String, TfValue> out = new LinkedHashMap<>();
    copy(block, "sid", "Sid", scope, out);
    out.put(
        "Effect",
        block
            .attribute("effect")
            .map(a -> evaluator.evaluate(a.expression(), scope))
            .orElse(TfValue.text("Allow", at)));
    copy(block, "actions", "Action", scope, out);
    copy(block, "not_actions", "NotAction", scope, out);
    copy(block, "resources", "Resource", scope, out);
    copy(block, "not_resources", "NotResource", scope, out);
    Map<String, Map<String, TfValue>> conditions = new LinkedHashMap<>();
    for (HclBlock condition : block.blocks("condition")) {
      Optional<String> test =
          condition
              .attribute("test")
              .flatMap(a -> evaluator.evaluate(a.expression(), scope).literal());
      Optional<String> variable =
          condition
              .attribute("variable")
              .flatMap(a -> evaluator.evaluate(a.expression(), scope).literal());
      if (test.isEmpty() || variable.isEmpty()) {
        continue;
      }
      TfValue values =
          condition
              .attribute("values")
              .map(a -> evaluator.evaluate(a.expression(), scope))
              .orElse(new TfValue.Tuple(List.of(), at));
      conditions
          .computeIfAbsent(test.get(), k -> new LinkedHashMap<>())
          .put(variable.get(), values);
    }
    if (!conditions.isEmpty()) {
      Map<String, TfValue> byOperator = new LinkedHashMap<>();
      conditions.forEach((op, keys) -> byOperator.put(op, new TfValue.Obj(keys, at)));
      out.put("Condition", new TfValue.Obj(byOperator, at));
    }
    return new TfValue.Obj(out, at);
  }

  private void copy(HclBlock block, String from, String to, Scope scope, Map<String, TfValue> out) {
    block.attribute(from).ifPresent(a -> out.put(to, evaluator.evaluate(a.expression(), scope)));
  }

  private static void statementsOf(TfValue documents, List<TfValue> out) {
    for (TfValue document : documents.items()) {
      TfValue policy = document instanceof TfValue.Json json ? json.document() : document;
      if (policy instanceof TfValue.Obj o) {
        out.addAll(o.get("Statement").items());
      }
    }
  }

  private static Optional<String> sid(TfValue statement) {
    return statement instanceof TfValue.Obj o ? o.get("Sid").literal() : Optional.empty();
  }
}
