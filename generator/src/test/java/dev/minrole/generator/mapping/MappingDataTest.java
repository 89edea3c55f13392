package dev.minrole.generator.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.minrole.analyzer.libraries.LibraryModels;
import dev.minrole.analyzer.sdk.SdkInventory;
import dev.minrole.analyzer.sdk.SdkMember;
import dev.minrole.analyzer.sdk.SdkOperation;
import dev.minrole.analyzer.sdk.SdkService;
import dev.minrole.generator.catalog.IamCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mapping data is checked against the catalog and the SDK inventory, so that a typo cannot
 * silently drop a permission: every action exists, every resource type exists, every member a rule
 * reads is a member of the operation's request, every entry cites an AWS page.
 */
class MappingDataTest {
  private static final String ROOT = "/dev/minrole/generator/mapping/";
  private static final IamCatalog CATALOG = IamCatalog.bundled();
  private static final MappingData DATA = MappingData.bundled();
  private static Map<String, List<SdkService>> servicesByPrefix;
  private static JsonNode overrides;
  private static JsonNode resources;
  private static JsonNode prefixes;

  @BeforeAll
  static void load() throws IOException {
    servicesByPrefix = new TreeMap<>();
    for (SdkService service : SdkInventory.bundled().services()) {
      servicesByPrefix
          .computeIfAbsent(DATA.prefixFor(service.serviceName()), p -> new ArrayList<>())
          .add(service);
    }
    // IAM actions that libraries perform without an SDK client (rds-db:connect, kafka-cluster:*).
    for (SdkService service : LibraryModels.bundled().iamServices()) {
      servicesByPrefix.computeIfAbsent(service.serviceName(), p -> new ArrayList<>()).add(service);
    }
    overrides = yaml("overrides.yaml").path("overrides");
    resources = yaml("resources.yaml").path("resources");
    prefixes = yaml("service-prefixes.yaml").path("aliases");
  }

  private static JsonNode yaml(String name) throws IOException {
    try (InputStream in = MappingDataTest.class.getResourceAsStream(ROOT + name)) {
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    }
  }

  @Test
  void overrides_citeAnAwsPageAndNameOnlyCatalogActions() {
    List<String> problems = new ArrayList<>();
    for (OperationMapping mapping : DATA.overrides()) {
      if (!mapping.source().startsWith("https://docs.aws.amazon.com/")) {
        problems.add(mapping.key() + ": source " + mapping.source());
      }
      if (CATALOG.service(mapping.prefix()).isEmpty()) {
        problems.add(mapping.key() + ": no IAM service " + mapping.prefix());
      }
      if (mapping.kind() != OperationMapping.Kind.ACTIONS && mapping.note().isBlank()) {
        problems.add(
            mapping.key() + ": says neither why it needs no permission nor why it is unmapped");
      }
      for (ActionRule rule : mapping.rules()) {
        if (!CATALOG.exists(rule.action())) {
          problems.add(mapping.key() + ": " + rule.action() + " is not an IAM action");
        }
        rule.resourceType()
            .filter(type -> !type.equals("*"))
            .ifPresent(type -> checkType(mapping.key(), rule.action(), type, problems));
      }
    }
    assertThat(problems).isEmpty();
  }

  private static void checkType(String key, String action, String named, List<String> problems) {
    int colon = named.indexOf(':');
    String service =
        colon < 0 ? action.substring(0, action.indexOf(':')) : named.substring(0, colon);
    String type = colon < 0 ? named : named.substring(colon + 1);
    if (CATALOG.service(service).flatMap(s -> s.resourceType(type)).isEmpty()) {
      problems.add(key + ": no resource type " + service + ":" + type);
    }
  }

  @Test
  void overrides_readOnlyMembersTheOperationsRequestHas() {
    List<String> problems = new ArrayList<>();
    overrides
        .properties()
        .forEach(
            entry -> {
              String key = entry.getKey();
              String prefix = key.substring(0, key.indexOf(':'));
              String operation = key.substring(key.indexOf(':') + 1);
              List<SdkOperation> ops = operations(prefix, operation);
              if (ops.isEmpty()) {
                return;
              }
              for (String member : members(entry.getValue())) {
                boolean found = ops.stream().anyMatch(op -> resolves(prefix, op.members(), member));
                if (!found) {
                  problems.add(key + " reads " + member + ", which its request does not have");
                }
              }
            });
    assertThat(problems).isEmpty();
  }

  @Test
  void resourceBindings_nameMembersThatExistInTheService() {
    List<String> problems = new ArrayList<>();
    resources
        .properties()
        .forEach(
            service ->
                service
                    .getValue()
                    .properties()
                    .forEach(
                        type -> {
                          String key = service.getKey() + ":" + type.getKey();
                          if (CATALOG
                              .service(service.getKey())
                              .flatMap(s -> s.resourceType(type.getKey()))
                              .isEmpty()) {
                            problems.add(key + ": not a resource type in the catalog");
                          }
                          for (String member : bindMembers(type.getValue())) {
                            boolean found =
                                servicesByPrefix
                                    .getOrDefault(service.getKey(), allServices())
                                    .stream()
                                    .flatMap(s -> s.operations().stream())
                                    .anyMatch(
                                        op -> resolves(service.getKey(), op.members(), member));
                            if (!found) {
                              problems.add(
                                  key
                                      + " binds "
                                      + member
                                      + ", which no request of "
                                      + service.getKey()
                                      + " has");
                            }
                          }
                        }));
    assertThat(problems).isEmpty();
  }

  @Test
  void aliases_pointToCatalogPrefixesThatMapTheServicesOperations() {
    List<String> problems = new ArrayList<>();
    prefixes
        .properties()
        .forEach(
            alias -> {
              String target = alias.getValue().path("prefix").asText();
              if (CATALOG.service(target).isEmpty()) {
                problems.add(alias.getKey() + " -> " + target + ": no such IAM service");
              }
              if (!alias
                  .getValue()
                  .path("source")
                  .asText()
                  .startsWith("https://docs.aws.amazon.com/")) {
                problems.add(alias.getKey() + ": no source");
              }
            });
    for (SdkService service : SdkInventory.bundled().services()) {
      String prefix = DATA.prefixFor(service.serviceName());
      if (prefix.equals(service.serviceName()) || CATALOG.service(prefix).isEmpty()) {
        continue;
      }
      long mapped =
          service.operations().stream()
              .filter(op -> CATALOG.exists(prefix + ":" + op.name()))
              .count();
      if (mapped * 2 < service.operations().size()) {
        problems.add(
            service.syncClient()
                + " -> "
                + prefix
                + ": only "
                + mapped
                + " of "
                + service.operations().size()
                + " operations are actions there");
      }
    }
    assertThat(problems).isEmpty();
  }

  /** Every service: for a prefix no SDK client has (s3express, reached through S3Client). */
  private static List<SdkService> allServices() {
    return servicesByPrefix.values().stream().flatMap(List::stream).toList();
  }

  private static List<SdkOperation> operations(String prefix, String operation) {
    return servicesByPrefix.getOrDefault(prefix, List.of()).stream()
        .flatMap(s -> s.operations().stream())
        .filter(op -> op.name().equals(operation))
        .toList();
  }

  /**
   * Whether a member path ({@code Delete.Objects[*].Key}, {@code RequestItems[*].key}) resolves.
   */
  private static boolean resolves(String prefix, List<SdkMember> members, String path) {
    String[] segments = path.split("\\.", -1);
    List<SdkMember> current = members;
    SdkMember last = null;
    for (String raw : segments) {
      String segment = raw.replaceAll("\\[[^]]*]$", "");
      if (last != null && last.isMap() && (segment.equals("key") || segment.equals("value"))) {
        if (segment.equals("key")) {
          return true;
        }
        current = shape(prefix, last);
        last = null;
        continue;
      }
      Optional<SdkMember> member =
          current.stream().filter(m -> m.name().equals(segment)).findFirst();
      if (member.isEmpty()) {
        return false;
      }
      last = member.get();
      current = shape(prefix, last);
    }
    return true;
  }

  private static List<SdkMember> shape(String prefix, SdkMember member) {
    if (member.structure().isEmpty()) {
      return List.of();
    }
    for (SdkService service : servicesByPrefix.getOrDefault(prefix, allServices())) {
      List<SdkMember> shape = service.shape(member.structure().get());
      if (!shape.isEmpty()) {
        return shape;
      }
    }
    return List.of();
  }

  /** The members an override entry reads: in bind, when, each and conditions. */
  private static List<String> members(JsonNode entry) {
    List<String> out = new ArrayList<>();
    for (JsonNode rule : entry.path("actions")) {
      if (rule.has("each")) {
        out.add(rule.get("each").asText());
      }
      out.addAll(bindMembers(rule.path("bind")));
      whenMembers(rule.path("when"), out);
      rule.path("conditions")
          .forEach(
              c -> {
                if (c.has("member")) {
                  out.add(c.get("member").asText());
                }
              });
    }
    return out;
  }

  private static List<String> bindMembers(JsonNode bind) {
    List<String> out = new ArrayList<>();
    bind.forEach(
        sources -> {
          for (JsonNode source : sources.isArray() ? sources : List.of(sources)) {
            if (source.isTextual()) {
              out.add(source.asText());
            } else if (source.has("member")) {
              out.add(source.get("member").asText());
            }
          }
        });
    return out;
  }

  private static void whenMembers(JsonNode when, List<String> out) {
    when.properties()
        .forEach(
            e -> {
              switch (e.getKey()) {
                case "present", "absent", "unknown" -> {
                  for (JsonNode m : e.getValue().isArray() ? e.getValue() : List.of(e.getValue())) {
                    out.add(m.asText());
                  }
                }
                case "equals", "startsWith", "notStartsWith", "mayContain" ->
                    e.getValue().properties().forEach(f -> out.add(f.getKey()));
                case "any", "all" -> e.getValue().forEach(w -> whenMembers(w, out));
                case "waiter" -> {
                  // names an SDK waiter, not a request member
                }
                default -> out.add("<unknown condition " + e.getKey() + ">");
              }
            });
  }
}
