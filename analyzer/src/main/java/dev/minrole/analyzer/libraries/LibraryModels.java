package dev.minrole.analyzer.libraries;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minrole.analyzer.data.DataFiles;
import dev.minrole.analyzer.sdk.SdkService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What libraries do with AWS on the function's behalf, read from the model files under {@code
 * dev/minrole/analyzer/libraries/} (listed in {@code index.yaml}): Powertools, Spring Cloud AWS,
 * and the permissionless Lambda Java libraries.
 */
public final class LibraryModels {
  private static final String ROOT = "/dev/minrole/analyzer/libraries/";
  private static volatile LibraryModels bundled;

  private final Map<String, LibraryType> types = new HashMap<>();
  private final Map<String, AnnotationModel> annotations = new HashMap<>();
  private final Set<String> permissionlessPackages = new LinkedHashSet<>();
  private final java.util.Map<String, java.util.SortedSet<String>> permissionlessByLibrary =
      new java.util.HashMap<>();
  private final Map<String, Map<String, Set<String>>> iamActions = new HashMap<>();
  private final Map<String, SdkService> iamServices = new HashMap<>();
  private final List<String> libraries = new ArrayList<>();

  LibraryModels(List<JsonNode> files) {
    for (JsonNode file : files) {
      String library = file.path("library").asText();
      JsonNode typeNodes = file.path("types");
      typeNodes
          .properties()
          .forEach(
              e ->
                  types.put(
                      e.getKey(), type(e.getKey(), library, resolve(typeNodes, e.getValue()))));
      JsonNode annotationNodes = file.path("annotations");
      annotationNodes
          .properties()
          .forEach(
              e ->
                  annotations.put(
                      e.getKey(),
                      annotation(e.getKey(), library, resolve(annotationNodes, e.getValue()))));
      file.path("permissionless")
          .forEach(
              p -> {
                permissionlessPackages.add(p.asText());
                permissionlessByLibrary
                    .computeIfAbsent(library, k -> new java.util.TreeSet<>())
                    .add(p.asText());
              });
      libraries.add(library);
    }
    for (LibraryType type : types.values()) {
      type.methods().values().forEach(m -> noteActions(m.calls()));
      type.constructor().ifPresent(c -> noteActions(c.calls()));
      noteActions(type.onBuild());
    }
    annotations.values().forEach(a -> a.variants().values().forEach(this::noteActions));
    iamActions.forEach(
        (prefix, names) -> iamServices.put(prefix, SdkService.ofIamActions(prefix, names)));
  }

  private void noteActions(List<LibraryCall> calls) {
    for (LibraryCall call : calls) {
      if (call.isIamAction()) {
        int colon = call.action().indexOf(':');
        iamActions
            .computeIfAbsent(call.action().substring(0, colon), k -> new HashMap<>())
            .computeIfAbsent(call.action().substring(colon + 1), k -> new LinkedHashSet<>())
            .addAll(call.args().keySet());
      }
    }
  }

  /**
   * The IAM actions libraries perform that no SDK client does, as a service of their prefix: {@code
   * rds-db:connect} is operation {@code connect} of service {@code rds-db}.
   */
  public Optional<SdkService> iamService(String action) {
    int colon = action.indexOf(':');
    return colon < 0
        ? Optional.empty()
        : Optional.ofNullable(iamServices.get(action.substring(0, colon)));
  }

  /** The services of the IAM actions libraries perform without an SDK client. */
  public Collection<SdkService> iamServices() {
    return List.copyOf(iamServices.values());
  }

  /** The names of the modelled libraries, in index order. */
  public List<String> libraries() {
    return List.copyOf(libraries);
  }

  /** The packages whose calls need no permission (the Lambda Java libraries). */
  /** The packages a library's model says need no permission, sorted; none for most libraries. */
  public java.util.SortedSet<String> permissionlessPackages(String library) {
    return java.util.Collections.unmodifiableSortedSet(
        permissionlessByLibrary.getOrDefault(library, new java.util.TreeSet<>()));
  }

  public Set<String> permissionlessPackages() {
    return Set.copyOf(permissionlessPackages);
  }

  /** Every modelled type, by class name. */
  public Map<String, LibraryType> types() {
    return Map.copyOf(types);
  }

  /** An entry written as {@code {sameAs: other}} is the entry {@code other} of the same map. */
  private static JsonNode resolve(JsonNode siblings, JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current.has("sameAs") && hops < 8; hops++) {
      String target = current.get("sameAs").asText();
      if (!siblings.has(target)) {
        throw new IllegalStateException("library model: sameAs names a missing entry " + target);
      }
      current = siblings.get(target);
    }
    return current;
  }

  public static LibraryModels bundled() {
    LibraryModels result = bundled;
    if (result == null) {
      synchronized (LibraryModels.class) {
        result = bundled;
        if (result == null) {
          List<JsonNode> files = new ArrayList<>();
          for (JsonNode name : read("index.yaml").path("libraries")) {
            files.add(read(name.asText()));
          }
          result = new LibraryModels(files);
          bundled = result;
        }
      }
    }
    return result;
  }

  /** Models from YAML texts, for tests. */
  public static LibraryModels fromYaml(List<String> texts) {
    List<JsonNode> files = new ArrayList<>();
    for (String text : texts) {
      files.add(DataFiles.yamlText(text));
    }
    return new LibraryModels(files);
  }

  private static JsonNode read(String name) {
    return DataFiles.yaml(ROOT + name);
  }

  private static LibraryType type(String name, String library, JsonNode node) {
    Map<String, LibraryMethod> methods = new LinkedHashMap<>();
    JsonNode methodNodes = node.path("methods");
    methodNodes
        .properties()
        .forEach(
            m -> methods.put(m.getKey(), method(m.getKey(), resolve(methodNodes, m.getValue()))));
    Set<String> fluent = new LinkedHashSet<>();
    node.path("fluent").forEach(f -> fluent.add(f.asText()));
    return new LibraryType(
        name,
        library,
        node.path("source").asText(""),
        methods,
        fluent,
        calls(node.path("onBuild")),
        node.has("constructor")
            ? Optional.of(method("<init>", node.get("constructor")))
            : Optional.empty());
  }

  private static LibraryMethod method(String name, JsonNode node) {
    Map<String, Integer> set = new LinkedHashMap<>();
    Map<String, String> setFrom = new LinkedHashMap<>();
    node.path("set")
        .properties()
        .forEach(
            s -> {
              if (s.getValue().isInt()) {
                set.put(s.getKey(), s.getValue().asInt());
              } else {
                setFrom.put(s.getKey(), s.getValue().asText());
              }
            });
    Map<Integer, String> lambda = new LinkedHashMap<>();
    node.path("lambda")
        .properties()
        .forEach(l -> lambda.put(Integer.parseInt(l.getKey()), l.getValue().asText()));
    return new LibraryMethod(
        name,
        calls(node.path("calls")),
        Optional.ofNullable(node.get("handle")).map(JsonNode::asText),
        set,
        lambda,
        setFrom);
  }

  private static List<LibraryCall> calls(JsonNode array) {
    List<LibraryCall> out = new ArrayList<>();
    for (JsonNode c : array) {
      Map<String, ArgSource> args = new LinkedHashMap<>();
      c.path("args")
          .properties()
          .forEach(a -> args.put(a.getKey(), ArgSource.parse(a.getValue().asText())));
      Map<Integer, String> unless = new LinkedHashMap<>();
      c.path("unlessPrefix")
          .properties()
          .forEach(u -> unless.put(Integer.parseInt(u.getKey()), u.getValue().asText()));
      List<LibraryCall.Requirement> requires = new ArrayList<>();
      for (JsonNode r : c.path("requires")) {
        requires.add(
            new LibraryCall.Requirement(
                ArgSource.parse(r.path("source").asText()),
                r.path("prefix").asText(""),
                r.path("contains").asText("")));
      }
      out.add(
          new LibraryCall(
              c.path("client").asText(""),
              c.path("operation").asText(""),
              c.path("action").asText(""),
              args,
              unless,
              requires,
              c.path("arity").asInt(0)));
    }
    return out;
  }

  private static AnnotationModel annotation(String name, String library, JsonNode node) {
    Map<String, List<LibraryCall>> variants = new LinkedHashMap<>();
    node.path("variants").properties().forEach(v -> variants.put(v.getKey(), calls(v.getValue())));
    return new AnnotationModel(
        name,
        library,
        node.path("source").asText(""),
        node.path("target").asText("method"),
        variants);
  }

  public Optional<LibraryType> type(String fqn) {
    return Optional.ofNullable(types.get(fqn));
  }

  public boolean isModelled(String fqn) {
    return types.containsKey(fqn) || isPermissionless(fqn);
  }

  /**
   * True if {@code fqn} is in a package whose calls need no permission (the Lambda Java libraries).
   */
  public boolean isPermissionless(String fqn) {
    return permissionlessPackages.contains(packageOf(fqn));
  }

  /**
   * The package of a class name, nested classes included: {@code a.b.Outer.Inner} is in {@code a.b}
   * (the first segment that starts with a capital letter is the outermost class).
   */
  private static String packageOf(String fqn) {
    int start = 0;
    while (start < fqn.length()) {
      int dot = fqn.indexOf('.', start);
      if (Character.isUpperCase(fqn.charAt(start)) || dot < 0) {
        return start == 0 ? "" : fqn.substring(0, start - 1);
      }
      start = dot + 1;
    }
    return "";
  }

  public Collection<AnnotationModel> annotations() {
    return annotations.values();
  }

  public Optional<AnnotationModel> annotation(String fqn) {
    return Optional.ofNullable(annotations.get(fqn));
  }
}
