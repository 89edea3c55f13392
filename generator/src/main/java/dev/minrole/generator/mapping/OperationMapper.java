package dev.minrole.generator.mapping;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SdkCall;
import dev.minrole.generator.catalog.ActionResource;
import dev.minrole.generator.catalog.IamAction;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.catalog.IamService;
import dev.minrole.generator.catalog.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps an SDK call to the IAM actions it needs. The default rule is {@code prefix:Operation} when
 * the catalog has that action; curated overrides cover operations that need other or more actions,
 * actions that depend on the members the call sets, and operations that need none. A call that
 * neither rule maps gives an {@code UNMAPPED_OPERATION} finding, never a guess.
 */
public final class OperationMapper {
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");
  private static final Set<String> CONTEXT_VARIABLES = Set.of("Partition", "Region", "Account");

  private final IamCatalog catalog;
  private final MappingData data;

  public OperationMapper(IamCatalog catalog, MappingData data) {
    this.catalog = catalog;
    this.data = data;
  }

  public static OperationMapper bundled() {
    return new OperationMapper(IamCatalog.bundled(), MappingData.bundled());
  }

  public IamCatalog catalog() {
    return catalog;
  }

  public MappingData data() {
    return data;
  }

  /** How an operation is mapped, without a call: for {@code minrole catalog sdk}. */
  public Optional<OperationMapping> override(String serviceName, String operation) {
    return data.override(data.prefixFor(serviceName), operation);
  }

  /** How an operation is covered by the knowledge base, without a call. */
  public enum Coverage {
    /** {@code prefix:Operation} is an IAM action. */
    DEFAULT,
    /** A curated override names the actions. */
    OVERRIDE,
    /** A curated entry says the operation needs no permission. */
    PERMISSIONLESS,
    /** A curated entry says why the operation cannot be mapped. */
    UNMAPPED,
    /** Neither: a call gives an UNMAPPED_OPERATION finding and nothing explains why. */
    UNCLASSIFIED
  }

  public Coverage coverage(String serviceName, String operation) {
    String prefix = data.prefixFor(serviceName);
    Optional<OperationMapping> override = data.override(prefix, operation);
    if (override.isPresent()) {
      return switch (override.get().kind()) {
        case ACTIONS -> Coverage.OVERRIDE;
        case PERMISSIONLESS -> Coverage.PERMISSIONLESS;
        case UNMAPPED -> Coverage.UNMAPPED;
      };
    }
    return catalog.exists(prefix + ":" + operation) ? Coverage.DEFAULT : Coverage.UNCLASSIFIED;
  }

  public MappedCall map(SdkCall call) {
    String prefix = data.prefixFor(call.service());
    Optional<IamService> service = catalog.service(prefix);
    String key = prefix + ":" + call.operation();
    if (service.isEmpty()) {
      return unmapped(
          call,
          "the SDK service "
              + call.service()
              + " has no IAM service prefix "
              + prefix
              + " in the catalog");
    }
    Optional<OperationMapping> override = data.override(prefix, call.operation());
    List<ActionRule> rules;
    String ruleName;
    if (override.isPresent()) {
      OperationMapping mapping = override.get();
      if (mapping.kind() == OperationMapping.Kind.PERMISSIONLESS) {
        return new MappedCall(call, List.of(), List.of());
      }
      if (mapping.kind() == OperationMapping.Kind.UNMAPPED) {
        return unmapped(call, mapping.note());
      }
      rules = mapping.rules();
      ruleName = "override " + mapping.key() + " (" + mapping.source() + ")";
    } else if (service.get().action(call.operation()).isPresent()) {
      rules = List.of(ActionRule.simple(key));
      ruleName = "default rule " + key;
    } else {
      return unmapped(
          call, key + " is not an IAM action and no curated mapping covers " + call.operation());
    }
    List<RequiredAction> actions = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (ActionRule rule : rules) {
      for (Map<String, ArgValue> view : expansions(rule, call.args())) {
        if (rule.when().isPresent() && !rule.when().get().test(view, call.waiter())) {
          continue;
        }
        Optional<IamAction> action = catalog.action(rule.action());
        if (action.isEmpty()) {
          findings.add(
              Finding.error(
                  "UNMAPPED_OPERATION",
                  "the mapping for "
                      + call.detail()
                      + " names "
                      + rule.action()
                      + ", which is not in the IAM catalog; this is a bug in minrole's mapping"
                      + " data",
                  call.site()));
          continue;
        }
        actions.add(
            new RequiredAction(
                action.get().id(),
                resource(action.get(), rule, view),
                rule.conditions(),
                ruleName));
      }
    }
    return new MappedCall(call, actions, findings);
  }

  private static MappedCall unmapped(SdkCall call, String why) {
    return new MappedCall(
        call,
        List.of(),
        List.of(
            Finding.warning(
                "UNMAPPED_OPERATION",
                call.detail()
                    + " ("
                    + call.service()
                    + ":"
                    + call.operation()
                    + ") cannot be mapped to IAM"
                    + " actions: "
                    + why
                    + ". Add the permission by hand and report it",
                call.site())));
  }

  /**
   * The argument views a rule runs on: the call's arguments as they are, or, for a rule with {@code
   * each}, one view per list element in which {@code [*]} stands for that element. An element the
   * analyzer could not see into, or a list with no known element, gives a view in which the
   * element's members are unset: the rule then applies with its resource unresolved (and reported),
   * rather than silently not at all.
   */
  static List<Map<String, ArgValue>> expansions(ActionRule rule, Map<String, ArgValue> args) {
    if (rule.each().isEmpty()) {
      return List.of(args);
    }
    String each = rule.each().get();
    String listPath = each.substring(0, each.indexOf("[*]"));
    Set<Integer> indices = new TreeSet<>();
    for (String key : args.keySet()) {
      if (key.startsWith(listPath + "[")) {
        Matcher m = INDEX.matcher(key.substring(listPath.length()));
        if (m.lookingAt()) {
          indices.add(Integer.parseInt(m.group(1)));
        }
      }
    }
    if (indices.isEmpty()) {
      return List.of(unknownElement(args, listPath));
    }
    List<Map<String, ArgValue>> out = new ArrayList<>();
    boolean opaqueElement = false;
    for (int index : indices) {
      Map<String, ArgValue> view = new LinkedHashMap<>(args);
      String prefix = listPath + "[" + index + "]";
      for (Map.Entry<String, ArgValue> e : args.entrySet()) {
        if (e.getKey().startsWith(prefix)) {
          view.put(listPath + "[*]" + e.getKey().substring(prefix.length()), e.getValue());
        }
      }
      if (When.present(view, each)) {
        out.add(view);
      } else if (isOpaque(view, listPath + "[*]")) {
        opaqueElement = true;
      }
    }
    if (opaqueElement) {
      out.add(unknownElement(args, listPath));
    }
    return out;
  }

  /** The arguments with {@code list[*]} marked unknown: members under it are read as unknown. */
  private static Map<String, ArgValue> unknownElement(Map<String, ArgValue> args, String listPath) {
    Map<String, ArgValue> view = new LinkedHashMap<>(args);
    ArgValue list = args.get(listPath);
    view.put(
        listPath + "[*]",
        list != null && !list.isKnown()
            ? list
            : ArgValue.unknown("the elements of " + listPath + " are not known"));
    return view;
  }

  /** True if the element is set, but nothing is known of what it holds. */
  private static boolean isOpaque(Map<String, ArgValue> view, String element) {
    ArgValue value = view.get(element);
    if (value == null || value.isKnown()) {
      return false;
    }
    return view.keySet().stream()
        .noneMatch(k -> k.startsWith(element + ".") || k.startsWith(element + "["));
  }

  private Optional<ResourceRef> resource(
      IamAction action, ActionRule rule, Map<String, ArgValue> args) {
    if (!action.supportsResourceLevel()) {
      return Optional.empty();
    }
    Optional<ResourceType> type = resourceType(action, rule, args);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    Map<String, List<VariableSource>> bindings = bindings(type.get(), rule);
    Map<String, BoundValue> variables = new LinkedHashMap<>();
    for (String variable : new LinkedHashSet<>(type.get().variables())) {
      if (CONTEXT_VARIABLES.contains(variable) && !bindings.containsKey(variable)) {
        continue;
      }
      variables.put(variable, bind(bindings.getOrDefault(variable, List.of()), args));
    }
    return Optional.of(new ResourceRef(type.get(), variables));
  }

  /**
   * The value of the first source the call sets. A member inside an element or structure the
   * analyzer could not see into is unknown, and a fixed default is not assumed for it.
   */
  private static BoundValue bind(List<VariableSource> sources, Map<String, ArgValue> args) {
    for (VariableSource source : sources) {
      Optional<ArgValue> opaque = unknownAncestor(args, source.member());
      if (opaque.isPresent()) {
        return new BoundValue(opaque, source.member(), source.transform(), source.pattern());
      }
      if (source.fixed().isPresent()) {
        return new BoundValue(
            Optional.of(ArgValue.literal(source.fixed().get())), "", source.transform(), false);
      }
      ArgValue value = args.get(source.member());
      if (value != null) {
        return new BoundValue(
            Optional.of(value), source.member(), source.transform(), source.pattern());
      }
    }
    if (sources.isEmpty()) {
      return BoundValue.missing("");
    }
    VariableSource first = sources.get(0);
    return new BoundValue(Optional.empty(), first.member(), first.transform(), first.pattern());
  }

  /** The unknown value of a structure or element that contains the member, if there is one. */
  private static Optional<ArgValue> unknownAncestor(Map<String, ArgValue> args, String member) {
    if (member.isEmpty() || args.containsKey(member)) {
      return Optional.empty();
    }
    String path = member;
    int cut;
    while ((cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['))) > 0) {
      path = path.substring(0, cut);
      ArgValue value = args.get(path);
      if (value != null) {
        return value.isKnown() ? Optional.empty() : Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /**
   * The resource type a rule names, or else the action's type whose ARN the call fills best: the
   * one with the most variables bound to members the call sets and none left unbound (Query with
   * {@code IndexName} is on the index, without it on the table), then any type with a bound
   * variable, preferring required types, then a type the call could name (its members left unset
   * are reported as unresolved), then a required type. An action whose resource types are all
   * optional and that no request member can name is granted on {@code "*"}.
   */
  private Optional<ResourceType> resourceType(
      IamAction action, ActionRule rule, Map<String, ArgValue> args) {
    if (rule.resourceType().isPresent()) {
      String named = rule.resourceType().get();
      int colon = named.indexOf(':');
      String service = colon < 0 ? action.service() : named.substring(0, colon);
      String type = colon < 0 ? named : named.substring(colon + 1);
      return catalog.service(service).flatMap(s -> s.resourceType(type));
    }
    IamService service = catalog.service(action.service()).orElseThrow();
    List<ActionResource> ordered = new ArrayList<>(action.resources());
    ordered.sort((a, b) -> Boolean.compare(b.required(), a.required()));
    ResourceType best = null;
    int bestBound = 0;
    for (ActionResource candidate : ordered) {
      Optional<ResourceType> type = service.resourceType(candidate.type());
      int bound = type.isEmpty() ? 0 : fullyBound(bindings(type.get(), rule), args);
      if (bound > bestBound) {
        best = type.get();
        bestBound = bound;
      }
    }
    if (best != null) {
      return Optional.of(best);
    }
    for (ActionResource candidate : ordered) {
      Map<String, List<VariableSource>> bindings =
          data.bindings(action.service(), candidate.type());
      boolean filled =
          bindings.values().stream()
              .flatMap(List::stream)
              .anyMatch(s -> args.containsKey(s.member()));
      if (filled) {
        return service.resourceType(candidate.type());
      }
    }
    for (ActionResource candidate : ordered) {
      if (data.hasBindings(action.service(), candidate.type())) {
        return service.resourceType(candidate.type());
      }
    }
    List<ActionResource> required = ordered.stream().filter(ActionResource::required).toList();
    return required.isEmpty() ? Optional.empty() : service.resourceType(required.get(0).type());
  }

  /** A type's default bindings, with the rule's own bindings for the type's variables on top. */
  private Map<String, List<VariableSource>> bindings(ResourceType type, ActionRule rule) {
    Map<String, List<VariableSource>> bindings =
        new LinkedHashMap<>(data.bindings(type.service(), type.name()));
    rule.bind()
        .forEach(
            (variable, sources) -> {
              if (type.variables().contains(variable)) {
                bindings.put(variable, sources);
              }
            });
    return bindings;
  }

  /**
   * How many variables the call's members bind, or 0 if a variable other than a pattern (an S3 key)
   * is left unbound.
   */
  private static int fullyBound(
      Map<String, List<VariableSource>> bindings, Map<String, ArgValue> args) {
    int bound = 0;
    for (List<VariableSource> sources : bindings.values()) {
      if (sources.stream().anyMatch(s -> s.fixed().isPresent() || args.containsKey(s.member()))) {
        bound++;
      } else if (sources.stream().noneMatch(VariableSource::pattern)) {
        return 0;
      }
    }
    return bound;
  }
}
