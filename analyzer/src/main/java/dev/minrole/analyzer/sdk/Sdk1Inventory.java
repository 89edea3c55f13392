package dev.minrole.analyzer.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the analyzer knows about the AWS SDK for Java 1.x: its client interfaces, classes and
 * builders, which operation each client method sends and which request property each of its
 * parameters sets, and the model constructors that set properties. Operations and members are those
 * of the SDK v2 inventory, so a 1.x call becomes the same {@code SdkCall} as its v2 twin.
 *
 * <p>The data is derived from the 1.x artifacts by {@code scripts/refresh-iam-data} (the index is
 * read once, a service's file the first time the code uses it); the property names the S3 client
 * spells differently are curated in {@code sdk1/aliases.yaml}.
 */
public final class Sdk1Inventory {
  private static final String ROOT = "/dev/minrole/analyzer/sdk1/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static volatile Sdk1Inventory bundled;

  private final String sdkVersion;
  private final Map<String, Sdk1Client> byType = new HashMap<>();
  private final Map<String, Sdk1Client> byBuilder = new HashMap<>();
  private final Map<String, String> fileByModelPackage = new HashMap<>();
  private final Map<String, Artifact> loaded = new ConcurrentHashMap<>();
  private final JsonNode aliases;

  /** One client method, as the inventory records it. */
  public record Method(
      String name, List<String> params, List<String> operations, List<String> args, String status) {
    public Method {
      params = List.copyOf(params);
      operations = List.copyOf(operations);
      args = List.copyOf(args);
    }

    public boolean isLocal() {
      return "local".equals(status);
    }

    public boolean isMapped() {
      return "mapped".equals(status);
    }
  }

  /** A model constructor: per parameter, the property it sets ({@code BucketName}) or empty. */
  public record Constructor(List<String> params, List<String> set) {
    public Constructor {
      params = List.copyOf(params);
      set = List.copyOf(set);
    }
  }

  private record Artifact(
      Map<String, List<Method>> methodsByClient, Map<String, List<Constructor>> constructors) {}

  private Sdk1Inventory(JsonNode index, JsonNode aliases) {
    this.sdkVersion = index.path("sdkVersion").asText();
    this.aliases = aliases.path("services");
    for (JsonNode node : index.path("clients")) {
      Sdk1Client client =
          new Sdk1Client(
              node.path("type").asText(),
              texts(node.path("parents")),
              node.path("file").asText(),
              node.path("serviceName").asText(""),
              node.hasNonNull("v2Package")
                  ? node.path("v2Package").asText() + "." + node.path("v2Client").asText()
                  : "");
      byType.put(client.type(), client);
      if (node.hasNonNull("implementation")) {
        byType.putIfAbsent(node.path("implementation").asText(), client);
      }
      for (String builder : texts(node.path("builders"))) {
        byBuilder.put(builder, client);
      }
      fileByModelPackage.put(client.packageName() + ".model", client.file());
    }
  }

  /** The inventory shipped with minrole. */
  public static Sdk1Inventory bundled() {
    Sdk1Inventory result = bundled;
    if (result == null) {
      synchronized (Sdk1Inventory.class) {
        result = bundled;
        if (result == null) {
          result = new Sdk1Inventory(read("index.json", JSON), read("aliases.yaml", YAML));
          bundled = result;
        }
      }
    }
    return result;
  }

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static JsonNode read(String name, ObjectMapper mapper) {
    try (InputStream in = Sdk1Inventory.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException("SDK 1.x inventory resource missing: " + ROOT + name);
      }
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read SDK 1.x inventory " + name, e);
    }
  }

  public String sdkVersion() {
    return sdkVersion;
  }

  /** The client whose interface or client class is {@code fqn}. */
  public Optional<Sdk1Client> client(String fqn) {
    return Optional.ofNullable(byType.get(fqn));
  }

  /** The client whose interface has this simple name ({@code AmazonS3}, {@code AWSKMSAsync}). */
  public Optional<Sdk1Client> clientBySimpleName(String simpleName) {
    return byType.values().stream().filter(c -> c.simpleName().equals(simpleName)).findFirst();
  }

  /** The simple names of every client interface, sorted. */
  public List<String> clientNames() {
    return byType.values().stream().map(Sdk1Client::simpleName).distinct().sorted().toList();
  }

  /** The client a builder class ({@code AmazonS3ClientBuilder}) builds. */
  public Optional<Sdk1Client> builtBy(String builderFqn) {
    return Optional.ofNullable(byBuilder.get(builderFqn));
  }

  /** True for request, result and structure classes of a 1.x service's model package. */
  public boolean isModelClass(String fqn) {
    int dot = fqn.lastIndexOf('.');
    return dot > 0 && fileByModelPackage.containsKey(fqn.substring(0, dot));
  }

  /** True for the 1.x client, builder and model types the inventory knows. */
  public boolean knows(String fqn) {
    return byType.containsKey(fqn) || byBuilder.containsKey(fqn) || isModelClass(fqn);
  }

  /** The methods named {@code name} of a client and of the client interfaces it extends. */
  public List<Method> methods(Sdk1Client client, String name) {
    List<Method> out = new ArrayList<>();
    collect(client, name, out, 0);
    return out;
  }

  private void collect(Sdk1Client client, String name, List<Method> out, int depth) {
    out.addAll(
        artifact(client.file()).methodsByClient().getOrDefault(client.type(), List.of()).stream()
            .filter(m -> m.name().equals(name))
            .toList());
    if (depth < 4) {
      for (String parent : client.parents()) {
        client(parent).ifPresent(p -> collect(p, name, out, depth + 1));
      }
    }
  }

  /** The constructors of a model class that set request properties. */
  public List<Constructor> constructors(String modelFqn) {
    int dot = modelFqn.lastIndexOf('.');
    String file = dot < 0 ? null : fileByModelPackage.get(modelFqn.substring(0, dot));
    return file == null
        ? List.of()
        : artifact(file).constructors().getOrDefault(modelFqn, List.of());
  }

  /**
   * The v2 member a 1.x request property sets: the operation's alias in {@code aliases.yaml}, the
   * service's, else the operation's member of the same name ignoring case. Empty if none matches.
   */
  public Optional<String> member(
      String serviceName, String operation, String property, List<SdkMember> members) {
    JsonNode service = aliases.path(serviceName);
    JsonNode alias = service.path("operations").path(operation).path(property);
    if (alias.isMissingNode()) {
      alias = service.path("properties").path(property);
    }
    if (alias.isTextual()) {
      return Optional.of(alias.asText());
    }
    String wanted = property.toLowerCase(Locale.ROOT);
    return members.stream()
        .map(SdkMember::name)
        .filter(m -> m.toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }

  /**
   * A 1.x object whose properties the wire sends as members of the request itself ({@code
   * SSEAwsKeyManagementParams}): its property to member map, and the members its presence sets.
   */
  public record Structure(Map<String, String> members, Map<String, String> constants) {
    public Structure {
      members = Map.copyOf(members);
      constants = Map.copyOf(constants);
    }
  }

  /**
   * The structure alias of a 1.x property of the service's requests, if {@code aliases.yaml} has
   * one.
   */
  public Optional<Structure> structure(String serviceName, String property) {
    JsonNode node = aliases.path(serviceName).path("structures").path(property);
    if (node.isMissingNode()) {
      return Optional.empty();
    }
    Map<String, String> members = new HashMap<>();
    node.path("members").properties().forEach(e -> members.put(e.getKey(), e.getValue().asText()));
    Map<String, String> constants = new HashMap<>();
    node.path("constants")
        .properties()
        .forEach(e -> constants.put(e.getKey(), e.getValue().asText()));
    return Optional.of(new Structure(members, constants));
  }

  private Artifact artifact(String file) {
    return loaded.computeIfAbsent(file, this::parse);
  }

  private Artifact parse(String file) {
    JsonNode node = read(file, JSON);
    Map<String, List<Method>> methods = new HashMap<>();
    for (JsonNode client : node.path("clients")) {
      List<Method> list = new ArrayList<>();
      for (JsonNode m : client.path("methods")) {
        list.add(
            new Method(
                m.path("name").asText(),
                texts(m.path("params")),
                texts(m.path("operations")),
                texts(m.path("args")),
                m.path("status").asText()));
      }
      methods.put(client.path("type").asText(), List.copyOf(list));
    }
    Map<String, List<Constructor>> constructors = new HashMap<>();
    node.path("constructors")
        .properties()
        .forEach(
            e -> {
              List<Constructor> list = new ArrayList<>();
              for (JsonNode c : e.getValue()) {
                list.add(new Constructor(texts(c.path("params")), texts(c.path("set"))));
              }
              constructors.put(e.getKey(), List.copyOf(list));
            });
    return new Artifact(Map.copyOf(methods), Map.copyOf(constructors));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
