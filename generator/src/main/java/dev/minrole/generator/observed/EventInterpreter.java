package dev.minrole.generator.observed;

import dev.minrole.analyzer.cloudtrail.Observation;
import dev.minrole.analyzer.cloudtrail.ObservationKey;
import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SdkCall;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.generator.catalog.ActionResource;
import dev.minrole.generator.catalog.IamAction;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.catalog.IamService;
import dev.minrole.generator.mapping.EventMapper;
import dev.minrole.generator.mapping.MappedCall;
import dev.minrole.generator.mapping.MappedEvent;
import dev.minrole.generator.mapping.OperationMapper;
import dev.minrole.generator.mapping.RequiredAction;
import dev.minrole.generator.synth.ArnBuilder;
import dev.minrole.generator.synth.ArnContext;
import dev.minrole.generator.synth.BuiltArn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an observation means in IAM: its event maps to actions through {@link EventMapper}, and each
 * action to resources, taken from the record's {@code resources[].ARN} when one is of a resource
 * type the action supports, or else built from the request parameters that name a resource, through
 * the same bindings and ARN builder as for code (the event's region and account fill those
 * segments). A denied call is kept apart: it is never a grant.
 */
final class EventInterpreter {
  private static final String AMAZONAWS = ".amazonaws.com";

  /** The calls one observation shows, and what could not be interpreted. */
  record Interpreted(
      List<ObservedCall> allowed, List<ObservedCall> denied, List<Finding> findings) {}

  private final EventMapper events;
  private final OperationMapper operations;
  private final IamCatalog catalog;
  private final ObservedData data;
  private final Map<String, MappedEvent> mapped = new HashMap<>();

  EventInterpreter(EventMapper events, OperationMapper operations, ObservedData data) {
    this.events = events;
    this.operations = operations;
    this.catalog = operations.catalog();
    this.data = data;
  }

  Interpreted interpret(Observation o, String partition) {
    ObservationKey key = o.key();
    TrailStats stats = new TrailStats(o.count(), o.firstSeen(), o.lastSeen());
    MappedEvent event =
        mapped.computeIfAbsent(
            key.eventSource() + " " + key.eventName(),
            k -> events.map(key.eventSource(), key.eventName()));
    List<Finding> findings = new ArrayList<>(event.findings());
    List<ObservedCall> allowed = new ArrayList<>();
    List<ObservedCall> denied = new ArrayList<>();
    boolean denial = data.isDenial(key.errorCode());
    if (denial && !key.deniedAction().isEmpty()) {
      String resource =
          key.deniedResource().isEmpty()
              ? resourceOrStar(key.deniedAction(), key, partition)
              : key.deniedResource();
      denied.add(new ObservedCall(key.deniedAction(), resource, stats));
      return new Interpreted(allowed, denied, findings);
    }
    for (String action : event.actions()) {
      List<String> resources = resources(action, key, partition, findings);
      for (String resource : resources) {
        (denial ? denied : allowed).add(new ObservedCall(action, resource, stats));
      }
    }
    return new Interpreted(allowed, denied, findings);
  }

  private String resourceOrStar(String action, ObservationKey key, String partition) {
    if (catalog.action(action).isEmpty()) {
      return key.resources().isEmpty() ? "*" : key.resources().get(0);
    }
    List<String> resources = resources(action, key, partition, new ArrayList<>());
    return resources.isEmpty() ? "*" : resources.get(0);
  }

  /** The resources of one action of an observation. */
  private List<String> resources(
      String action, ObservationKey key, String partition, List<Finding> findings) {
    Optional<IamAction> known = catalog.action(action);
    if (known.isEmpty() || !known.get().supportsResourceLevel()) {
      return List.of("*");
    }
    IamService service = catalog.service(known.get().service()).orElseThrow();
    List<String> fromRecord = new ArrayList<>();
    for (String arn : key.resources()) {
      for (ActionResource r : known.get().resources()) {
        if (service.resourceType(r.type()).map(t -> ObservedArns.isOfType(t, arn)).orElse(false)) {
          fromRecord.add(arn);
          break;
        }
      }
    }
    if (fromRecord.size() == 1) {
      // The record names the table; the parameters may name a part of it the action was on (a
      // Query's indexName gives table/t/index/i), which is what the code's need names too.
      String fromParams = fromParameters(action, key, partition, new ArrayList<>());
      return List.of(
          fromParams.startsWith(fromRecord.get(0) + "/") ? fromParams : fromRecord.get(0));
    }
    if (!fromRecord.isEmpty()) {
      return fromRecord;
    }
    return List.of(fromParameters(action, key, partition, findings));
  }

  /** Builds the ARN as if the code had made the call with the logged request parameters. */
  private String fromParameters(
      String action, ObservationKey key, String partition, List<Finding> findings) {
    String serviceName = serviceName(key.eventSource());
    Map<String, ArgValue> args = new LinkedHashMap<>();
    key.parameters()
        .forEach(
            (name, value) ->
                data.member(serviceName, name)
                    .ifPresent(m -> args.put(m, ArgValue.literal(value))));
    SdkCall call =
        new SdkCall(
            serviceName,
            EventMapper.operationOf(key.eventName()),
            args,
            SourceLocation.NONE,
            "CloudTrail " + key.eventSource() + " " + key.eventName());
    ArnContext context =
        new ArnContext(
            partition,
            key.region().isEmpty() ? Optional.empty() : Optional.of(key.region()),
            key.account().isEmpty() ? Optional.empty() : Optional.of(key.account()),
            Map.of());
    MappedCall mappedCall = operations.map(call);
    for (RequiredAction required : mappedCall.actions()) {
      if (required.action().equalsIgnoreCase(action)) {
        if (required.resource().isEmpty()) {
          return "*";
        }
        BuiltArn built = new ArnBuilder(context).build(required.resource().get(), call, action);
        findings.addAll(built.findings());
        return built.arn();
      }
    }
    String fallback = anyResource(action, context);
    findings.add(
        Finding.warning(
            "UNRESOLVED_RESOURCE",
            call.detail()
                + " shows "
                + action
                + ", but the record names no resource minrole can read; the policy uses "
                + fallback
                + ". Narrow it by hand",
            SourceLocation.NONE));
    return fallback;
  }

  /** The action's first resource type with only partition, region and account filled in. */
  private String anyResource(String action, ArnContext context) {
    IamAction a = catalog.action(action).orElseThrow();
    IamService service = catalog.service(a.service()).orElseThrow();
    return a.resources().stream()
        .map(r -> service.resourceType(r.type()))
        .flatMap(Optional::stream)
        .findFirst()
        .map(
            t ->
                t.arnFormat()
                    .replace("${Partition}", context.partition())
                    .replace("${Region}", context.regionOrWildcard())
                    .replace("${Account}", context.accountOrWildcard())
                    .replaceAll("\\$\\{[^}]+}", "*"))
        .orElse("*");
  }

  /** The SDK service name of an event source: {@code s3.amazonaws.com} is {@code s3}. */
  static String serviceName(String eventSource) {
    return eventSource.endsWith(AMAZONAWS)
        ? eventSource.substring(0, eventSource.length() - AMAZONAWS.length())
        : eventSource;
  }
}
