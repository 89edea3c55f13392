package dev.minrole.analyzer.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How frameworks and library base classes reach the user's code, read from the model files under
 * {@code dev/minrole/analyzer/libraries/} that {@code index.yaml} lists under {@code entryPoints}:
 * Spring Cloud Function, Serverless Java Container, Micronaut, Quarkus, Powertools' custom
 * resources. Each file cites the framework documentation its facts come from.
 */
public final class EntryPointModels {
  private static final String ROOT = "/dev/minrole/analyzer/libraries/";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static volatile EntryPointModels bundled;

  private final List<FrameworkModel> frameworks;

  EntryPointModels(List<JsonNode> files) {
    List<FrameworkModel> all = new ArrayList<>();
    for (JsonNode file : files) {
      String library = file.path("library").asText();
      for (JsonNode framework : file.path("frameworks")) {
        all.add(framework(library, framework));
      }
    }
    this.frameworks = List.copyOf(all);
  }

  public static EntryPointModels bundled() {
    EntryPointModels result = bundled;
    if (result == null) {
      synchronized (EntryPointModels.class) {
        result = bundled;
        if (result == null) {
          List<JsonNode> files = new ArrayList<>();
          for (JsonNode name : read("index.yaml").path("entryPoints")) {
            files.add(read(name.asText()));
          }
          result = new EntryPointModels(files);
          bundled = result;
        }
      }
    }
    return result;
  }

  /** Models from YAML texts, for tests. */
  public static EntryPointModels fromYaml(List<String> texts) {
    List<JsonNode> files = new ArrayList<>();
    try {
      for (String text : texts) {
        files.add(YAML.readTree(text));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new EntryPointModels(files);
  }

  private static JsonNode read(String name) {
    try (InputStream in = EntryPointModels.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException("entry-point model missing: " + ROOT + name);
      }
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read entry-point model " + name, e);
    }
  }

  private static FrameworkModel framework(String library, JsonNode node) {
    String name = node.path("name").asText(library);
    List<EntrySpec> entries = new ArrayList<>();
    for (JsonNode entry : node.path("entries")) {
      entries.add(spec(name, entry));
    }
    Optional<ApplicationScope> application =
        node.has("application")
            ? Optional.of(
                new ApplicationScope(
                    strings(node.path("application").path("env")),
                    strings(node.path("application").path("annotations"))))
            : Optional.empty();
    return new FrameworkModel(
        name,
        library,
        node.path("source").asText(""),
        strings(node.path("handlers")),
        strings(node.path("containers")),
        application,
        entries,
        node.path("entriesOptional").asBoolean(false));
  }

  private static EntrySpec spec(String framework, JsonNode node) {
    String kind = node.path("kind").asText();
    String what = node.path("what").asText(kind);
    boolean otherwise = node.path("otherwise").asBoolean(false);
    Optional<Selector> select = selector(node.path("select"));
    return switch (kind) {
      case "beans" ->
          new EntrySpec.Beans(
              what,
              strings(node.path("types")),
              strings(node.path("calls")),
              strings(node.path("providers")),
              strings(node.path("classes")),
              strings(node.path("names")),
              select,
              otherwise);
      case "methods" ->
          new EntrySpec.Methods(
              what,
              strings(node.path("classes")),
              strings(node.path("annotations")),
              strings(node.path("names")),
              select,
              otherwise);
      case "inherited" -> new EntrySpec.Inherited(what, strings(node.path("calls")));
      default ->
          throw new IllegalStateException(
              "entry-point model " + framework + ": unknown kind '" + kind + "'");
    };
  }

  private static Optional<Selector> selector(JsonNode node) {
    if (node.isMissingNode()) {
      return Optional.empty();
    }
    List<SettingKey> settings = new ArrayList<>();
    for (JsonNode s : node.path("settings")) {
      settings.add(new SettingKey(s.path("property").asText(""), strings(s.path("env"))));
    }
    return Optional.of(
        new Selector(
            settings,
            node.path("separators").asText(""),
            node.path("byFunctionName").asBoolean(false)));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  public List<FrameworkModel> frameworks() {
    return frameworks;
  }

  /**
   * The framework whose handler class this is. An unresolved name ({@code ?Simple}, a class from a
   * wildcard import) matches by its simple name.
   */
  public Optional<FrameworkModel> forHandler(String name) {
    for (FrameworkModel f : frameworks) {
      for (String handler : f.handlers()) {
        if (matches(handler, name)) {
          return Optional.of(f);
        }
      }
    }
    return Optional.empty();
  }

  /** The frameworks a user's handler can start through one of their container types. */
  public List<FrameworkModel> withContainers() {
    return frameworks.stream().filter(f -> !f.containers().isEmpty()).toList();
  }

  /** True if {@code name} is a handler or container class of some framework. */
  public boolean knows(String name) {
    return forHandler(name).isPresent()
        || frameworks.stream()
            .flatMap(f -> f.containers().stream())
            .anyMatch(c -> matches(c, name));
  }

  static boolean matches(String fqn, String name) {
    return name.startsWith("?")
        ? FrameworkModel.simpleName(fqn).equals(name.substring(1))
        : fqn.equals(name);
  }
}
