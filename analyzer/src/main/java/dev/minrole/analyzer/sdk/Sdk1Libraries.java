package dev.minrole.analyzer.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The high-level APIs of the AWS SDK for Java 1.x ({@code DynamoDBMapper}, the Document API, {@code
 * TransferManager}, presigned URLs, the buffered SQS client) and the operations they send, read
 * once from {@code sdk1/libraries.yaml}.
 */
public final class Sdk1Libraries {
  private static final String RESOURCE = "/dev/minrole/analyzer/sdk1/libraries.yaml";
  private static volatile Sdk1Libraries bundled;

  /** A type with its methods. */
  public record Type(
      String fqn,
      String client,
      String extendsClient,
      boolean mapper,
      Map<String, Method> methods,
      Set<String> local) {
    public Type {
      methods = Map.copyOf(methods);
      local = Set.copyOf(local);
    }

    public Optional<Method> method(String name) {
      return Optional.ofNullable(methods.get(name));
    }

    public String simpleName() {
      return fqn.substring(fqn.lastIndexOf('.') + 1);
    }
  }

  /** Picks operations by a request property's value. */
  public record By(String property, String defaultValue, Map<String, List<String>> values) {
    public By {
      values = Map.copyOf(values);
    }
  }

  /**
   * What one method does; see the comments at the top of {@code libraries.yaml}.
   *
   * @param forms by argument count, what each argument is
   * @param members per operation, v2 member to 1.x property
   * @param save per SaveBehavior, the operations instead of {@code operations}
   */
  public record Method(
      List<String> operations,
      Map<Integer, List<String>> forms,
      boolean inherit,
      Map<String, Map<String, String>> members,
      Optional<By> by,
      Map<String, List<String>> save,
      Optional<String> handle,
      Map<String, Integer> set,
      Optional<String> request) {
    public Method {
      operations = List.copyOf(operations);
      forms = Map.copyOf(forms);
      members = Map.copyOf(members);
      save = Map.copyOf(save);
      set = Map.copyOf(set);
    }
  }

  private final Map<String, Type> types = new HashMap<>();
  private final Map<String, Map<String, String>> builders = new HashMap<>();
  private final Set<String> values = new TreeSet<>();

  private Sdk1Libraries(JsonNode root) {
    root.path("types")
        .properties()
        .forEach(
            e -> {
              JsonNode t = e.getValue();
              Map<String, Method> methods = new LinkedHashMap<>();
              t.path("methods")
                  .properties()
                  .forEach(m -> methods.put(m.getKey(), method(m.getValue())));
              types.put(
                  e.getKey(),
                  new Type(
                      e.getKey(),
                      t.path("client").asText(),
                      t.path("extends").asText(""),
                      t.path("mapper").asBoolean(false),
                      methods,
                      new TreeSet<>(texts(t.path("local")))));
              t.path("builders")
                  .properties()
                  .forEach(
                      b -> {
                        Map<String, String> statics = new HashMap<>();
                        b.getValue().forEach(s -> statics.put(s.asText(), e.getKey()));
                        builders.put(b.getKey(), statics);
                      });
            });
    root.path("values").forEach(v -> values.add(v.asText()));
  }

  /** The data shipped with minrole. */
  public static Sdk1Libraries bundled() {
    Sdk1Libraries result = bundled;
    if (result == null) {
      synchronized (Sdk1Libraries.class) {
        result = bundled;
        if (result == null) {
          try (InputStream in = Sdk1Libraries.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException("missing " + RESOURCE);
            }
            result = new Sdk1Libraries(new ObjectMapper(new YAMLFactory()).readTree(in));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          bundled = result;
        }
      }
    }
    return result;
  }

  /** The library types that extend a 1.x client interface (the buffered SQS client). */
  public List<Type> extending() {
    return types.values().stream()
        .filter(t -> !t.extendsClient().isEmpty())
        .sorted(java.util.Comparator.comparing(Type::fqn))
        .toList();
  }

  public Optional<Type> type(String fqn) {
    return Optional.ofNullable(types.get(fqn));
  }

  /** True for the library, builder and value types of the data. */
  public boolean knows(String fqn) {
    return types.containsKey(fqn) || builders.containsKey(fqn) || values.contains(fqn);
  }

  /** True for builders and value types, whose {@code withX}/{@code setX} calls set properties. */
  public boolean isValueType(String fqn) {
    return values.contains(fqn) || builders.containsKey(fqn);
  }

  /**
   * The type a builder class's static factory returns directly ({@code defaultTransferManager}).
   */
  public Optional<String> builtBy(String builder) {
    Map<String, String> statics = builders.get(builder);
    return statics == null ? Optional.empty() : statics.values().stream().findFirst();
  }

  /** True if {@code method} is one of the builder's documented static factories. */
  public boolean isBuilderFactory(String builder, String method) {
    return builders.getOrDefault(builder, Map.of()).containsKey(method);
  }

  private static Method method(JsonNode m) {
    Map<Integer, List<String>> forms = new HashMap<>();
    m.path("forms")
        .properties()
        .forEach(f -> forms.put(Integer.parseInt(f.getKey()), texts(f.getValue())));
    Map<String, Map<String, String>> members = new HashMap<>();
    m.path("members")
        .properties()
        .forEach(
            op -> {
              Map<String, String> renames = new HashMap<>();
              op.getValue()
                  .properties()
                  .forEach(r -> renames.put(r.getKey(), r.getValue().asText()));
              members.put(op.getKey(), renames);
            });
    Optional<By> by = Optional.empty();
    if (m.has("by")) {
      JsonNode b = m.path("by");
      Map<String, List<String>> values = new HashMap<>();
      b.path("values").properties().forEach(v -> values.put(v.getKey(), texts(v.getValue())));
      by = Optional.of(new By(b.path("property").asText(), b.path("default").asText(), values));
    }
    Map<String, List<String>> save = new HashMap<>();
    m.path("save").properties().forEach(s -> save.put(s.getKey(), texts(s.getValue())));
    Map<String, Integer> set = new HashMap<>();
    m.path("set").properties().forEach(s -> set.put(s.getKey(), s.getValue().asInt()));
    return new Method(
        texts(m.path("operations")),
        forms,
        m.path("inherit").asBoolean(false),
        members,
        by,
        save,
        m.has("handle") ? Optional.of(m.path("handle").asText()) : Optional.empty(),
        set,
        m.has("request") ? Optional.of(m.path("request").asText()) : Optional.empty());
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
