package dev.minrole.tools.sdkinventory;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;

/**
 * Surveys one AWS SDK for Java 1.x artifact: its client interfaces (found through their builders),
 * what each method sends (traced through the client's sources), and the model constructors that set
 * request properties.
 */
final class Sdk1Survey {

  static final String GROUP = "com.amazonaws";
  private static final String SERVICES = "com/amazonaws/services/";

  /** What one artifact holds; {@code clients} is empty for artifacts without a service client. */
  record Result(
      String artifact,
      List<Sdk1Client> clients,
      SortedMap<String, List<Sdk1Constructors.Ctor>> constructors,
      List<String> notes) {}

  private final MavenArtifacts maven;
  private final Sdk1V2Match v2;

  Sdk1Survey(MavenArtifacts maven, Sdk1V2Match v2) {
    this.maven = maven;
    this.v2 = v2;
  }

  Result survey(String artifact, String version) throws Exception {
    Path jar = maven.jar(GROUP, artifact, "", version);
    List<String> builderNames = builderClasses(jar);
    if (builderNames.isEmpty()) {
      return new Result(artifact, List.of(), new TreeMap<>(), List.of());
    }
    Path sourcesJar = maven.jar(GROUP, artifact, "sources", version);
    List<Path> classpath = maven.runtimeClasspath(GROUP, artifact, version);
    List<String> notes = new ArrayList<>();
    URLClassLoader loader = ServiceClassLoaders.isolated(artifact, classpath);
    try (Sdk1Sources sources = new Sdk1Sources(sourcesJar)) {
      Map<Class<?>, SortedSet<String>> byClient = clientsOf(builderNames, loader, notes);
      Sdk1Constructors constructors = new Sdk1Constructors(sources);
      List<Sdk1Client> clients = new ArrayList<>();
      for (Map.Entry<Class<?>, SortedSet<String>> e : byClient.entrySet()) {
        clients.add(
            client(e.getKey(), e.getValue(), byClient, loader, sources, constructors, notes));
      }
      clients.sort(Comparator.comparing(Sdk1Client::type));
      SortedMap<String, List<Sdk1Constructors.Ctor>> ctors = new TreeMap<>();
      var modelPackages = new TreeSet<String>();
      byClient.keySet().forEach(c -> modelPackages.add(c.getPackageName() + ".model"));
      for (String pkg : modelPackages) {
        for (String fqn : sources.typesInPackage(pkg)) {
          String simple = fqn.substring(fqn.lastIndexOf('.') + 1);
          if (!sources.text(fqn).matches("(?s).*public " + simple + "\\(\\s*[^)\\s].*")) {
            continue;
          }
          List<Sdk1Constructors.Ctor> setting =
              constructors.of(fqn).stream().filter(Sdk1Constructors.Ctor::setsAny).toList();
          if (!setting.isEmpty()) {
            ctors.put(fqn, setting);
          }
        }
      }
      return new Result(artifact, List.copyOf(clients), ctors, List.copyOf(notes));
    } finally {
      loader.close();
    }
  }

  /** Classes named {@code *ClientBuilder} under {@code com/amazonaws/services/}. */
  private static List<String> builderClasses(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream()
          .map(e -> e.getName())
          .filter(n -> n.startsWith(SERVICES) && n.endsWith("ClientBuilder.class"))
          .filter(n -> !n.contains("$"))
          .map(n -> n.substring(0, n.length() - 6).replace('/', '.'))
          .sorted()
          .toList();
    }
  }

  /**
   * The client interface each builder builds: the interface among its superclass's type arguments
   * ({@code AwsSyncClientBuilder<AmazonDynamoDBClientBuilder, AmazonDynamoDB>}).
   */
  private static Map<Class<?>, SortedSet<String>> clientsOf(
      List<String> builders, ClassLoader loader, List<String> notes) {
    Map<Class<?>, SortedSet<String>> out = new TreeMap<>(Comparator.comparing(Class::getName));
    for (String name : builders) {
      Class<?> builder;
      try {
        builder = Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        notes.add("cannot load " + name + ": " + e);
        continue;
      }
      Class<?> client = builtInterface(builder);
      if (client == null) {
        notes.add("no client interface for builder " + name);
        continue;
      }
      out.computeIfAbsent(client, k -> new TreeSet<>()).add(name);
    }
    return out;
  }

  private static Class<?> builtInterface(Class<?> builder) {
    for (Class<?> c = builder; c != null && c != Object.class; c = c.getSuperclass()) {
      Type generic = c.getGenericSuperclass();
      if (generic instanceof ParameterizedType p) {
        for (Type arg : p.getActualTypeArguments()) {
          if (arg instanceof Class<?> k
              && k.isInterface()
              && k.getName().startsWith("com.amazonaws.services.")) {
            return k;
          }
        }
      }
    }
    return null;
  }

  private Sdk1Client client(
      Class<?> type,
      SortedSet<String> builders,
      Map<Class<?>, SortedSet<String>> all,
      ClassLoader loader,
      Sdk1Sources sources,
      Sdk1Constructors constructors,
      List<String> notes) {
    List<String> parents =
        Arrays.stream(type.getInterfaces())
            .filter(all::containsKey)
            .map(Class::getName)
            .sorted()
            .toList();
    Optional<Class<?>> implementation = implementation(type, loader);
    List<TypeDeclaration<?>> hierarchy = new ArrayList<>();
    for (Class<?> c = implementation.orElse(null); c != null; c = c.getSuperclass()) {
      if (c.getName().startsWith("com.amazonaws.services.")) {
        sources.type(c.getName()).ifPresent(hierarchy::add);
      }
    }
    if (implementation.isEmpty() || hierarchy.isEmpty()) {
      notes.add("no implementation source for " + type.getName());
    }
    Sdk1Tracer tracer = new Sdk1Tracer(sources, constructors, hierarchy);
    List<Sdk1Client.Method> methods = new ArrayList<>();
    var operations = new TreeSet<String>();
    for (Method m : declaredMethods(type)) {
      List<String> params = Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).toList();
      Optional<MethodDeclaration> decl = tracer.implementation(m.getName(), params);
      Sdk1Tracer.Trace trace = decl.map(tracer::trace).orElse(Sdk1Tracer.Trace.NONE);
      var ops = new TreeSet<String>();
      List<String> args = new ArrayList<>(Collections.nCopies(params.size(), ""));
      for (Sdk1Tracer.Outcome o : trace.outcomes()) {
        ops.add(o.operation());
        o.bindings()
            .forEach(
                (i, b) -> {
                  if (args.get(i).isEmpty()) {
                    args.set(i, b);
                  }
                });
      }
      operations.addAll(ops);
      String status =
          !ops.isEmpty()
              ? "mapped"
              : (decl.isPresent() && !trace.invokes()) || inCore(implementation, m)
                  ? "local"
                  : "untraced";
      methods.add(
          new Sdk1Client.Method(m.getName(), params, List.copyOf(ops), List.copyOf(args), status));
    }
    String prefix = endpointPrefix(type);
    return new Sdk1Client(
        type.getName(),
        parents,
        implementation.map(Class::getName).orElse(null),
        List.copyOf(builders),
        prefix,
        v2.match(type.getSimpleName(), prefix, operations).orElse(null),
        List.copyOf(methods));
  }

  /**
   * True if the client class inherits the method from the SDK core ({@code AmazonWebServiceClient}:
   * {@code setRegion}, {@code setEndpoint}, {@code shutdown}), which configures the client and
   * sends nothing.
   */
  private static boolean inCore(Optional<Class<?>> implementation, Method m) {
    if (implementation.isEmpty()) {
      return false;
    }
    try {
      Class<?> owner =
          implementation.get().getMethod(m.getName(), m.getParameterTypes()).getDeclaringClass();
      return owner.getName().equals("com.amazonaws.AmazonWebServiceClient");
    } catch (NoSuchMethodException | LinkageError e) {
      return false;
    }
  }

  /** Public abstract methods the interface declares itself, in a stable order. */
  private static List<Method> declaredMethods(Class<?> type) {
    List<Method> out = new ArrayList<>();
    for (Method m : type.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers())
          && !Modifier.isStatic(m.getModifiers())
          && !m.isSynthetic()) {
        out.add(m);
      }
    }
    out.sort(
        Comparator.comparing(Method::getName)
            .thenComparing(m -> Arrays.toString(m.getParameterTypes())));
    return out;
  }

  /** {@code <Interface>Client}, else a concrete class of the same package implementing it. */
  private static Optional<Class<?>> implementation(Class<?> type, ClassLoader loader) {
    try {
      Class<?> c = Class.forName(type.getName() + "Client", false, loader);
      if (type.isAssignableFrom(c)) {
        return Optional.of(c);
      }
    } catch (ClassNotFoundException | LinkageError e) {
      // fall through to the V2-style name below
    }
    String name = type.getSimpleName();
    for (String candidate : List.of(name.replaceFirst("(V\\d+)$", "Client$1"))) {
      try {
        Class<?> c = Class.forName(type.getPackageName() + "." + candidate, false, loader);
        if (type.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())) {
          return Optional.of(c);
        }
      } catch (ClassNotFoundException | LinkageError e) {
        // none
      }
    }
    return Optional.empty();
  }

  private static String endpointPrefix(Class<?> type) {
    try {
      Object value = type.getField("ENDPOINT_PREFIX").get(null);
      return value instanceof String s ? s : null;
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }
}
