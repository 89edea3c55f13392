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
 * <p>Over 300 lines: it is one concept, the evaluation of references, whose kinds (variables,
 * locals, resources, data sources, module outputs) share its memo and cycle detection; functions,
 * operators, templates and policy documents are their own classes.
 */
public final class TerraformEvaluator {
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
  private final Map<String, TfValue> rootVariables;
  private final Map<String, TfValue> memo = new HashMap<>();
  private final Set<String> resolving = new LinkedHashSet<>();
  private final Set<Finding> findings = new LinkedHashSet<>();
  private final Map<String, ModuleInstance> children = new HashMap<>();
  private final HclFunctions functions;
  private final PolicyDocuments policyDocuments;

  /**
   * {@code rootVariables}: the values {@code terraform.tfvars} and {@code *.auto.tfvars} give the
   * root module's variables ({@code --parameter} overrides them).
   */
  public TerraformEvaluator(
      Options options, TerraformResourceTypes types, Map<String, TfValue> rootVariables) {
    this.options = options;
    this.types = types;
    this.rootVariables = Map.copyOf(rootVariables);
    this.functions = new HclFunctions(this);
    this.policyDocuments = new PolicyDocuments(this);
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
    String first = name(steps, 0);
    ModuleInstance module = scope.module();
    TfValue templateVariable = scope.templateVariables().get(first);
    if (templateVariable != null) {
      return navigate(templateVariable, steps.subList(1, steps.size()), scope, at);
    }
    switch (first) {
      case "var" -> {
        return navigate(
            variable(module, name(steps, 1), at), steps.subList(2, steps.size()), scope, at);
      }
      case "local" -> {
        return navigate(
            local(module, name(steps, 1), at), steps.subList(2, steps.size()), scope, at);
      }
      case "count" -> {
        return scope.countIndex().orElse(TfValue.unknown("count.index of a resource", at));
      }
      case "each" -> {
        Optional<TfValue> each = name(steps, 1).equals("key") ? scope.eachKey() : scope.eachValue();
        return each.map(v -> navigate(v, steps.subList(2, steps.size()), scope, at))
            .orElse(TfValue.unknown("each." + name(steps, 1) + " of a for_each", at));
      }
      case "path" -> {
        Path dir =
            name(steps, 1).equals("module")
                ? module.config().directory()
                : root(module).config().directory();
        return TfValue.text(dir.toAbsolutePath().normalize().toString().replace('\\', '/'), at);
      }
      case "terraform" -> {
        return TfValue.unknown(
            "terraform." + name(steps, 1) + ", known only when Terraform runs", at);
      }
      case "self" -> {
        return TfValue.unknown("self, known only at apply", at);
      }
      case "data" -> {
        return data(
            module, name(steps, 1), name(steps, 2), steps.subList(3, steps.size()), scope, at);
      }
      case "module" -> {
        return moduleOutput(
            module, name(steps, 1), name(steps, 2), steps.subList(3, steps.size()), scope, at);
      }
      default -> {
        return resourceReference(module, steps, scope, at);
      }
    }
  }

  private static String name(List<HclExpr.Step> steps, int index) {
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

  // ---- variables and locals

  /** The value of {@code var.<name>} in {@code module}. */
  public TfValue variable(ModuleInstance module, String name, SourceLocation at) {
    HclBlock declared = module.config().variables().get(name);
    if (declared == null) {
      findings.add(
          Finding.warning(
              "TEMPLATE_ERROR",
              "var."
                  + name
                  + " is not declared (no variable \""
                  + name
                  + "\" block in "
                  + directoryName(module)
                  + ")",
              at));
      return TfValue.unknown("the undeclared variable " + name, at);
    }
    if (!module.isRoot()) {
      Optional<HclBlock.Attribute> argument = module.call().flatMap(c -> c.attribute(name));
      if (argument.isPresent()) {
        return memoized(
            "var:" + module.prefix() + name,
            at,
            () -> evaluate(argument.get().expression(), Scope.of(module.parent().orElseThrow())));
      }
    } else {
      String parameter = options.parameters().get(name);
      if (parameter != null) {
        return TfValue.text(parameter, declared.location());
      }
      TfValue fromFile = rootVariables.get(name);
      if (fromFile != null) {
        return fromFile;
      }
    }
    Optional<HclBlock.Attribute> fallback = declared.attribute("default");
    if (fallback.isPresent()) {
      return memoized(
          "var:" + module.prefix() + name,
          at,
          () -> evaluate(fallback.get().expression(), Scope.of(module)));
    }
    findings.add(
        Finding.info(
            "TEMPLATE_UNRESOLVED",
            "variable \""
                + name
                + "\" has no default"
                + (module.isRoot()
                    ? " and no value in terraform.tfvars; pass --parameter " + name + "=VALUE"
                    : " and module " + module.name() + " does not set it"),
            declared.location()));
    return TfValue.unknown("the variable " + name + ", which has no value", at);
  }

  private TfValue local(ModuleInstance module, String name, SourceLocation at) {
    Optional<HclBlock.Attribute> local = module.config().local(name);
    if (local.isEmpty()) {
      findings.add(
          Finding.warning(
              "TEMPLATE_ERROR",
              "local." + name + " is not declared in any locals block of " + directoryName(module),
              at));
      return TfValue.unknown("the undeclared local value " + name, at);
    }
    return memoized(
        "local:" + module.prefix() + name,
        local.get().location(),
        () -> evaluate(local.get().expression(), Scope.of(module)));
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

  // ---- resources

  private TfValue resourceReference(
      ModuleInstance module, List<HclExpr.Step> steps, Scope scope, SourceLocation at) {
    String type = name(steps, 0);
    String resourceName = name(steps, 1);
    String address = type + "." + resourceName;
    HclBlock block = module.config().resources().get(address);
    if (block == null) {
      findings.add(
          Finding.warning(
              "TEMPLATE_ERROR",
              "reference to "
                  + address
                  + ", which is not a resource of "
                  + directoryName(module)
                  + (type.contains("_") ? "" : " (a misspelt var. or local.?)"),
              at));
      return TfValue.unknown("a reference to the undeclared resource " + address, at);
    }
    List<HclExpr.Step> rest = steps.subList(2, steps.size());
    Scope instance = Scope.of(module);
    if (!rest.isEmpty() && rest.get(0) instanceof HclExpr.Step.Index index) {
      instance = instanceScope(module, block, evaluate(index.index(), scope), at);
      rest = rest.subList(1, rest.size());
    } else if (!rest.isEmpty() && rest.get(0) instanceof HclExpr.Step.Splat) {
      rest = rest.subList(1, rest.size());
    }
    if (rest.isEmpty()) {
      return body(module, block, instance);
    }
    String attribute = name(rest, 0);
    return navigate(
        attribute(module, block, instance, attribute, at), rest.subList(1, rest.size()), scope, at);
  }

  /** The scope of one instance of a resource with {@code for_each} or {@code count}. */
  private Scope instanceScope(
      ModuleInstance module, HclBlock block, TfValue key, SourceLocation at) {
    Optional<String> literal = key.literal();
    if (literal.isEmpty()) {
      return Scope.of(module);
    }
    if (block.attribute("for_each").isPresent()) {
      TfValue each = evaluate(block.attribute("for_each").get().expression(), Scope.of(module));
      TfValue value =
          each instanceof TfValue.Obj o ? o.get(literal.get()) : TfValue.text(literal.get(), at);
      return new Scope(
          module,
          Optional.of(TfValue.text(literal.get(), at)),
          Optional.of(value),
          Optional.empty());
    }
    return new Scope(
        module, Optional.empty(), Optional.empty(), Optional.of(TfValue.text(literal.get(), at)));
  }

  /**
   * Gives a resource instance the values a plan has for it, so its attributes are read from them.
   */
  public void provide(ModuleInstance module, HclBlock block, Scope instance, TfValue.Obj body) {
    memo.put(bodyKey(module, block, instance), body);
  }

  private static String bodyKey(ModuleInstance module, HclBlock block, Scope instance) {
    return "body:"
        + module.prefix()
        + block.type()
        + "."
        + block.label(0)
        + "."
        + block.label(1)
        + instance.instanceKey();
  }

  /** The arguments and nested blocks of a resource or data source instance, evaluated. */
  public TfValue.Obj body(ModuleInstance module, HclBlock block, Scope instance) {
    TfValue value =
        memoized(
            bodyKey(module, block, instance),
            block.location(),
            () -> evaluateBody(block, instance));
    return value instanceof TfValue.Obj o ? o : new TfValue.Obj(Map.of(), block.location());
  }

  /** A block's attributes and nested blocks (as lists of objects), evaluated in {@code scope}. */
  public TfValue.Obj evaluateBody(HclBlock block, Scope scope) {
    Map<String, TfValue> fields = new LinkedHashMap<>();
    block.attributes().forEach((name, a) -> fields.put(name, evaluate(a.expression(), scope)));
    Map<String, List<TfValue>> nested = new LinkedHashMap<>();
    for (HclBlock child : block.blocks()) {
      nested.computeIfAbsent(child.type(), k -> new ArrayList<>()).add(evaluateBody(child, scope));
    }
    nested.forEach((name, items) -> fields.put(name, new TfValue.Tuple(items, items.get(0).at())));
    return new TfValue.Obj(fields, block.location());
  }

  /**
   * An attribute of a resource (or data source) instance: its documented value before apply, or the
   * argument of that name as written.
   */
  public TfValue attribute(
      ModuleInstance module, HclBlock block, Scope instance, String attribute, SourceLocation at) {
    String type = block.label(0);
    String origin =
        module.prefix()
            + (block.type().equals("data") ? "data." : "")
            + type
            + "."
            + block.label(1)
            + instance.instanceKey()
            + "."
            + attribute;
    Optional<TerraformResourceTypes.Spec> spec = types.of(type);
    Optional<String> pattern = spec.map(s -> s.attributes().get(attribute));
    TfValue.Obj body = body(module, block, instance);
    TfValue known = body.get(attribute);
    if (pattern.isPresent() && known.literal().isPresent()) {
      // A plan knows the attribute (configurations never set computed attributes such as arn).
      return ((TfValue.Text) known).withOrigin(origin);
    }
    if (pattern.isEmpty()) {
      TfValue argument = body.get(attribute);
      if (argument.isNull() && !body.fields().containsKey(attribute)) {
        return TfValue.unknown(origin + ", known only after apply", at);
      }
      return argument instanceof TfValue.Text t ? t.withOrigin(origin) : argument;
    }
    List<ArgValue> names = physicalNames(block, spec.get(), body);
    List<ArgValue> out = new ArrayList<>();
    for (ArgValue name : names) {
      out.add(fill(pattern.get(), name));
    }
    return new TfValue.Text(out.stream().distinct().toList(), at, Optional.of(origin));
  }

  /** The names a resource can have: its name argument, or a generated one. */
  private List<ArgValue> physicalNames(
      HclBlock block, TerraformResourceTypes.Spec spec, TfValue.Obj body) {
    if (spec.nameArgument().isEmpty()) {
      return List.of(ArgValue.unknown("an id AWS assigns"));
    }
    TfValue name = body.get(spec.nameArgument().get());
    if (!name.isNull()) {
      return name.strings();
    }
    TfValue prefix =
        spec.prefixArgument().map(body::get).orElse(new TfValue.Null(block.location()));
    findings.add(
        Finding.info(
            "GENERATED_NAME",
            block.label(0)
                + "."
                + block.label(1)
                + " has no "
                + spec.nameArgument().get()
                + ", so Terraform generates its name; policies for json output match it with a"
                + " wildcard, and terraform output references the resource itself",
            block.location()));
    if (!prefix.isNull()) {
      List<ArgValue> out = new ArrayList<>();
      for (ArgValue p : prefix.strings()) {
        out.add(ArgValue.concat(List.of(p, ArgValue.unknown("the rest of a generated name"))));
      }
      return out;
    }
    return List.of(ArgValue.unknown("a name Terraform generates"));
  }

  /** A pattern such as {@code arn:${Partition}:sqs:${Region}:${Account}:${name}}, filled in. */
  private ArgValue fill(String pattern, ArgValue name) {
    List<ArgValue> parts = new ArrayList<>();
    int at = 0;
    while (at < pattern.length()) {
      int open = pattern.indexOf("${", at);
      if (open < 0) {
        parts.add(ArgValue.literal(pattern.substring(at)));
        break;
      }
      parts.add(ArgValue.literal(pattern.substring(at, open)));
      int close = pattern.indexOf('}', open);
      String variable = pattern.substring(open + 2, close);
      parts.add(
          switch (variable) {
            case "name" -> name;
            case "Partition" -> ArgValue.literal(options.partition());
            case "Region" -> options.region().map(ArgValue::literal).orElse(ArgValue.literal("*"));
            case "Account" ->
                options.account().map(ArgValue::literal).orElse(ArgValue.literal("*"));
            default -> ArgValue.unknown(variable);
          });
      at = close + 1;
    }
    if (pattern.equals("*")) {
      return ArgValue.unknown("known only after apply");
    }
    return ArgValue.concat(parts);
  }

  // ---- data sources and modules

  private TfValue data(
      ModuleInstance module,
      String type,
      String dataName,
      List<HclExpr.Step> rest,
      Scope scope,
      SourceLocation at) {
    String address = type + "." + dataName;
    HclBlock block = module.config().data().get(address);
    if (block == null) {
      findings.add(
          Finding.warning(
              "TEMPLATE_ERROR",
              "reference to data."
                  + address
                  + ", which is not declared in "
                  + directoryName(module),
              at));
      return TfValue.unknown("a reference to the undeclared data." + address, at);
    }
    if (!rest.isEmpty() && !(rest.get(0) instanceof HclExpr.Step.Name)) {
      rest = rest.subList(1, rest.size());
    }
    String attribute = name(rest, 0);
    List<HclExpr.Step> after = rest.isEmpty() ? rest : rest.subList(1, rest.size());
    TfValue value =
        switch (type) {
          case "aws_iam_policy_document" ->
              attribute.equals("json") || attribute.equals("minified_json")
                  ? policyDocuments.document(module, block)
                  : TfValue.unknown("data." + address + "." + attribute, at);
          case "aws_caller_identity" ->
              attribute.equals("account_id")
                  ? options
                      .account()
                      .<TfValue>map(a -> TfValue.text(a, at))
                      .orElse(TfValue.unknown("the account id (pass --account)", at))
                  : TfValue.unknown("data." + address + "." + attribute, at);
          case "aws_region" ->
              options
                  .region()
                  .<TfValue>map(r -> TfValue.text(r, at))
                  .orElse(TfValue.unknown("the region (pass --region)", at));
          case "aws_partition" ->
              attribute.equals("partition")
                  ? TfValue.text(options.partition(), at)
                  : TfValue.unknown("data." + address + "." + attribute, at);
          default -> attribute(module, block, Scope.of(module), attribute, at);
        };
    return navigate(value, after, scope, at);
  }

  private TfValue moduleOutput(
      ModuleInstance module,
      String callName,
      String output,
      List<HclExpr.Step> rest,
      Scope scope,
      SourceLocation at) {
    Optional<ModuleInstance> child = child(module, callName, at);
    if (child.isEmpty()) {
      return TfValue.unknown(
          "an output of module " + callName + ", which minrole does not read", at);
    }
    HclBlock declared = child.get().config().outputs().get(output);
    if (declared == null || declared.attribute("value").isEmpty()) {
      findings.add(
          Finding.warning(
              "TEMPLATE_ERROR",
              "module." + callName + "." + output + " is not an output of module " + callName,
              at));
      return TfValue.unknown("the missing output " + output + " of module " + callName, at);
    }
    TfValue value =
        memoized(
            "output:" + child.get().prefix() + output,
            declared.location(),
            () -> evaluate(declared.attribute("value").get().expression(), Scope.of(child.get())));
    return navigate(value, rest, scope, at);
  }

  /** The local module a {@code module} block calls, or empty (with a finding) for any other. */
  public Optional<ModuleInstance> child(ModuleInstance parent, String callName, SourceLocation at) {
    String key = parent.prefix() + callName;
    if (children.containsKey(key)) {
      return Optional.ofNullable(children.get(key));
    }
    HclBlock call = parent.config().modules().get(callName);
    ModuleInstance instance = null;
    if (call == null) {
      findings.add(
          Finding.warning(
              "TEMPLATE_ERROR",
              "module." + callName + " is not a module block of " + directoryName(parent),
              at));
    } else {
      Optional<String> source =
          call.attribute("source")
              .flatMap(a -> evaluate(a.expression(), Scope.of(parent)).literal());
      if (source.isPresent() && (source.get().startsWith("./") || source.get().startsWith("../"))) {
        Path dir = parent.config().directory().resolve(source.get()).normalize();
        if (TerraformConfig.isConfiguration(dir)) {
          String display =
              TerraformConfig.display(parent.config().displayDirectory(), source.get())
                  .replace("/./", "/")
                  .replaceFirst("^\\./", "");
          TerraformConfig config = TerraformConfig.load(dir, normalize(display));
          config.findings().forEach(findings::add);
          instance =
              new ModuleInstance(
                  config,
                  parent.prefix() + "module." + callName + ".",
                  Optional.of(parent),
                  Optional.of(call));
        } else {
          findings.add(
              Finding.warning(
                  "TEMPLATE_ERROR",
                  "module "
                      + callName
                      + " has source "
                      + source.get()
                      + ", which is not a directory with .tf files",
                  call.location()));
        }
      } else {
        findings.add(
            Finding.warning(
                "TEMPLATE_UNRESOLVED",
                "module "
                    + callName
                    + " comes from "
                    + source.orElse("an unknown source")
                    + ", which minrole does not follow: functions and roles it declares are not"
                    + " analyzed, and its outputs are unknown. Use a local module, or a plan"
                    + " (--terraform-plan) which has every module's values",
                call.location()));
      }
    }
    children.put(key, instance);
    return Optional.ofNullable(instance);
  }

  private static String normalize(String display) {
    Path p = Path.of(display).normalize();
    return p.toString().replace('\\', '/');
  }

  private static ModuleInstance root(ModuleInstance module) {
    ModuleInstance m = module;
    while (m.parent().isPresent()) {
      m = m.parent().get();
    }
    return m;
  }

  private static String directoryName(ModuleInstance module) {
    String dir = module.config().displayDirectory();
    return dir.isEmpty() ? "the configuration" : dir;
  }
}
