package dev.minrole.generator.mapping;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.catalog.IamService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps a CloudTrail event ({@code eventSource}, {@code eventName}) to the IAM actions it shows were
 * allowed. Event names are API operation names, sometimes with an API version appended ({@code
 * UpdateFunctionCode20150331v2}); the same overrides as for SDK calls apply, so {@code ListObjects}
 * gives {@code s3:ListBucket} and {@code Invoke} gives {@code lambda:InvokeFunction}. An event does
 * not say which optional members the request set, so each rule is taken as for a request that sets
 * none: {@code GetObject} gives {@code s3:GetObject}, not {@code s3:GetObjectVersion}; an operation
 * whose actions depend on its items or statement ({@code TransactWriteItems}, PartiQL {@code
 * ExecuteStatement}) gives every action it may need.
 */
public final class EventMapper {
  private static final Pattern API_VERSION_SUFFIX = Pattern.compile("\\d{8}(v\\d+)?$");
  private static final String AMAZONAWS = ".amazonaws.com";

  private final IamCatalog catalog;
  private final MappingData data;

  public EventMapper(IamCatalog catalog, MappingData data) {
    this.catalog = catalog;
    this.data = data;
  }

  public static EventMapper bundled() {
    return new EventMapper(IamCatalog.bundled(), MappingData.bundled());
  }

  /** The IAM prefix of an event source: {@code s3.amazonaws.com} is {@code s3}. */
  public String prefixOf(String eventSource) {
    String name =
        eventSource.endsWith(AMAZONAWS)
            ? eventSource.substring(0, eventSource.length() - AMAZONAWS.length())
            : eventSource;
    return data.prefixFor(name);
  }

  /** The operation name of an event, without an API version suffix. */
  public static String operationOf(String eventName) {
    return API_VERSION_SUFFIX.matcher(eventName).replaceFirst("");
  }

  public MappedEvent map(String eventSource, String eventName) {
    String prefix = prefixOf(eventSource);
    String operation = operationOf(eventName);
    Optional<IamService> service = catalog.service(prefix);
    if (service.isEmpty()) {
      return unmapped(
          eventSource, eventName, "no IAM service prefix " + prefix + " in the catalog");
    }
    Optional<OperationMapping> override = data.override(prefix, operation);
    if (override.isPresent()) {
      OperationMapping mapping = override.get();
      switch (mapping.kind()) {
        case PERMISSIONLESS -> {
          return new MappedEvent(eventSource, eventName, List.of(), List.of());
        }
        case UNMAPPED -> {
          return unmapped(eventSource, eventName, mapping.note());
        }
        default -> {
          List<String> actions = new ArrayList<>();
          for (ActionRule rule : mapping.rules()) {
            if (rule.when().isEmpty() || rule.when().get().test(Map.of())) {
              catalog.action(rule.action()).ifPresent(a -> actions.add(a.id()));
            }
          }
          return new MappedEvent(
              eventSource, eventName, actions.stream().distinct().sorted().toList(), List.of());
        }
      }
    }
    return service
        .get()
        .action(operation)
        .map(a -> new MappedEvent(eventSource, eventName, List.of(a.id()), List.<Finding>of()))
        .orElseGet(
            () ->
                unmapped(
                    eventSource, eventName, prefix + ":" + operation + " is not an IAM action"));
  }

  private static MappedEvent unmapped(String eventSource, String eventName, String why) {
    return new MappedEvent(
        eventSource,
        eventName,
        List.of(),
        List.of(
            Finding.warning(
                "UNMAPPED_OPERATION",
                "CloudTrail event "
                    + eventSource
                    + " "
                    + eventName
                    + " cannot be mapped to IAM actions: "
                    + why,
                SourceLocation.NONE)));
  }
}
