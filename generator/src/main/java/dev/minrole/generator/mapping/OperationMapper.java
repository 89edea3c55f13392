package dev.minrole.generator.mapping;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SdkCall;
import dev.minrole.generator.catalog.IamAction;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.catalog.IamService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps an SDK call to the IAM actions it needs. The default rule is {@code prefix:Operation} when
 * the catalog has that action; curated overrides cover operations that need other or more actions,
 * actions that depend on the members the call sets, and operations that need none. A call that
 * neither rule maps gives an {@code UNMAPPED_OPERATION} finding, never a guess. A rule with {@code
 * each} runs once per list element ({@link ListExpansion}); the resource each action is on is
 * chosen and bound by {@link ResourceSelection}.
 */
public final class OperationMapper {
  private final IamCatalog catalog;
  private final MappingData data;
  private final ResourceSelection resources;

  public OperationMapper(IamCatalog catalog, MappingData data) {
    this.catalog = catalog;
    this.data = data;
    this.resources = new ResourceSelection(catalog, data);
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
      for (Map<String, ArgValue> view : ListExpansion.views(rule, call.args())) {
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
                resources.resource(action.get(), rule, view),
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
}
