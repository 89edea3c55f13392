package dev.minrole.analyzer.terraform;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a reference to a resource or data source stands for, for {@link TerraformEvaluator}: an
 * instance's evaluated arguments and nested blocks (or the values a plan has for it), and its
 * attributes: computed ones such as {@code arn} by the AWS provider's documented patterns ({@link
 * TerraformResourceTypes}) over the resource's name, or a generated name; the data sources whose
 * values are known before apply ({@code aws_iam_policy_document} through {@link PolicyDocuments},
 * {@code aws_caller_identity}, {@code aws_region}, {@code aws_partition}).
 */
final class ResourceAttributes {
  private final TerraformEvaluator evaluator;
  private final PolicyDocuments policyDocuments;

  ResourceAttributes(TerraformEvaluator evaluator) {
    this.evaluator = evaluator;
    this.policyDocuments = new PolicyDocuments(evaluator);
  }

  TfValue resourceReference(
      ModuleInstance module, List<HclExpr.Step> steps, Scope scope, SourceLocation at) {
    String type = TerraformEvaluator.stepName(steps, 0);
    String resourceName = TerraformEvaluator.stepName(steps, 1);
    String address = type + "." + resourceName;
    HclBlock block = module.config().resources().get(address);
    if (block == null) {
      evaluator.report(
          Finding.warning(
              "TEMPLATE_ERROR",
              "reference to "
                  + address
                  + ", which is not a resource of "
                  + ModuleValues.directoryName(module)
                  + (type.contains("_") ? "" : " (a misspelt var. or local.?)"),
              at));
      return TfValue.unknown("a reference to the undeclared resource " + address, at);
    }
    List<HclExpr.Step> rest = steps.subList(2, steps.size());
    Scope instance = Scope.of(module);
    if (!rest.isEmpty() && rest.get(0) instanceof HclExpr.Step.Index index) {
      instance = instanceScope(module, block, evaluator.evaluate(index.index(), scope), at);
      rest = rest.subList(1, rest.size());
    } else if (!rest.isEmpty() && rest.get(0) instanceof HclExpr.Step.Splat) {
      rest = rest.subList(1, rest.size());
    }
    if (rest.isEmpty()) {
      return body(module, block, instance);
    }
    String attribute = TerraformEvaluator.stepName(rest, 0);
    return evaluator.navigate(
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
      TfValue each =
          evaluator.evaluate(block.attribute("for_each").get().expression(), Scope.of(module));
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
  void provide(ModuleInstance module, HclBlock block, Scope instance, TfValue.Obj body) {
    evaluator.remember(bodyKey(module, block, instance), body);
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
  TfValue.Obj body(ModuleInstance module, HclBlock block, Scope instance) {
    TfValue value =
        evaluator.memoized(
            bodyKey(module, block, instance),
            block.location(),
            () -> evaluateBody(block, instance));
    return value instanceof TfValue.Obj o ? o : new TfValue.Obj(Map.of(), block.location());
  }

  /** A block's attributes and nested blocks (as lists of objects), evaluated in {@code scope}. */
  TfValue.Obj evaluateBody(HclBlock block, Scope scope) {
    Map<String, TfValue> fields = new LinkedHashMap<>();
    block
        .attributes()
        .forEach((name, a) -> fields.put(name, evaluator.evaluate(a.expression(), scope)));
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
  TfValue attribute(
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
    Optional<TerraformResourceTypes.Spec> spec = evaluator.types().of(type);
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
    evaluator.report(
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
            case "Partition" -> ArgValue.literal(evaluator.options().partition());
            case "Region" ->
                evaluator.options().region().map(ArgValue::literal).orElse(ArgValue.literal("*"));
            case "Account" ->
                evaluator.options().account().map(ArgValue::literal).orElse(ArgValue.literal("*"));
            default -> ArgValue.unknown(variable);
          });
      at = close + 1;
    }
    if (pattern.equals("*")) {
      return ArgValue.unknown("known only after apply");
    }
    return ArgValue.concat(parts);
  }

  TfValue data(
      ModuleInstance module,
      String type,
      String dataName,
      List<HclExpr.Step> rest,
      Scope scope,
      SourceLocation at) {
    String address = type + "." + dataName;
    HclBlock block = module.config().data().get(address);
    if (block == null) {
      evaluator.report(
          Finding.warning(
              "TEMPLATE_ERROR",
              "reference to data."
                  + address
                  + ", which is not declared in "
                  + ModuleValues.directoryName(module),
              at));
      return TfValue.unknown("a reference to the undeclared data." + address, at);
    }
    if (!rest.isEmpty() && !(rest.get(0) instanceof HclExpr.Step.Name)) {
      rest = rest.subList(1, rest.size());
    }
    String attribute = TerraformEvaluator.stepName(rest, 0);
    List<HclExpr.Step> after = rest.isEmpty() ? rest : rest.subList(1, rest.size());
    TfValue value =
        switch (type) {
          case "aws_iam_policy_document" ->
              attribute.equals("json") || attribute.equals("minified_json")
                  ? policyDocuments.document(module, block)
                  : TfValue.unknown("data." + address + "." + attribute, at);
          case "aws_caller_identity" ->
              attribute.equals("account_id")
                  ? evaluator
                      .options()
                      .account()
                      .<TfValue>map(a -> TfValue.text(a, at))
                      .orElse(TfValue.unknown("the account id (pass --account)", at))
                  : TfValue.unknown("data." + address + "." + attribute, at);
          case "aws_region" ->
              evaluator
                  .options()
                  .region()
                  .<TfValue>map(r -> TfValue.text(r, at))
                  .orElse(TfValue.unknown("the region (pass --region)", at));
          case "aws_partition" ->
              attribute.equals("partition")
                  ? TfValue.text(evaluator.options().partition(), at)
                  : TfValue.unknown("data." + address + "." + attribute, at);
          default -> attribute(module, block, Scope.of(module), attribute, at);
        };
    return evaluator.navigate(value, after, scope, at);
  }
}
