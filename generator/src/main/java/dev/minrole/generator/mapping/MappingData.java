package dev.minrole.generator.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minrole.analyzer.data.DataFiles;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The curated knowledge that turns SDK operations into IAM actions, read from three data files
 * under {@code dev/minrole/generator/mapping/}: {@code service-prefixes.yaml} (SDK service name to
 * IAM prefix), {@code resources.yaml} (which request members fill which ARN variables) and {@code
 * overrides.yaml} (operations that are not simply {@code prefix:Operation}).
 */
public final class MappingData {
  private static final String ROOT = "/dev/minrole/generator/mapping/";
  private static volatile MappingData bundled;

  private final Map<String, String> prefixes;
  private final Map<String, Map<String, List<VariableSource>>> bindings;
  private final Map<String, OperationMapping> overrides;

  MappingData(JsonNode prefixes, JsonNode resources, JsonNode overrides) {
    this.prefixes = new HashMap<>();
    prefixes
        .path("aliases")
        .properties()
        .forEach(e -> this.prefixes.put(e.getKey(), aliasTarget(e.getValue())));
    this.bindings = new HashMap<>();
    resources
        .path("resources")
        .properties()
        .forEach(
            service ->
                service
                    .getValue()
                    .properties()
                    .forEach(
                        type ->
                            bindings.put(
                                service.getKey() + ":" + type.getKey(),
                                variables(type.getValue()))));
    this.overrides = new LinkedHashMap<>();
    overrides
        .path("overrides")
        .properties()
        .forEach(
            e ->
                this.overrides.put(
                    e.getKey().toLowerCase(java.util.Locale.ROOT),
                    mapping(e.getKey(), e.getValue())));
  }

  public static MappingData bundled() {
    MappingData result = bundled;
    if (result == null) {
      synchronized (MappingData.class) {
        result = bundled;
        if (result == null) {
          result =
              new MappingData(
                  read("service-prefixes.yaml"), read("resources.yaml"), read("overrides.yaml"));
          bundled = result;
        }
      }
    }
    return result;
  }

  /** Mapping data from YAML texts, for tests. */
  public static MappingData fromYaml(String prefixes, String resources, String overrides) {
    return new MappingData(
        DataFiles.yamlText(prefixes), DataFiles.yamlText(resources), DataFiles.yamlText(overrides));
  }

  private static JsonNode read(String name) {
    return DataFiles.yaml(ROOT + name);
  }

  private static String aliasTarget(JsonNode node) {
    return node.isObject() ? node.path("prefix").asText() : node.asText();
  }

  /** The IAM prefix of an SDK {@code SERVICE_NAME}: an alias, or the name itself. */
  public String prefixFor(String serviceName) {
    return prefixes.getOrDefault(serviceName, serviceName);
  }

  public Map<String, String> aliases() {
    return Map.copyOf(prefixes);
  }

  /** The default bindings of a resource type's ARN variables, e.g. {@code s3:object}. */
  public Map<String, List<VariableSource>> bindings(String prefix, String type) {
    return bindings.getOrDefault(prefix + ":" + type, Map.of());
  }

  public boolean hasBindings(String prefix, String type) {
    return bindings.containsKey(prefix + ":" + type);
  }

  public Optional<OperationMapping> override(String prefix, String operation) {
    return Optional.ofNullable(
        overrides.get((prefix + ":" + operation).toLowerCase(java.util.Locale.ROOT)));
  }

  public Collection<OperationMapping> overrides() {
    return overrides.values();
  }

  // ---- parsing

  private static OperationMapping mapping(String key, JsonNode node) {
    int colon = key.indexOf(':');
    String prefix = key.substring(0, colon);
    String operation = key.substring(colon + 1);
    String source = node.path("source").asText("");
    if (node.has("permissionless")) {
      return new OperationMapping(
          prefix,
          operation,
          source,
          OperationMapping.Kind.PERMISSIONLESS,
          List.of(),
          node.path("permissionless").asText());
    }
    if (node.has("unmapped")) {
      return new OperationMapping(
          prefix,
          operation,
          source,
          OperationMapping.Kind.UNMAPPED,
          List.of(),
          node.path("unmapped").asText());
    }
    List<ActionRule> rules = new ArrayList<>();
    for (JsonNode rule : node.path("actions")) {
      rules.add(rule(rule));
    }
    return new OperationMapping(
        prefix,
        operation,
        source,
        OperationMapping.Kind.ACTIONS,
        rules,
        node.path("note").asText(""));
  }

  private static ActionRule rule(JsonNode node) {
    if (node.isTextual()) {
      return ActionRule.simple(node.asText());
    }
    List<ConditionTemplate> conditions = new ArrayList<>();
    for (JsonNode c : node.path("conditions")) {
      conditions.add(
          new ConditionTemplate(
              c.path("operator").asText(),
              c.path("key").asText(),
              c.has("value") ? Optional.of(c.get("value").asText()) : Optional.empty(),
              c.has("member") ? Optional.of(c.get("member").asText()) : Optional.empty(),
              c.path("pattern").asBoolean(false)));
    }
    return new ActionRule(
        node.path("action").asText(),
        node.has("resource") ? Optional.of(node.get("resource").asText()) : Optional.empty(),
        node.has("bind") ? variables(node.get("bind")) : Map.of(),
        node.has("when") ? Optional.of(when(node.get("when"))) : Optional.empty(),
        node.has("each") ? Optional.of(node.get("each").asText()) : Optional.empty(),
        conditions);
  }

  private static Map<String, List<VariableSource>> variables(JsonNode node) {
    Map<String, List<VariableSource>> out = new LinkedHashMap<>();
    node.properties()
        .forEach(
            e -> {
              List<VariableSource> sources = new ArrayList<>();
              JsonNode value = e.getValue();
              if (value.isArray()) {
                value.forEach(v -> sources.add(source(v)));
              } else {
                sources.add(source(value));
              }
              out.put(e.getKey(), sources);
            });
    return out;
  }

  private static VariableSource source(JsonNode node) {
    if (node.isTextual()) {
      return new VariableSource(node.asText(), ValueTransform.NAME, false);
    }
    if (node.has("value")) {
      return VariableSource.fixed(node.get("value").asText());
    }
    if (node.has("unknowable")) {
      return VariableSource.unknowable(node.get("unknowable").asText());
    }
    return new VariableSource(
        node.path("member").asText(),
        node.has("transform")
            ? ValueTransform.parse(node.get("transform").asText())
            : ValueTransform.NAME,
        node.path("pattern").asBoolean(false));
  }

  static When when(JsonNode node) {
    List<When> all = new ArrayList<>();
    node.properties()
        .forEach(
            e -> {
              JsonNode v = e.getValue();
              switch (e.getKey()) {
                case "present" -> all.add(new When.AnyPresent(DataFiles.texts(v)));
                case "absent" -> all.add(new When.Absent(DataFiles.texts(v)));
                case "waiter" -> all.add(new When.Waiter(DataFiles.texts(v)));
                case "unknown" -> all.add(new When.Unknown(v.asText()));
                case "equals" ->
                    v.properties()
                        .forEach(
                            f ->
                                all.add(
                                    new When.Equals(f.getKey(), DataFiles.texts(f.getValue()))));
                case "startsWith" ->
                    v.properties()
                        .forEach(
                            f ->
                                all.add(
                                    new When.StartsWith(
                                        f.getKey(), DataFiles.texts(f.getValue()))));
                case "mayContain" ->
                    v.properties()
                        .forEach(
                            f ->
                                all.add(
                                    new When.MayContain(
                                        f.getKey(), DataFiles.texts(f.getValue()))));
                case "notStartsWith" ->
                    v.properties()
                        .forEach(
                            f ->
                                all.add(
                                    new When.NotStartsWith(
                                        f.getKey(), DataFiles.texts(f.getValue()))));
                case "any" -> {
                  List<When> any = new ArrayList<>();
                  v.forEach(x -> any.add(when(x)));
                  all.add(new When.AnyOf(any));
                }
                case "all" -> v.forEach(x -> all.add(when(x)));
                default ->
                    throw new IllegalArgumentException(
                        "unknown condition in mapping data: " + e.getKey());
              }
            });
    return all.size() == 1 ? all.get(0) : new When.All(all);
  }
}
