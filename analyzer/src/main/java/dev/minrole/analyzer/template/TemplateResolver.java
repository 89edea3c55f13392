package dev.minrole.analyzer.template;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates template values as far as they can be known before deployment: parameters (their
 * defaults, or {@code --parameter} overrides), pseudo parameters, {@code Ref} and {@code
 * Fn::GetAtt} of resources by each type's documented semantics, {@code Fn::Sub}, {@code Fn::Join},
 * {@code Fn::Select}, {@code Fn::Split}, {@code Fn::If} (with conditions evaluated when their
 * inputs are known, both branches otherwise) and {@code Fn::FindInMap}. A value can have several
 * alternatives. Unknown parts stay unknown, with a reason; problems in the template (a reference to
 * nothing, a cycle) are findings with the line.
 *
 * <p>This is the template package's one entry point for values. It evaluates the intrinsic
 * functions itself and hands the rest to package-private parts: {@link ParameterValues} for
 * parameters and pseudo parameters, {@link TemplateConditions} for {@code Conditions}, {@link
 * PhysicalNames} for the names resources get, {@link SubText} and {@link Alternatives} for building
 * strings; they share one {@link ResolutionState}, so a cycle through any of them is caught once.
 */
public final class TemplateResolver {
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
  private final ResolutionState state;
  private final ParameterValues parameters;
  private final TemplateConditions conditions;
  private final PhysicalNames physicalNames;

  public TemplateResolver(Template template, Options options, ResourceTypes types) {
    this.template = template;
    this.options = options;
    this.types = types;
    this.state = new ResolutionState(template);
    this.parameters = new ParameterValues(options, state);
    this.conditions = new TemplateConditions(template, state, this::literal);
    this.physicalNames = new PhysicalNames(options, state, this::resolve);
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
    return state.findings();
  }

  /** The alternatives a value can have; empty for {@code AWS::NoValue} or null. */
  public List<ArgValue> resolve(TNode node) {
    return Alternatives.capped(compute(node));
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
    return switch (function) {
      case "Ref" -> ref(argument.text().orElse(""), node);
      case "Fn::GetAtt" -> getAtt(argument, node);
      case "Fn::Sub" -> sub(argument, node);
      case "Fn::Join" -> join(argument);
      case "Fn::Select" -> select(argument);
      case "Fn::If" -> conditional(argument, node);
      case "Fn::FindInMap" -> findInMap(argument, node);
      case "Fn::ImportValue" -> importValue(argument, node);
      // A value other infrastructure code (a Serverless variable) knows only at deployment.
      case UNKNOWN -> List.of(ArgValue.unknown(argument.text().orElse("known only at deployment")));
      default -> List.of(ArgValue.unknown(function + " is evaluated at deploy time"));
    };
  }

  private List<ArgValue> importValue(TNode argument, TNode at) {
    List<ArgValue> export = resolve(argument);
    String name = export.size() == 1 ? export.get(0).pattern() : "an export";
    note(at, "a value is imported from another stack's export " + name + "; minrole cannot see it");
    return List.of(ArgValue.unknown("imported from another stack (export " + name + ")"));
  }

  // ---- Ref and GetAtt

  private List<ArgValue> ref(String name, TNode at) {
    if (name.startsWith("AWS::")) {
      return parameters.pseudo(name);
    }
    Optional<TNode> parameter = template.parameters().get(name);
    if (parameter.isPresent()) {
      return parameters.parameter(name, parameter.get());
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
   * in; {@code ${Properties.X}} stands for the resource's property {@code X} (a stream consumer's
   * ARN starts with its {@code StreamARN}), one alternative per value it can have, {@code *} when
   * it is not set.
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
      for (String filled : properties(value, resource)) {
        out.add(
            new ArgValue.TemplateRef(
                resource.logicalId(), attribute, resource.type(), Optional.of(filled)));
      }
    }
    return out;
  }

  private static final String PROPERTY = "${Properties.";

  /** The texts a pattern can have with its {@code ${Properties.X}} parts resolved. */
  private List<String> properties(String pattern, TemplateResource resource) {
    int at = pattern.indexOf(PROPERTY);
    if (at < 0) {
      return List.of(pattern);
    }
    int end = pattern.indexOf('}', at);
    String property = pattern.substring(at + PROPERTY.length(), end);
    String key = resource.logicalId() + ".Properties." + property;
    List<String> values = List.of("*");
    if (!state.enter(key)) {
      error(resource.node(), "reference cycle through " + state.path() + " -> " + key);
    } else {
      try {
        values =
            resource
                .property(property)
                .map(this::resolve)
                .filter(v -> !v.isEmpty())
                .map(v -> v.stream().map(ArgValue::pattern).distinct().toList())
                .orElse(values);
      } finally {
        state.leave(key);
      }
    }
    List<String> out = new ArrayList<>();
    for (String rest : properties(pattern.substring(end + 1), resource)) {
      for (String value : values) {
        out.add(pattern.substring(0, at) + value + rest);
      }
    }
    return out;
  }

  /**
   * The physical names a resource can have: its name property's values, or the name CloudFormation
   * generates ({@code stack-LogicalId-RANDOM}) as a pattern.
   */
  public List<String> physicalNames(TemplateResource resource, ResourceTypes.Spec spec) {
    return physicalNames.of(resource, spec);
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
    for (SubText.Piece piece : SubText.pieces(text)) {
      if (piece instanceof SubText.Plain plain) {
        parts.add(List.of(ArgValue.literal(plain.text())));
        continue;
      }
      String name = ((SubText.Variable) piece).name();
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
    return Alternatives.concat(parts);
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
    return Alternatives.concat(parts);
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
    return conditions.value(name, at);
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

  private static Optional<Integer> parseInt(String text) {
    try {
      return Optional.of(Integer.parseInt(text.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private void error(TNode at, String message) {
    state.error(at, message);
  }

  private void note(TNode at, String message) {
    state.note(at, message);
  }

  SourceLocation location(TNode node) {
    return template.location(node);
  }
}
