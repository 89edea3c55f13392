package dev.minrole.analyzer.template;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates template values as far as they can be known before deployment: parameters (their
 * defaults, or {@code --parameter} overrides), pseudo parameters, {@code Ref} and {@code
 * Fn::GetAtt} of resources by each type's documented semantics, {@code Fn::Sub}, {@code Fn::Join},
 * {@code Fn::Select}, {@code Fn::Split}, {@code Fn::If} (with conditions evaluated when their
 * inputs are known, both branches otherwise) and {@code Fn::FindInMap}. A value can have several
 * alternatives. Unknown parts stay unknown, with a reason; problems in the template (a reference to
 * nothing, a cycle) are findings with the line.
 */
public final class TemplateResolver {
  private static final int MAX_ALTERNATIVES = 16;
  private static final String PSEUDO = "pseudo";

  /**
   * The intrinsic by which a template built from other infrastructure code (a {@code
   * serverless.yml}) marks a value known only at deployment: {@code {Fn::Unknown: reason}}.
   */
  public static final String UNKNOWN = "Fn::Unknown";

  /** What the user said about the deployment: parameter values, stack name, region, account. */
  public record Options(
      Map<String, String> parameters,
      Optional<String> stackName,
      Optional<String> region,
      Optional<String> account,
      String partition) {
    public Options {
      parameters = Map.copyOf(parameters);
    }

    public static Options defaults() {
      return new Options(Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), "aws");
    }
  }

  private final Template template;
  private final Options options;
  private final ResourceTypes types;
  private final Set<String> resolving = new LinkedHashSet<>();
  private final List<Finding> findings = new ArrayList<>();

  public TemplateResolver(Template template, Options options, ResourceTypes types) {
    this.template = template;
    this.options = options;
    this.types = types;
  }

  public Template template() {
    return template;
  }

  /** The deployment the values are resolved for. */
  public Options options() {
    return options;
  }

  /** Problems met so far, each once. */
  public List<Finding> findings() {
    return findings.stream().distinct().toList();
  }

  /** The alternatives a value can have; empty for {@code AWS::NoValue} or null. */
  public List<ArgValue> resolve(TNode node) {
    List<ArgValue> out = compute(node);
    return out.size() > MAX_ALTERNATIVES
        ? List.of(ArgValue.unknown("more than " + MAX_ALTERNATIVES + " possible values"))
        : out;
  }

  /** The value if it has exactly one known text. */
  public Optional<String> literal(TNode node) {
    List<ArgValue> values = resolve(node);
    return values.size() == 1 ? values.get(0).literal() : Optional.empty();
  }

  private List<ArgValue> compute(TNode node) {
    if (node instanceof TNode.TScalar scalar) {
      return scalar.value() == null ? List.of() : List.of(ArgValue.literal(scalar.value()));
    }
    if (node instanceof TNode.TList) {
      return List.of(ArgValue.unknown("a list where a single value was expected"));
    }
    TNode.TMap map = (TNode.TMap) node;
    if (!map.isIntrinsic()) {
      String first = map.entries().size() == 1 ? map.entries().keySet().iterator().next() : "";
      return List.of(
          ArgValue.unknown(
              first.startsWith("!")
                  ? "unknown tag " + first + " in the template"
                  : "a mapping where a single value was expected"));
    }
    String function = map.entries().keySet().iterator().next();
    TNode argument = map.entries().get(function);
    switch (function) {
      case "Ref":
        return ref(argument.text().orElse(""), node);
      case "Fn::GetAtt":
        return getAtt(argument, node);
      case "Fn::Sub":
        return sub(argument, node);
      case "Fn::Join":
        return join(argument);
      case "Fn::Select":
        return select(argument);
      case "Fn::If":
        return conditional(argument, node);
      case "Fn::FindInMap":
        return findInMap(argument, node);
      case "Fn::ImportValue":
        List<ArgValue> export = resolve(argument);
        String name = export.size() == 1 ? export.get(0).pattern() : "an export";
        note(
            node,
            "a value is imported from another stack's export " + name + "; minrole cannot see it");
        return List.of(ArgValue.unknown("imported from another stack (export " + name + ")"));
      case UNKNOWN:
        // A value other infrastructure code (a Serverless variable) knows only at deployment.
        return List.of(ArgValue.unknown(argument.text().orElse("known only at deployment")));
      default:
        return List.of(ArgValue.unknown(function + " is evaluated at deploy time"));
    }
  }

  // ---- Ref and GetAtt

  private List<ArgValue> ref(String name, TNode at) {
    if (name.startsWith("AWS::")) {
      return pseudo(name);
    }
    Optional<TNode> parameter = template.parameters().get(name);
    if (parameter.isPresent()) {
      return parameter(name, parameter.get());
    }
    Optional<TemplateResource> resource = template.resource(name);
    if (resource.isEmpty()) {
      error(at, "Ref to " + name + ", which is neither a parameter nor a resource of the template");
      return List.of(ArgValue.unknown("Ref to missing " + name));
    }
    Optional<ResourceTypes.Spec> spec = types.of(resource.get().type());
    if (spec.isEmpty()) {
      return List.of(new ArgValue.TemplateRef(name, "", resource.get().type(), Optional.empty()));
    }
    return expand(spec.get().ref(), resource.get(), spec.get(), "");
  }

  private List<ArgValue> getAtt(TNode argument, TNode at) {
    List<TNode> parts = argument.items();
    if (parts.size() != 2) {
      error(at, "Fn::GetAtt needs a logical id and an attribute");
      return List.of(ArgValue.unknown("malformed Fn::GetAtt"));
    }
    String id = parts.get(0).text().orElse("");
    List<ArgValue> attributes = resolve(parts.get(1));
    String attribute = attributes.size() == 1 ? attributes.get(0).literal().orElse("") : "";
    Optional<TemplateResource> resource = template.resource(id);
    if (resource.isEmpty()) {
      error(at, "Fn::GetAtt on " + id + ", which is not a resource of the template");
      return List.of(ArgValue.unknown("GetAtt on missing " + id));
    }
    Optional<String> pattern =
        types
            .of(resource.get().type())
            .flatMap(s -> Optional.ofNullable(s.attributes().get(attribute)));
    if (pattern.isEmpty()) {
      return List.of(
          new ArgValue.TemplateRef(id, attribute, resource.get().type(), Optional.empty()));
    }
    return expand(pattern.get(), resource.get(), types.of(resource.get().type()).get(), attribute);
  }

  /**
   * A reference pattern such as {@code arn:${Partition}:sqs:${Region}:${Account}:${name}} filled
   * in.
   */
  private List<ArgValue> expand(
      String pattern, TemplateResource resource, ResourceTypes.Spec spec, String attribute) {
    List<String> names = physicalNames(resource, spec);
    List<ArgValue> out = new ArrayList<>();
    for (String name : names) {
      String value =
          pattern
              .replace("${name}", name)
              .replace("${Partition}", options.partition())
              .replace("${Region}", options.region().orElse("*"))
              .replace("${Account}", options.account().orElse("*"));
      out.add(
          new ArgValue.TemplateRef(
              resource.logicalId(), attribute, resource.type(), Optional.of(value)));
    }
    return out;
  }

  /**
   * The physical names a resource can have: its name property's values, or the name CloudFormation
   * generates ({@code stack-LogicalId-RANDOM}) as a pattern.
   */
  public List<String> physicalNames(TemplateResource resource, ResourceTypes.Spec spec) {
    if (!resolving.add(resource.logicalId())) {
      error(
          resource.node(),
          "reference cycle through "
              + String.join(" -> ", resolving)
              + " -> "
              + resource.logicalId());
      return List.of("*");
    }
    try {
      Optional<TNode> property = spec.nameProperty().flatMap(resource.properties()::get);
      if (property.isPresent()) {
        List<String> out = new ArrayList<>();
        for (ArgValue v : resolve(property.get())) {
          out.add(v.pattern());
        }
        return out.isEmpty() ? List.of("*") : out;
      }
      if (spec.generatedName().isEmpty()) {
        return List.of("*");
      }
      String logicalId =
          spec.generatedLowercase()
              ? resource.logicalId().toLowerCase(Locale.ROOT)
              : resource.logicalId();
      String stack =
          options
              .stackName()
              .map(s -> spec.generatedLowercase() ? s.toLowerCase(Locale.ROOT) : s)
              .orElse("*");
      String generated =
          spec.generatedName()
              .get()
              .replace("${stack}", stack)
              .replace("${logicalId}", logicalId)
              .replaceAll("\\*+(-\\*)+", "*");
      findings.add(
          Finding.info(
              "GENERATED_NAME",
              resource.logicalId()
                  + " has no "
                  + spec.nameProperty().orElse("name")
                  + ", so CloudFormation generates its name;"
                  + " policies for json output match it as "
                  + generated
                  + (options.stackName().isEmpty() ? " (pass --stack-name to narrow it)" : "")
                  + ", and cfn/sam output references the resource itself",
              resource.location()));
      return List.of(generated);
    } finally {
      resolving.remove(resource.logicalId());
    }
  }

  private List<ArgValue> pseudo(String name) {
    Optional<String> value =
        switch (name) {
          case "AWS::Region" -> options.region();
          case "AWS::AccountId" -> options.account();
          case "AWS::Partition" -> Optional.of(options.partition());
          case "AWS::StackName" -> options.stackName();
          case "AWS::URLSuffix" -> Optional.of("amazonaws.com");
          default -> Optional.empty();
        };
    if (name.equals("AWS::NoValue")) {
      return List.of();
    }
    return List.of(new ArgValue.TemplateRef(name, "", PSEUDO, value));
  }

  private List<ArgValue> parameter(String name, TNode declaration) {
    String override = options.parameters().get(name);
    if (override != null) {
      return List.of(ArgValue.literal(override));
    }
    TNode.TMap parameter = declaration.asMap().orElse(new TNode.TMap(Map.of(), declaration.line()));
    String type = parameter.text("Type").orElse("String");
    Optional<String> fallback = parameter.text("Default");
    if (type.startsWith("AWS::SSM::Parameter::Value")) {
      return List.of(
          ArgValue.unknown(
              "parameter "
                  + name
                  + " is read from SSM parameter "
                  + fallback.orElse("?")
                  + " at deploy time; pass --parameter "
                  + name
                  + "=<value>"));
    }
    if (fallback.isPresent()) {
      return List.of(ArgValue.literal(fallback.get()));
    }
    note(
        declaration,
        "parameter "
            + name
            + " has no default; pass --parameter "
            + name
            + "=<value> to use its value");
    return List.of(
        ArgValue.unknown(
            "parameter " + name + " has no default; pass --parameter " + name + "=<value>"));
  }

  // ---- Sub, Join, Select, Split, If, FindInMap

  private List<ArgValue> sub(TNode argument, TNode at) {
    String text;
    TNode.TMap variables = new TNode.TMap(Map.of(), at.line());
    if (argument instanceof TNode.TList list && list.items().size() == 2) {
      text = list.items().get(0).text().orElse("");
      variables = list.items().get(1).asMap().orElse(variables);
    } else {
      text = argument.text().orElse("");
    }
    List<List<ArgValue>> parts = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int start = text.indexOf("${", i);
      if (start < 0) {
        plain.append(text.substring(i));
        break;
      }
      int end = text.indexOf('}', start);
      if (end < 0) {
        plain.append(text.substring(i));
        break;
      }
      plain.append(text, i, start);
      String name = text.substring(start + 2, end);
      i = end + 1;
      if (name.startsWith("!")) {
        plain.append("${").append(name.substring(1)).append('}');
        continue;
      }
      parts.add(List.of(ArgValue.literal(plain.toString())));
      plain.setLength(0);
      Optional<TNode> local = variables.get(name);
      if (local.isPresent()) {
        parts.add(resolve(local.get()));
      } else if (name.contains(".") && !name.startsWith("AWS::")) {
        int dot = name.indexOf('.');
        TNode getAtt =
            new TNode.TList(
                List.of(
                    new TNode.TScalar(name.substring(0, dot), at.line()),
                    new TNode.TScalar(name.substring(dot + 1), at.line())),
                at.line());
        parts.add(getAtt(getAtt, at));
      } else {
        parts.add(ref(name, at));
      }
    }
    parts.add(List.of(ArgValue.literal(plain.toString())));
    return concat(parts);
  }

  private List<ArgValue> join(TNode argument) {
    List<TNode> items = argument.items();
    if (items.size() != 2) {
      return List.of(ArgValue.unknown("malformed Fn::Join"));
    }
    List<ArgValue> delimiters = resolve(items.get(0));
    String delimiter = delimiters.size() == 1 ? delimiters.get(0).literal().orElse("") : "";
    Optional<List<List<ArgValue>>> elements = list(items.get(1));
    if (elements.isEmpty()) {
      return List.of(ArgValue.unknown("Fn::Join over a list known only at deploy time"));
    }
    List<List<ArgValue>> parts = new ArrayList<>();
    for (int i = 0; i < elements.get().size(); i++) {
      if (i > 0) {
        parts.add(List.of(ArgValue.literal(delimiter)));
      }
      parts.add(elements.get().get(i));
    }
    return concat(parts);
  }

  private List<ArgValue> select(TNode argument) {
    List<TNode> items = argument.items();
    if (items.size() != 2) {
      return List.of(ArgValue.unknown("malformed Fn::Select"));
    }
    Optional<Integer> index = literal(items.get(0)).flatMap(TemplateResolver::parseInt);
    Optional<List<List<ArgValue>>> elements = list(items.get(1));
    if (index.isEmpty()
        || elements.isEmpty()
        || index.get() < 0
        || index.get() >= elements.get().size()) {
      return List.of(ArgValue.unknown("Fn::Select known only at deploy time"));
    }
    return elements.get().get(index.get());
  }

  /** The elements of a list value: a literal list, or {@code Fn::Split} of a known string. */
  private Optional<List<List<ArgValue>>> list(TNode node) {
    if (node instanceof TNode.TList list) {
      List<List<ArgValue>> out = new ArrayList<>();
      list.items().forEach(item -> out.add(resolve(item)));
      return Optional.of(out);
    }
    if (node instanceof TNode.TMap map
        && map.isIntrinsic()
        && map.entries().containsKey("Fn::Split")) {
      List<TNode> items = map.entries().get("Fn::Split").items();
      if (items.size() == 2) {
        Optional<String> delimiter = literal(items.get(0));
        Optional<String> source = literal(items.get(1));
        if (delimiter.isPresent() && source.isPresent()) {
          List<List<ArgValue>> out = new ArrayList<>();
          for (String piece :
              source.get().split(java.util.regex.Pattern.quote(delimiter.get()), -1)) {
            out.add(List.of(ArgValue.literal(piece)));
          }
          return Optional.of(out);
        }
      }
    }
    return Optional.empty();
  }

  private List<ArgValue> conditional(TNode argument, TNode at) {
    List<TNode> items = argument.items();
    if (items.size() != 3) {
      error(at, "Fn::If needs a condition name and two values");
      return List.of(ArgValue.unknown("malformed Fn::If"));
    }
    String condition = items.get(0).text().orElse("");
    Optional<Boolean> holds = condition(condition, at);
    if (holds.isPresent()) {
      return resolve(items.get(holds.get() ? 1 : 2));
    }
    List<ArgValue> both = new ArrayList<>(resolve(items.get(1)));
    both.addAll(resolve(items.get(2)));
    return both.stream().distinct().toList();
  }

  /** A condition's value when its inputs are known. */
  public Optional<Boolean> condition(String name, TNode at) {
    Optional<TNode> definition = template.conditions().get(name);
    if (definition.isEmpty()) {
      error(at, "condition " + name + " is not defined in Conditions");
      return Optional.empty();
    }
    if (!resolving.add("condition " + name)) {
      error(at, "reference cycle through condition " + name);
      return Optional.empty();
    }
    try {
      return evaluate(definition.get());
    } finally {
      resolving.remove("condition " + name);
    }
  }

  private Optional<Boolean> evaluate(TNode node) {
    if (!(node instanceof TNode.TMap map) || !map.isIntrinsic()) {
      return Optional.empty();
    }
    String function = map.entries().keySet().iterator().next();
    TNode argument = map.entries().get(function);
    List<TNode> items = argument.items();
    switch (function) {
      case "Fn::Equals":
        {
          if (items.size() != 2) {
            return Optional.empty();
          }
          Optional<String> a = literal(items.get(0));
          Optional<String> b = literal(items.get(1));
          return a.isPresent() && b.isPresent()
              ? Optional.of(a.get().equals(b.get()))
              : Optional.empty();
        }
      case "Fn::Not":
        return items.size() == 1 ? evaluate(items.get(0)).map(v -> !v) : Optional.empty();
      case "Fn::And":
        {
          boolean unknown = false;
          for (TNode item : items) {
            Optional<Boolean> v = evaluate(item);
            if (v.isPresent() && !v.get()) {
              return Optional.of(false);
            }
            unknown |= v.isEmpty();
          }
          return unknown ? Optional.empty() : Optional.of(true);
        }
      case "Fn::Or":
        {
          boolean unknown = false;
          for (TNode item : items) {
            Optional<Boolean> v = evaluate(item);
            if (v.isPresent() && v.get()) {
              return Optional.of(true);
            }
            unknown |= v.isEmpty();
          }
          return unknown ? Optional.empty() : Optional.of(false);
        }
      case "Condition":
        return condition(argument.text().orElse(""), node);
      default:
        return Optional.empty();
    }
  }

  private List<ArgValue> findInMap(TNode argument, TNode at) {
    List<TNode> items = argument.items();
    if (items.size() < 3) {
      error(at, "Fn::FindInMap needs a map name and two keys");
      return List.of(ArgValue.unknown("malformed Fn::FindInMap"));
    }
    Optional<String> mapName = literal(items.get(0));
    if (mapName.isEmpty() || template.mappings().get(mapName.get()).isEmpty()) {
      error(
          at,
          "Fn::FindInMap names a mapping "
              + mapName.orElse("?")
              + " that Mappings does not define");
      return List.of(ArgValue.unknown("missing mapping"));
    }
    TNode.TMap mapping = template.mappings().map(mapName.get());
    List<TNode> firstLevel = select(mapping, items.get(1));
    List<ArgValue> out = new ArrayList<>();
    for (TNode level : firstLevel) {
      for (TNode value :
          select(level.asMap().orElse(new TNode.TMap(Map.of(), at.line())), items.get(2))) {
        out.addAll(resolve(value));
      }
    }
    return out.isEmpty()
        ? List.of(ArgValue.unknown("no entry of mapping " + mapName.get() + " matches"))
        : out.stream().distinct().toList();
  }

  /** The entries a key selects: one if the key is known, every entry otherwise. */
  private List<TNode> select(TNode.TMap map, TNode key) {
    Optional<String> known = literal(key);
    if (known.isPresent()) {
      return map.get(known.get()).map(List::of).orElse(List.of());
    }
    return List.copyOf(map.entries().values());
  }

  // ---- helpers

  private static List<ArgValue> concat(List<List<ArgValue>> parts) {
    List<List<ArgValue>> combos = new ArrayList<>();
    combos.add(List.of());
    for (List<ArgValue> part : parts) {
      List<ArgValue> alternatives = part.isEmpty() ? List.of(ArgValue.literal("")) : part;
      List<List<ArgValue>> next = new ArrayList<>();
      for (List<ArgValue> combo : combos) {
        for (ArgValue v : alternatives) {
          List<ArgValue> extended = new ArrayList<>(combo);
          extended.add(v);
          next.add(extended);
        }
      }
      if (next.size() > MAX_ALTERNATIVES) {
        return List.of(ArgValue.unknown("more than " + MAX_ALTERNATIVES + " possible values"));
      }
      combos = next;
    }
    List<ArgValue> out = new ArrayList<>();
    combos.forEach(c -> out.add(ArgValue.concat(c)));
    return out.stream().distinct().toList();
  }

  private static Optional<Integer> parseInt(String text) {
    try {
      return Optional.of(Integer.parseInt(text.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private void error(TNode at, String message) {
    findings.add(Finding.warning("TEMPLATE_ERROR", message, template.location(at)));
  }

  private void note(TNode at, String message) {
    findings.add(Finding.info("TEMPLATE_UNRESOLVED", message, template.location(at)));
  }

  SourceLocation location(TNode node) {
    return template.location(node);
  }
}
