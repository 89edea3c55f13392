package dev.minrole.analyzer.terraform;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Terraform functions that names and policies are built with
 * (https://developer.hashicorp.com/terraform/language/functions): {@code format}, {@code join},
 * {@code concat}, {@code jsonencode}, {@code jsondecode}, {@code lower}, {@code upper}, {@code
 * replace}, {@code split}, {@code lookup}, {@code merge}, {@code coalesce}, {@code try}, {@code
 * element}, {@code length}, the type conversions, {@code file} and {@code templatefile}. Any other
 * function's result is unknown, with its name.
 */
final class HclFunctions {
  private final TerraformEvaluator evaluator;

  HclFunctions(TerraformEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  TfValue call(String function, List<HclExpr> argExpressions, Scope scope, SourceLocation at) {
    if (function.equals("try") || function.equals("can")) {
      return attempt(function, argExpressions, scope, at);
    }
    List<TfValue> args = new ArrayList<>();
    argExpressions.forEach(a -> args.add(evaluator.evaluate(a, scope)));
    return switch (function) {
      case "format" -> format(args, at);
      case "join" -> join(args, at);
      case "concat" -> concat(args, at);
      case "jsonencode" ->
          args.isEmpty() ? unknown(function, at) : new TfValue.Json(args.get(0), at);
      case "jsondecode" -> jsondecode(args, at);
      case "lower", "upper", "trimspace" -> transform(function, args, at);
      case "replace" -> replace(args, at);
      case "split" -> split(args, at);
      case "lookup" -> lookup(args, at);
      case "merge" -> merge(args, at);
      case "coalesce" -> coalesce(args, at);
      case "element" -> element(args, at);
      case "length" -> length(args, at);
      case "tostring", "tolist", "toset", "tomap", "sensitive", "nonsensitive" ->
          args.isEmpty() ? new TfValue.Null(at) : args.get(0);
      case "file" -> file(args, scope, at, false, Map.of());
      case "templatefile" ->
          file(
              args,
              scope,
              at,
              true,
              args.size() > 1 && args.get(1) instanceof TfValue.Obj vars
                  ? vars.fields()
                  : Map.of());
      default -> unknown(function, at);
    };
  }

  private static TfValue unknown(String function, SourceLocation at) {
    return TfValue.unknown("the result of " + function + "(), which minrole does not evaluate", at);
  }

  /** {@code try(a, b)}: the first argument that is known; {@code can(x)}: unknown unless known. */
  private TfValue attempt(String function, List<HclExpr> args, Scope scope, SourceLocation at) {
    for (HclExpr arg : args) {
      TfValue value = evaluator.evaluate(arg, scope);
      boolean known =
          !(value instanceof TfValue.Text t)
              || t.alternatives().stream().allMatch(a -> a.isKnown());
      if (known && !value.isNull()) {
        return function.equals("can") ? TfValue.text("true", at) : value;
      }
    }
    return TfValue.unknown(function + "() of values known only at apply", at);
  }

  /**
   * {@code format("%s-%s", a, b)} with the verbs {@code %s}, {@code %d}, {@code %v}, {@code %%}.
   */
  private TfValue format(List<TfValue> args, SourceLocation at) {
    Optional<String> spec = args.isEmpty() ? Optional.empty() : args.get(0).literal();
    if (spec.isEmpty()) {
      return TfValue.unknown("format() with a format known only at apply", at);
    }
    List<TfValue> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int next = 1;
    String f = spec.get();
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c != '%' || i + 1 >= f.length()) {
        literal.append(c);
        continue;
      }
      char verb = f.charAt(++i);
      if (verb == '%') {
        literal.append('%');
        continue;
      }
      parts.add(TfValue.text(literal.toString(), at));
      literal.setLength(0);
      parts.add(
          next < args.size()
              ? args.get(next++)
              : TfValue.unknown("a format verb without an argument", at));
    }
    parts.add(TfValue.text(literal.toString(), at));
    return evaluator.concat(parts, at);
  }

  private TfValue join(List<TfValue> args, SourceLocation at) {
    if (args.size() < 2) {
      return unknown("join", at);
    }
    List<TfValue> parts = new ArrayList<>();
    for (TfValue list : args.subList(1, args.size())) {
      if (!(list instanceof TfValue.Tuple)) {
        return TfValue.unknown("join() of a list known only at apply", at);
      }
      for (TfValue item : list.items()) {
        if (!parts.isEmpty()) {
          parts.add(args.get(0));
        }
        parts.add(item);
      }
    }
    return evaluator.concat(parts, at);
  }

  private static TfValue concat(List<TfValue> args, SourceLocation at) {
    List<TfValue> items = new ArrayList<>();
    for (TfValue list : args) {
      if (!(list instanceof TfValue.Tuple t)) {
        return TfValue.unknown("concat() of a list known only at apply", at);
      }
      items.addAll(t.items());
    }
    return new TfValue.Tuple(items, at);
  }

  private static TfValue jsondecode(List<TfValue> args, SourceLocation at) {
    if (args.isEmpty()) {
      return unknown("jsondecode", at);
    }
    if (args.get(0) instanceof TfValue.Json json) {
      return json.document();
    }
    return args.get(0)
        .literal()
        .flatMap(text -> JsonValues.parse(text, at.file(), at.line()))
        .orElse(TfValue.unknown("jsondecode() of a value known only at apply", at));
  }

  private static TfValue transform(String function, List<TfValue> args, SourceLocation at) {
    if (args.isEmpty() || !(args.get(0) instanceof TfValue.Text text)) {
      return unknown(function, at);
    }
    List<ArgValue> out = new ArrayList<>();
    for (ArgValue v : text.alternatives()) {
      if (v.literal().isEmpty()) {
        return TfValue.unknown(function + "() of a value known only at apply", at);
      }
      String s = v.literal().get();
      out.add(
          ArgValue.literal(
              switch (function) {
                case "lower" -> s.toLowerCase(Locale.ROOT);
                case "upper" -> s.toUpperCase(Locale.ROOT);
                default -> s.strip();
              }));
    }
    return new TfValue.Text(out, at);
  }

  private static TfValue replace(List<TfValue> args, SourceLocation at) {
    if (args.size() != 3) {
      return unknown("replace", at);
    }
    Optional<String> s = args.get(0).literal();
    Optional<String> search = args.get(1).literal();
    Optional<String> with = args.get(2).literal();
    if (s.isEmpty() || search.isEmpty() || with.isEmpty() || search.get().startsWith("/")) {
      return TfValue.unknown("replace() of values known only at apply, or with a regex", at);
    }
    return TfValue.text(s.get().replace(search.get(), with.get()), at);
  }

  private static TfValue split(List<TfValue> args, SourceLocation at) {
    Optional<String> separator = args.isEmpty() ? Optional.empty() : args.get(0).literal();
    Optional<String> text = args.size() < 2 ? Optional.empty() : args.get(1).literal();
    if (separator.isEmpty() || text.isEmpty() || separator.get().isEmpty()) {
      return TfValue.unknown("split() of a value known only at apply", at);
    }
    List<TfValue> items = new ArrayList<>();
    for (String piece : text.get().split(java.util.regex.Pattern.quote(separator.get()), -1)) {
      items.add(TfValue.text(piece, at));
    }
    return new TfValue.Tuple(items, at);
  }

  private static TfValue lookup(List<TfValue> args, SourceLocation at) {
    if (args.size() < 2) {
      return unknown("lookup", at);
    }
    Optional<String> key = args.get(1).literal();
    if (args.get(0) instanceof TfValue.Obj map && key.isPresent()) {
      if (map.fields().containsKey(key.get())) {
        return map.get(key.get());
      }
      return args.size() > 2 ? args.get(2) : TfValue.unknown("lookup() of a missing key", at);
    }
    return TfValue.unknown("lookup() in a map known only at apply", at);
  }

  private static TfValue merge(List<TfValue> args, SourceLocation at) {
    Map<String, TfValue> fields = new LinkedHashMap<>();
    for (TfValue arg : args) {
      if (arg instanceof TfValue.Obj o) {
        fields.putAll(o.fields());
      } else if (!arg.isNull()) {
        return TfValue.unknown("merge() of a map known only at apply", at);
      }
    }
    return new TfValue.Obj(fields, at);
  }

  private static TfValue coalesce(List<TfValue> args, SourceLocation at) {
    for (TfValue arg : args) {
      if (arg.isNull() || arg.literal().map(String::isEmpty).orElse(false)) {
        continue;
      }
      if (arg.literal().isEmpty()) {
        return TfValue.unknown("coalesce() of values known only at apply", at);
      }
      return arg;
    }
    return new TfValue.Null(at);
  }

  private static TfValue element(List<TfValue> args, SourceLocation at) {
    Optional<String> index = args.size() < 2 ? Optional.empty() : args.get(1).literal();
    if (index.isEmpty() || !(args.get(0) instanceof TfValue.Tuple list) || list.items().isEmpty()) {
      return TfValue.unknown("element() of a list known only at apply", at);
    }
    try {
      int i = Integer.parseInt(index.get());
      return list.items().get(Math.floorMod(i, list.items().size()));
    } catch (NumberFormatException e) {
      return unknown("element", at);
    }
  }

  private static TfValue length(List<TfValue> args, SourceLocation at) {
    if (!args.isEmpty() && args.get(0) instanceof TfValue.Tuple t) {
      return TfValue.text(String.valueOf(t.items().size()), at);
    }
    if (!args.isEmpty() && args.get(0) instanceof TfValue.Obj o) {
      return TfValue.text(String.valueOf(o.fields().size()), at);
    }
    return TfValue.unknown("length() of a value known only at apply", at);
  }

  /**
   * {@code file(path)}: the file's text (a JSON document keeps its structure); {@code
   * templatefile(path, vars)}: the same with its {@code ${...}} evaluated against {@code vars}.
   * Relative paths start at the root module, as in Terraform.
   */
  private TfValue file(
      List<TfValue> args,
      Scope scope,
      SourceLocation at,
      boolean template,
      Map<String, TfValue> variables) {
    Optional<String> name = args.isEmpty() ? Optional.empty() : args.get(0).literal();
    if (name.isEmpty()) {
      return TfValue.unknown("a file whose name is known only at apply", at);
    }
    ModuleInstance root = scope.module();
    while (root.parent().isPresent()) {
      root = root.parent().get();
    }
    Path rootDir = root.config().directory().toAbsolutePath().normalize();
    Path path = rootDir.resolve(name.get()).normalize();
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      evaluator.report(
          dev.minrole.analyzer.model.Finding.warning(
              "TEMPLATE_ERROR", "cannot read the file " + name.get() + ": " + e.getMessage(), at));
      return TfValue.unknown("the unreadable file " + name.get(), at);
    }
    String display =
        path.startsWith(rootDir)
            ? TerraformConfig.display(
                root.config().displayDirectory(),
                rootDir.relativize(path).toString().replace('\\', '/'))
            : path.getFileName().toString();
    SourceLocation where = SourceLocation.of(display, 1);
    if (template) {
      return HclTemplates.evaluate(text, where, scope.withTemplateVariables(variables), evaluator);
    }
    return JsonValues.parse(text, display, 1)
        .<TfValue>map(json -> new TfValue.Json(json, where))
        .orElse(TfValue.text(text, where));
  }
}
