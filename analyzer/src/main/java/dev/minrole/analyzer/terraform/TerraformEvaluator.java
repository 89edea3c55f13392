package dev.minrole.analyzer.terraform;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates Terraform expressions as far as they can be known before {@code terraform apply}: input
 * variables (their defaults, {@code terraform.tfvars}, {@code *.auto.tfvars} and {@code
 * --parameter}, or a local module's arguments), local values, string templates and heredocs, the
 * functions names depend on ({@link HclFunctions}), references to resource attributes by the AWS
 * provider's documented semantics ({@link TerraformResourceTypes}), {@code aws_iam_policy_document}
 * data sources ({@link PolicyDocuments}), and local modules' outputs. What cannot be known is an
 * {@link ArgValue.Unknown} with its reason; a reference to something not declared is a {@code
 * TEMPLATE_ERROR} finding with its line.
 *
 * <p>This class evaluates expressions and follows references; what a reference stands for is found
 * by {@link ModuleValues} (variables, locals, module outputs) and {@link ResourceAttributes}
 * (resources and data sources), which share its memo and cycle detection.
 */
public final class TerraformEvaluator {
  /** The first names of references that are not resources ({@code var.x}, {@code local.x}, ...). */
  private static final java.util.Set<String> NOT_RESOURCES =
      java.util.Set.of(
          "var", "local", "module", "data", "each", "count", "path", "terraform", "self");

  private static final int MAX_ALTERNATIVES = 16;

  /** What the user said about the deployment: variable values, region, account, partition. */
  public record Options(
      Map<String, String> parameters,
      Optional<String> region,
      Optional<String> account,
      String partition) {
    public Options {
      parameters = Map.copyOf(parameters);
    }
  }

  private final Options options;
  private final TerraformResourceTypes types;
  private final Map<String, TfValue> memo = new HashMap<>();
  private final Set<String> resolving = new LinkedHashSet<>();
  private final Set<Finding> findings = new LinkedHashSet<>();
  private final HclFunctions functions;
  private final ModuleValues modules;
  private final ResourceAttributes resources;

  /**
   * {@code rootVariables}: the values {@code terraform.tfvars} and {@code *.auto.tfvars} give the
   * root module's variables ({@code --parameter} overrides them).
   */
  public TerraformEvaluator(
      Options options, TerraformResourceTypes types, Map<String, TfValue> rootVariables) {
    this.options = options;
    this.types = types;
    this.functions = new HclFunctions(this);
    this.modules = new ModuleValues(this, rootVariables);
    this.resources = new ResourceAttributes(this);
  }

  public Options options() {
    return options;
  }

  public TerraformResourceTypes types() {
    return types;
  }

  /** Problems and notes met so far, each once. */
  public List<Finding> findings() {
    return List.copyOf(findings);
  }

  void report(Finding finding) {
    findings.add(finding);
  }

  // ---- expressions

  public TfValue evaluate(HclExpr expression, Scope scope) {
    SourceLocation at = expression.at();
    if (expression instanceof HclExpr.Literal literal) {
      Object value = literal.value();
      return value == null ? new TfValue.Null(at) : TfValue.text(String.valueOf(value), at);
    }
    if (expression instanceof HclExpr.Text text) {
      return HclTemplates.evaluate(text.raw(), text.at(), scope, this);
    }
    if (expression instanceof HclExpr.Template template) {
      List<TfValue> parts = new ArrayList<>();
      template.parts().forEach(p -> parts.add(evaluate(p, scope)));
      return concat(parts, at);
    }
    if (expression instanceof HclExpr.Reference reference) {
      return reference(reference.steps(), scope, at);
    }
    if (expression instanceof HclExpr.Call call) {
      TfValue result = functions.call(call.function(), call.args(), scope, at);
      return navigate(result, call.after(), scope, at);
    }
    if (expression instanceof HclExpr.Tuple tuple) {
      List<TfValue> items = new ArrayList<>();
      tuple.items().forEach(i -> items.add(evaluate(i, scope)));
      return new TfValue.Tuple(items, at);
    }
    if (expression instanceof HclExpr.ObjectCons object) {
      Map<String, TfValue> fields = new LinkedHashMap<>();
      object.entries().forEach((k, v) -> fields.put(k, evaluate(v, scope)));
      return new TfValue.Obj(fields, at);
    }
    if (expression instanceof HclExpr.Conditional conditional) {
      return conditional(conditional, scope, at);
    }
    if (expression instanceof HclExpr.Binary binary) {
      return Operators.binary(
          binary.operator(), evaluate(binary.left(), scope), evaluate(binary.right(), scope), at);
    }
    if (expression instanceof HclExpr.Unary unary) {
      return Operators.unary(unary.operator(), evaluate(unary.operand(), scope), at);
    }
    if (expression instanceof HclExpr.For loop) {
      return forTuple(loop, scope, at);
    }
    return TfValue.unknown(((HclExpr.Opaque) expression).what() + " is not evaluated", at);
  }

  private TfValue conditional(HclExpr.Conditional c, Scope scope, SourceLocation at) {
    Optional<String> condition = evaluate(c.condition(), scope).literal();
    if (condition.isPresent()) {
      return evaluate(condition.get().equals("true") ? c.ifTrue() : c.ifFalse(), scope);
    }
    TfValue a = evaluate(c.ifTrue(), scope);
    TfValue b = evaluate(c.ifFalse(), scope);
    if (a.isNull()) {
      return b;
    }
    if (b.isNull()) {
      return a;
    }
    if (a instanceof TfValue.Text ta && b instanceof TfValue.Text tb) {
      List<ArgValue> both = new ArrayList<>(ta.alternatives());
      tb.alternatives().stream().filter(v -> !both.contains(v)).forEach(both::add);
      return new TfValue.Text(both, at);
    }
    return TfValue.unknown("a conditional whose condition is known only at apply", at);
  }

  /**
   * {@code [for k, v in collection : value if condition]} over a known tuple or object: the value
   * of each element whose condition holds. A collection or a condition known only at apply makes
   * the whole expression unknown, never a guess at which elements it keeps.
   */
  private TfValue forTuple(HclExpr.For loop, Scope scope, SourceLocation at) {
    if (loop.collection() instanceof HclExpr.Reference r
        && r.steps().size() == 2
        && !NOT_RESOURCES.contains(stepName(r.steps(), 0))) {
      return forInstances(loop, r, scope, at);
    }
    return forElements(loop, evaluate(loop.collection(), scope), scope, at);
  }

  /**
   * A {@code for} over the instances of a resource with {@code for_each}: its keys, and for each an
   * object with the attributes the loop reads ({@code q.arn}), as a reference to {@code
   * type.name["key"]} would give them. Without a known {@code for_each}, unknown.
   */
  private TfValue forInstances(
      HclExpr.For loop, HclExpr.Reference collection, Scope scope, SourceLocation at) {
    String type = stepName(collection.steps(), 0);
    String name = stepName(collection.steps(), 1);
    HclBlock block = scope.module().config().resources().get(type + "." + name);
    Optional<Map<String, TfValue>> instances =
        Optional.ofNullable(block)
            .flatMap(b -> b.attribute("for_each"))
            .map(a -> evaluate(a.expression(), Scope.of(scope.module())))
            .flatMap(TfValue::forEachInstances);
    if (instances.isEmpty()) {
      return TfValue.unknown("a for expression over the instances of " + type + "." + name, at);
    }
    String variable = loop.variables().get(loop.variables().size() - 1);
    Set<String> attributes = new LinkedHashSet<>();
    LoopReads.attributes(loop.value(), variable, attributes);
    loop.condition().ifPresent(c -> LoopReads.attributes(c, variable, attributes));
    Map<String, TfValue> objects = new LinkedHashMap<>();
    for (String key : instances.get().keySet()) {
      Map<String, TfValue> fields = new LinkedHashMap<>();
      for (String attribute : attributes) {
        List<HclExpr.Step> steps =
            List.of(
                new HclExpr.Step.Name(type),
                new HclExpr.Step.Name(name),
                new HclExpr.Step.Index(new HclExpr.Text(key, at)),
                new HclExpr.Step.Name(attribute));
        fields.put(attribute, resources.resourceReference(scope.module(), steps, scope, at));
      }
      objects.put(key, new TfValue.Obj(fields, at));
    }
    return forElements(loop, new TfValue.Obj(objects, at), scope, at);
  }

  /** The {@code for} over a collection's elements (see {@link #forTuple}). */
  private TfValue forElements(
      HclExpr.For loop, TfValue collection, Scope scope, SourceLocation at) {
    List<Map.Entry<TfValue, TfValue>> elements = new ArrayList<>();
    if (collection instanceof TfValue.Tuple tuple) {
      for (int i = 0; i < tuple.items().size(); i++) {
        elements.add(Map.entry(TfValue.text(String.valueOf(i), at), tuple.items().get(i)));
      }
    } else if (collection instanceof TfValue.Obj object) {
      // Terraform walks a map in the lexical order of its keys.
      new java.util.TreeMap<>(object.fields())
          .forEach((k, v) -> elements.add(Map.entry(TfValue.text(k, at), v)));
    } else {
      return TfValue.unknown("a for expression over a collection known only at apply", at);
    }
    List<TfValue> items = new ArrayList<>();
    for (Map.Entry<TfValue, TfValue> element : elements) {
      Map<String, TfValue> names = new LinkedHashMap<>(scope.templateVariables());
      if (loop.variables().size() == 1) {
        names.put(loop.variables().get(0), element.getValue());
      } else {
        names.put(loop.variables().get(0), element.getKey());
        names.put(loop.variables().get(1), element.getValue());
      }
      Scope inner = scope.withTemplateVariables(names);
      if (loop.condition().isPresent()) {
        Optional<String> holds = evaluate(loop.condition().get(), inner).literal();
        if (holds.isEmpty()) {
          return TfValue.unknown("a for expression whose condition is known only at apply", at);
        }
        if (!holds.get().equals("true")) {
          continue;
        }
      }
      items.add(evaluate(loop.value(), inner));
    }
    return new TfValue.Tuple(items, at);
  }

  /** Strings joined, with every combination of their alternatives. */
  TfValue concat(List<TfValue> parts, SourceLocation at) {
    List<List<ArgValue>> combos = new ArrayList<>();
    combos.add(List.of());
    for (TfValue part : parts) {
      List<ArgValue> alternatives =
          part.isNull() ? List.of(ArgValue.unknown("null in a string template")) : part.strings();
      List<List<ArgValue>> next = new ArrayList<>();
      for (List<ArgValue> combo : combos) {
        for (ArgValue alternative : alternatives) {
          List<ArgValue> extended = new ArrayList<>(combo);
          extended.add(alternative);
          next.add(extended);
        }
      }
      combos = next;
      if (combos.size() > MAX_ALTERNATIVES) {
        return TfValue.unknown("more than " + MAX_ALTERNATIVES + " possible values", at);
      }
    }
    return new TfValue.Text(combos.stream().map(ArgValue::concat).distinct().toList(), at);
  }

  // ---- references

  private TfValue reference(List<HclExpr.Step> steps, Scope scope, SourceLocation at) {
    String first = stepName(steps, 0);
    ModuleInstance module = scope.module();
    TfValue templateVariable = scope.templateVariables().get(first);
    if (templateVariable != null) {
      return navigate(templateVariable, steps.subList(1, steps.size()), scope, at);
    }
    switch (first) {
      case "var" -> {
        return navigate(
            modules.variable(module, stepName(steps, 1), at),
            steps.subList(2, steps.size()),
            scope,
            at);
      }
      case "local" -> {
        return navigate(
            modules.local(module, stepName(steps, 1), at),
            steps.subList(2, steps.size()),
            scope,
            at);
      }
      case "count" -> {
        return scope.countIndex().orElse(TfValue.unknown("count.index of a resource", at));
      }
      case "each" -> {
        Optional<TfValue> each =
            stepName(steps, 1).equals("key") ? scope.eachKey() : scope.eachValue();
        return each.map(v -> navigate(v, steps.subList(2, steps.size()), scope, at))
            .orElse(TfValue.unknown("each." + stepName(steps, 1) + " of a for_each", at));
      }
      case "path" -> {
        Path dir =
            stepName(steps, 1).equals("module")
                ? module.config().directory()
                : ModuleValues.root(module).config().directory();
        return TfValue.text(dir.toAbsolutePath().normalize().toString().replace('\\', '/'), at);
      }
      case "terraform" -> {
        return TfValue.unknown(
            "terraform." + stepName(steps, 1) + ", known only when Terraform runs", at);
      }
      case "self" -> {
        return TfValue.unknown("self, known only at apply", at);
      }
      case "data" -> {
        return resources.data(
            module,
            stepName(steps, 1),
            stepName(steps, 2),
            steps.subList(3, steps.size()),
            scope,
            at);
      }
      case "module" -> {
        return modules.moduleOutput(
            module,
            stepName(steps, 1),
            stepName(steps, 2),
            steps.subList(3, steps.size()),
            scope,
            at);
      }
      default -> {
        return resources.resourceReference(module, steps, scope, at);
      }
    }
  }

  /** The name at {@code index} of a reference's steps, or empty if that step is no name. */
  static String stepName(List<HclExpr.Step> steps, int index) {
    return index < steps.size() && steps.get(index) instanceof HclExpr.Step.Name n ? n.name() : "";
  }

  /** Follows attribute names and indexes into a value. */
  TfValue navigate(TfValue value, List<HclExpr.Step> steps, Scope scope, SourceLocation at) {
    TfValue current = value;
    for (HclExpr.Step step : steps) {
      if (current instanceof TfValue.Text t
          && t.alternatives().stream().anyMatch(a -> !a.isKnown())) {
        return TfValue.unknown("a part of an unknown value", at);
      }
      if (step instanceof HclExpr.Step.Splat) {
        continue;
      }
      if (step instanceof HclExpr.Step.Name n) {
        current = field(current, n.name(), at);
      } else if (step instanceof HclExpr.Step.Index index) {
        Optional<String> key = evaluate(index.index(), scope).literal();
        if (key.isEmpty()) {
          return TfValue.unknown("an index known only at apply", at);
        }
        current = index(current, key.get(), at);
      }
    }
    return current;
  }

  private static TfValue field(TfValue value, String name, SourceLocation at) {
    if (value instanceof TfValue.Obj o) {
      return o.fields().containsKey(name) ? o.get(name) : new TfValue.Null(at);
    }
    if (value instanceof TfValue.Tuple t && !t.items().isEmpty()) {
      return field(t.items().get(0), name, at);
    }
    return TfValue.unknown("." + name + " of a " + value.kind(), at);
  }

  private static TfValue index(TfValue value, String key, SourceLocation at) {
    if (value instanceof TfValue.Obj o) {
      return o.get(key);
    }
    if (value instanceof TfValue.Tuple t) {
      try {
        int i = (int) Double.parseDouble(key);
        return i >= 0 && i < t.items().size() ? t.items().get(i) : new TfValue.Null(at);
      } catch (NumberFormatException e) {
        return TfValue.unknown("index " + key + " of a list", at);
      }
    }
    return TfValue.unknown("[" + key + "] of a " + value.kind(), at);
  }

  /** Evaluates once per key; a key met again while it is being evaluated is a cycle. */
  TfValue memoized(String key, SourceLocation at, java.util.function.Supplier<TfValue> compute) {
    TfValue known = memo.get(key);
    if (known != null) {
      return known;
    }
    if (!resolving.add(key)) {
      findings.add(
          Finding.warning(
              "TEMPLATE_ERROR",
              "reference cycle through " + String.join(" -> ", resolving) + " -> " + key,
              at));
      return TfValue.unknown("a reference cycle", at);
    }
    try {
      TfValue value = compute.get();
      memo.put(key, value);
      return value;
    } finally {
      resolving.remove(key);
    }
  }

  /** Remembers {@code value} for {@code key}, as if {@link #memoized} had computed it. */
  void remember(String key, TfValue value) {
    memo.put(key, value);
  }

  ModuleValues modules() {
    return modules;
  }

  ResourceAttributes resources() {
    return resources;
  }
}
