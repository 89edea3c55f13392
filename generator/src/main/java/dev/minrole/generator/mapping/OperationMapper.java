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
 * the catalog has that action; curated overrides cover operations that need other or more
 * actions, actions that depend on the members the call sets, and operations that need none. A
 * call that neither rule maps gives an {@code UNMAPPED_OPERATION} finding, never a guess.
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

  public MappedCall map(SdkCall call) {
    String prefix = data.prefixFor(call.service());
    Optional<IamService> service = catalog.service(prefix);
    String key = prefix + ":" + call.operation();
    if (service.isEmpty()) {
      return unmapped(call, "the SDK service " + call.service() + " has no IAM service prefix " + prefix + " in the catalog");
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
      return unmapped(call, key + " is not an IAM action and no curated mapping covers " + call.operation());
    }
    List<RequiredAction> actions = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (ActionRule rule : rules) {
      for (Map<String, ArgValue> view : expansions(rule, call.args())) {
        if (rule.when().isPresent() && !rule.when().get().test(view)) {
          continue;
        }
        Optional<IamAction> action = catalog.action(rule.action());
        if (action.isEmpty()) {
          findings.add(
              Finding.error(
                  "UNMAPPED_OPERATION",
                  "the mapping for " + call.detail() + " names " + rule.action()
                      + ", which is not in the IAM catalog; this is a bug in minrole's mapping data",
                  call.site()));
          continue;
        }
        actions.add(
            new RequiredAction(
                action.get().id(), resource(action.get(), rule, view), rule.conditions(), ruleName));
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
                call.detail() + " (" + call.service() + ":" + call.operation() + ") cannot be mapped to IAM"
                    + " actions: " + why + ". Add the permission by hand and report it",
                call.site())));
  }

  /**
   * The argument views a rule runs on: the call's arguments as they are, or, for a rule with
   * {@code each}, one view per list element in which {@code [*]} stands for that element.
   */
  private static List<Map<String, ArgValue>> expansions(ActionRule rule, Map<String, ArgValue> args) {
    if (rule.each().isEmpty()) {
      return List.of(args);
    }
    String each = rule.each().get();
    int star = each.indexOf("[*]");
    String listPath = each.substring(0, star);
    Set<String> indices = new TreeSet<>();
    for (String key : args.keySet()) {
      if (key.startsWith(listPath + "[")) {
        Matcher m = INDEX.matcher(key.substring(listPath.length()));
        if (m.lookingAt()) {
          indices.add(m.group(1));
        }
      }
    }
    List<Map<String, ArgValue>> out = new ArrayList<>();
    for (String index : indices) {
      Map<String, ArgValue> view = new LinkedHashMap<>(args);
      String prefix = listPath + "[" + index + "]";
      for (Map.Entry<String, ArgValue> e : args.entrySet()) {
        if (e.getKey().startsWith(prefix)) {
          view.put(listPath + "[*]" + e.getKey().substring(prefix.length()), e.getValue());
        }
      }
      if (When.present(view, each)) {
        out.add(view);
      }
    }
    return out;
  }

  private Optional<ResourceRef> resource(IamAction action, ActionRule rule, Map<String, ArgValue> args) {
    if (!action.supportsResourceLevel()) {
      return Optional.empty();
    }
    Optional<ResourceType> type = resourceType(action, rule, args);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    Map<String, List<VariableSource>> bindings = new LinkedHashMap<>(data.bindings(type.get().service(), type.get().name()));
    bindings.putAll(rule.bind());
    Map<String, BoundValue> variables = new LinkedHashMap<>();
    for (String variable : new LinkedHashSet<>(type.get().variables())) {
      if (CONTEXT_VARIABLES.contains(variable) && !bindings.containsKey(variable)) {
        continue;
      }
      variables.put(variable, bind(bindings.getOrDefault(variable, List.of()), args));
    }
    return Optional.of(new ResourceRef(type.get(), variables));
  }

  private static BoundValue bind(List<VariableSource> sources, Map<String, ArgValue> args) {
    for (VariableSource source : sources) {
      ArgValue value = args.get(source.member());
      if (value != null) {
        return new BoundValue(Optional.of(value), source.member(), source.transform(), source.pattern());
      }
    }
    if (sources.isEmpty()) {
      return BoundValue.missing("");
    }
    VariableSource first = sources.get(0);
    return new BoundValue(Optional.empty(), first.member(), first.transform(), first.pattern());
  }

  /**
   * The resource type a rule names, or else the one of the action's types whose bindings the call
   * fills, preferring required types.
   */
  private Optional<ResourceType> resourceType(IamAction action, ActionRule rule, Map<String, ArgValue> args) {
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
    for (ActionResource candidate : ordered) {
      Map<String, List<VariableSource>> bindings = data.bindings(action.service(), candidate.type());
      boolean filled =
          bindings.values().stream().flatMap(List::stream).anyMatch(s -> args.containsKey(s.member()));
      if (filled) {
        return service.resourceType(candidate.type());
      }
    }
    for (ActionResource candidate : ordered) {
      if (data.hasBindings(action.service(), candidate.type())) {
        return service.resourceType(candidate.type());
      }
    }
    return ordered.isEmpty() ? Optional.empty() : service.resourceType(ordered.get(0).type());
  }
}
