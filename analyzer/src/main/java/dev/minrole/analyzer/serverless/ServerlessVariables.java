package dev.minrole.analyzer.serverless;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.analyzer.template.TNode;
import dev.minrole.analyzer.template.TemplateParser;
import dev.minrole.analyzer.template.TemplateResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves the variables of a {@code serverless.yml}
 * (https://www.serverless.com/framework/docs/providers/aws/guide/variables): {@code ${self:...}},
 * {@code ${sls:stage}}, {@code ${opt:stage}} and other options (from {@code --parameter
 * name=value}; {@code opt:region} from {@code --region}), {@code ${env:X}} (from {@code --env},
 * never minrole's own environment, so output does not depend on the machine), {@code ${param:X}}
 * (from {@code --parameter} or the {@code params} of the stage), {@code ${file(path):key}} for
 * local YAML and JSON, {@code ${aws:accountId}} and {@code ${aws:region}}, with fallbacks ({@code
 * ${opt:stage, 'dev'}}) and nesting. Values of {@code cf:}, {@code ssm:}, {@code s3:} and other
 * remote sources are known only at deployment: they are unknown, with a {@code TEMPLATE_UNRESOLVED}
 * note. A variable that resolves to nothing and has no fallback is a {@code TEMPLATE_ERROR}
 * (Serverless refuses to deploy it).
 *
 * <p>The result is the same YAML tree with variables replaced; a string with an unknown part
 * becomes an {@code Fn::Join} whose unknown parts are {@code Fn::Unknown}, so the template resolver
 * reports them where they are used.
 *
 * <p>Over 300 lines: one resolver, with one cache of files and one cycle check, for every variable
 * source.
 */
final class ServerlessVariables {
  private static final Pattern SOURCE = Pattern.compile("^(?!AWS::)[a-zA-Z]+(\\(.*\\))?:.*|^self$");

  /** What the user said: option values, environment, region, account. */
  record Options(
      Map<String, String> parameters,
      Map<String, String> env,
      Optional<String> region,
      Optional<String> account) {}

  private sealed interface Result {
    record Value(TNode node) implements Result {}

    record Unknown(String reason) implements Result {}

    record Missing() implements Result {}
  }

  private final TNode.TMap root;
  private final Path directory;
  private final String displayDirectory;
  private final String displayPath;
  private final Options options;
  private final List<Finding> findings = new ArrayList<>();
  private final Set<String> resolving = new LinkedHashSet<>();
  private final Map<String, Optional<TNode>> files = new HashMap<>();
  private String stage;

  ServerlessVariables(TNode.TMap root, Path file, String displayPath, Options options) {
    this.root = root;
    Path parent = file.toAbsolutePath().getParent();
    this.directory = parent == null ? Path.of(".") : parent;
    this.displayPath = displayPath;
    int slash = displayPath.lastIndexOf('/');
    this.displayDirectory = slash < 0 ? "" : displayPath.substring(0, slash);
    this.options = options;
  }

  /** The stage: {@code --parameter stage=...}, else {@code provider.stage}, else {@code dev}. */
  String stage() {
    if (stage == null) {
      stage = "dev";
      String given = options.parameters().get("stage");
      if (given != null) {
        stage = given;
      } else {
        Optional<TNode> configured = root.map("provider").get("stage");
        if (configured.isPresent()) {
          TNode resolved = resolve(configured.get());
          stage = resolved.text().orElse("dev");
        }
      }
    }
    return stage;
  }

  List<Finding> findings() {
    return findings.stream().distinct().toList();
  }

  /** The node with every variable in it resolved. */
  TNode resolve(TNode node) {
    if (node instanceof TNode.TScalar scalar) {
      return scalar.value() == null ? scalar : string(scalar.value(), scalar.line());
    }
    if (node instanceof TNode.TList list) {
      List<TNode> items = new ArrayList<>();
      list.items().forEach(i -> items.add(resolve(i)));
      return new TNode.TList(items, list.line());
    }
    TNode.TMap map = (TNode.TMap) node;
    Map<String, TNode> entries = new LinkedHashMap<>();
    map.entries().forEach((k, v) -> entries.put(k, resolve(v)));
    return new TNode.TMap(entries, map.line());
  }

  /** A string: one variable alone may be any node; otherwise the parts are joined. */
  private TNode string(String text, int line) {
    if (!text.contains("${")) {
      return new TNode.TScalar(text, line);
    }
    List<Object> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int start = text.indexOf("${", i);
      if (start < 0) {
        literal.append(text.substring(i));
        break;
      }
      int end = closing(text, start + 2);
      if (end < 0) {
        literal.append(text.substring(i));
        break;
      }
      String inside = text.substring(start + 2, end).strip();
      literal.append(text, i, start);
      i = end + 1;
      if (!SOURCE.matcher(inside).matches() && !inside.contains("${")) {
        literal.append("${").append(inside).append('}');
        continue;
      }
      Result r = expression(inside, line);
      if (r instanceof Result.Value v && v.node() instanceof TNode.TScalar s && s.value() != null) {
        literal.append(s.value());
        continue;
      }
      if (literal.length() > 0) {
        parts.add(literal.toString());
        literal.setLength(0);
      }
      parts.add(r);
    }
    if (literal.length() > 0) {
      parts.add(literal.toString());
    }
    if (parts.size() == 1 && parts.get(0) instanceof Result.Value v) {
      return v.node();
    }
    if (parts.stream().allMatch(p -> p instanceof String)) {
      return new TNode.TScalar(
          String.join("", parts.stream().map(String.class::cast).toList()), line);
    }
    List<TNode> joined = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof String s) {
        joined.add(new TNode.TScalar(s, line));
      } else if (part instanceof Result.Value v) {
        joined.add(v.node());
      } else {
        joined.add(
            unknown(part instanceof Result.Unknown u ? u.reason() : "an undefined variable", line));
      }
    }
    if (joined.size() == 1) {
      return joined.get(0);
    }
    return new TNode.TMap(
        Map.of(
            "Fn::Join",
            new TNode.TList(
                List.of(new TNode.TScalar("", line), new TNode.TList(joined, line)), line)),
        line);
  }

  private static TNode unknown(String reason, int line) {
    return new TNode.TMap(Map.of(TemplateResolver.UNKNOWN, new TNode.TScalar(reason, line)), line);
  }

  /** {@code source:address, fallback, ...} with nested variables resolved first. */
  private Result expression(String inside, int line) {
    String text = inside;
    if (text.contains("${")) {
      TNode nested = string(text, line);
      if (!(nested instanceof TNode.TScalar s) || s.value() == null) {
        return new Result.Unknown("${" + inside + "}, whose address is known only at deployment");
      }
      text = s.value();
    }
    List<String> alternatives = splitTopLevel(text);
    for (int n = 0; n < alternatives.size(); n++) {
      String alternative = alternatives.get(n).strip();
      Result r = n == 0 ? variable(alternative, line) : fallback(alternative, line);
      if (!(r instanceof Result.Missing)) {
        return r;
      }
    }
    findings.add(
        Finding.warning(
            "TEMPLATE_ERROR",
            "${"
                + inside
                + "} is not defined and has no default, so Serverless refuses to deploy this;"
                + " pass its value (--parameter, --env) or give it a default",
            SourceLocation.of(displayPath, line)));
    return new Result.Unknown("the undefined variable ${" + inside + "}");
  }

  private Result fallback(String text, int line) {
    if ((text.startsWith("'") && text.endsWith("'") && text.length() >= 2)
        || (text.startsWith("\"") && text.endsWith("\"") && text.length() >= 2)) {
      return new Result.Value(new TNode.TScalar(text.substring(1, text.length() - 1), line));
    }
    if (text.matches("-?\\d+(\\.\\d+)?|true|false|null")) {
      return new Result.Value(new TNode.TScalar(text, line));
    }
    return variable(text, line);
  }

  private Result variable(String text, int line) {
    if (text.equals("self")) {
      return new Result.Value(root);
    }
    if (text.startsWith("file(") && text.indexOf(')') > 0) {
      int close = text.indexOf(')');
      String rest = text.substring(close + 1).strip();
      return file(
          text.substring(0, close + 1),
          rest.startsWith(":") ? rest.substring(1).strip() : "",
          line);
    }
    int colon = text.indexOf(':');
    if (colon < 0) {
      return new Result.Missing();
    }
    String source = text.substring(0, colon);
    String address = text.substring(colon + 1).strip();
    if (source.startsWith("file(")) {
      return file(source, address, line);
    }
    return switch (source) {
      case "self" -> self(address, line);
      case "sls" ->
          address.equals("stage")
              ? scalar(stage(), line)
              : remote("${sls:" + address + "}", "Serverless computes it when it deploys", line);
      case "opt" -> option(address, line);
      case "env" -> given(options.env().get(address), line);
      case "param" -> param(address, line);
      case "aws" ->
          switch (address) {
            case "accountId" ->
                optional(options.account(), "the account id (pass --account)", line);
            case "region" -> optional(options.region(), "the region (pass --region)", line);
            default -> remote("${aws:" + address + "}", "it is read from AWS", line);
          };
      case "cf" ->
          remote("${cf:" + address + "}", "it is an output of another CloudFormation stack", line);
      default -> remote("${" + text + "}", "it is read from " + source + " at deployment", line);
    };
  }

  private Result self(String address, int line) {
    if (!resolving.add("self:" + address)) {
      findings.add(
          Finding.warning(
              "TEMPLATE_ERROR",
              "${self:" + address + "} refers to itself through " + String.join(" -> ", resolving),
              SourceLocation.of(displayPath, line)));
      return new Result.Unknown("a reference cycle");
    }
    try {
      TNode current = root;
      for (String key : address.split("\\.", -1)) {
        if (key.isEmpty()) {
          continue;
        }
        if (current instanceof TNode.TScalar scalar
            && scalar.value() != null
            && scalar.value().contains("${")) {
          current = resolve(current);
        }
        Optional<TNode> next = navigate(current, key);
        if (next.isEmpty()) {
          return new Result.Missing();
        }
        current = next.get();
      }
      return new Result.Value(resolve(current));
    } finally {
      resolving.remove("self:" + address);
    }
  }

  private Result option(String name, int line) {
    if (name.equals("stage")) {
      String given = options.parameters().get("stage");
      return given == null ? new Result.Missing() : scalar(given, line);
    }
    if (name.equals("region") && options.region().isPresent()) {
      return scalar(options.region().get(), line);
    }
    return given(options.parameters().get(name), line);
  }

  private Result param(String name, int line) {
    String given = options.parameters().get(name);
    if (given != null) {
      return scalar(given, line);
    }
    TNode.TMap params = root.map("params");
    for (String scope : List.of(stage(), "default")) {
      Optional<TNode> value = params.map(scope).get(name);
      if (value.isPresent()) {
        return new Result.Value(resolve(value.get()));
      }
    }
    return new Result.Missing();
  }

  /** {@code file(./config.yml):key.path}, relative to the serverless.yml. */
  private Result file(String source, String address, int line) {
    String name = source.substring("file(".length(), source.length() - 1).strip();
    name = name.replaceAll("^['\"]|['\"]$", "");
    Optional<TNode> content = files.computeIfAbsent(name, this::readFile);
    if (content.isEmpty()) {
      findings.add(
          Finding.warning(
              "TEMPLATE_ERROR",
              "${file(" + name + ")} cannot be read as YAML or JSON",
              SourceLocation.of(displayPath, line)));
      return new Result.Unknown("the unreadable file " + name);
    }
    Optional<TNode> found = address.isEmpty() ? content : navigate(content.get(), address);
    return found.<Result>map(n -> new Result.Value(resolve(n))).orElse(new Result.Missing());
  }

  private Optional<TNode> readFile(String name) {
    Path path = directory.resolve(name).normalize();
    String display =
        Path.of(displayDirectory.isEmpty() ? "." : displayDirectory)
            .resolve(name)
            .normalize()
            .toString()
            .replace('\\', '/');
    TemplateParser.Parsed parsed = new TemplateParser().parse(path, display);
    return parsed.root();
  }

  private Result remote(String variable, String why, int line) {
    findings.add(
        Finding.info(
            "TEMPLATE_UNRESOLVED",
            variable
                + " is known only at deployment ("
                + why
                + "); values that depend on it use a wildcard",
            SourceLocation.of(displayPath, line)));
    return new Result.Unknown(variable + ", known only at deployment");
  }

  private Result given(String value, int line) {
    return value == null ? new Result.Missing() : scalar(value, line);
  }

  private Result optional(Optional<String> value, String what, int line) {
    return value.<Result>map(v -> scalar(v, line)).orElse(new Result.Unknown(what));
  }

  private static Result scalar(String value, int line) {
    return new Result.Value(new TNode.TScalar(value, line));
  }

  private static Optional<TNode> navigate(TNode from, String address) {
    TNode current = from;
    for (String key : address.split("\\.", -1)) {
      if (key.isEmpty()) {
        continue;
      }
      if (current instanceof TNode.TMap m && m.get(key).isPresent()) {
        current = m.get(key).get();
      } else if (current instanceof TNode.TList l
          && key.matches("\\d+")
          && Integer.parseInt(key) < l.items().size()) {
        current = l.items().get(Integer.parseInt(key));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(current);
  }

  /** Splits {@code a, 'b, c', d} at the commas outside quotes, parentheses and braces. */
  private static List<String> splitTopLevel(String text) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(' || c == '{' || c == '[') {
        depth++;
      } else if (c == ')' || c == '}' || c == ']') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(text.substring(start, i));
        start = i + 1;
      }
    }
    out.add(text.substring(start));
    return out;
  }

  private static int closing(String text, int from) {
    int depth = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        depth++;
        i++;
      } else if (c == '}') {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
    }
    return -1;
  }
}
