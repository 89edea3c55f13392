package dev.minrole.generator.mapping;

import dev.minrole.analyzer.model.ArgValue;
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

/**
 * Which resource an action of a rule is on, and which request members fill its ARN variables: the
 * type the rule names, or the action's type whose ARN the call fills best; each variable bound to
 * the first member the call sets ({@code resources.yaml}, with the rule's own bindings on top).
 */
final class ResourceSelection {
  /** The resource a rule names when IAM authorizes its request on no ARN. */
  static final String ANY = "*";

  private static final Set<String> CONTEXT_VARIABLES = Set.of("Partition", "Region", "Account");

  private final IamCatalog catalog;
  private final MappingData data;

  ResourceSelection(IamCatalog catalog, MappingData data) {
    this.catalog = catalog;
    this.data = data;
  }

  /**
   * The resource the rule's action is granted on, or empty for {@code "*"}: an action without
   * resource-level permissions, or a rule that says {@code resource: "*"} (a request IAM authorizes
   * on no ARN, such as an SMS sent straight to a phone number).
   */
  Optional<ResourceRef> resource(IamAction action, ActionRule rule, Map<String, ArgValue> args) {
    if (!action.supportsResourceLevel() || rule.resourceType().filter(ANY::equals).isPresent()) {
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
   * The value of the first source the call sets whose transform takes it (a known value the
   * transform declines leaves the variable to the next source). A member inside an element or
   * structure the analyzer could not see into is unknown, and a fixed default is not assumed for
   * it.
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
      if (source.unknowable().isPresent()) {
        return new BoundValue(
            Optional.of(ArgValue.unknown(source.unknowable().get())),
            "",
            source.transform(),
            false);
      }
      ArgValue value = args.get(source.member());
      boolean declined =
          value != null
              && value.isKnown()
              && source.transform().apply(value.literal().orElseThrow())
                  instanceof ValueTransform.Declined;
      if (value != null && !declined) {
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
      if (sources.stream()
          .anyMatch(
              s ->
                  s.fixed().isPresent()
                      || s.unknowable().isPresent()
                      || args.containsKey(s.member()))) {
        bound++;
      } else if (sources.stream().noneMatch(VariableSource::pattern)) {
        return 0;
      }
    }
    return bound;
  }
}
