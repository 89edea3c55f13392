package dev.minrole.tools.sdkinventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;

/**
 * Records one sync client interface: its identity, operations, request members and shapes. The
 * async client's event-stream operations, which have no sync form, are recorded too and marked
 * {@code asyncOnly}.
 */
final class ClientInspector {

  /** Structures are followed this many levels away from a request. */
  static final int MAX_SHAPE_DEPTH = 4;

  private final ClassLoader loader;
  private final List<String> notes = new ArrayList<>();
  private final PojoReader pojos = new PojoReader(notes);

  ClientInspector(ClassLoader loader) {
    this.loader = loader;
  }

  ServiceClient inspect(String artifact, String id, Class<?> client)
      throws ReflectiveOperationException {
    String packageName = client.getPackageName();
    String base = client.getSimpleName().substring(0, client.getSimpleName().length() - 6);
    Class<?> async = classOrNull(packageName + "." + base + "AsyncClient");

    ClientMethods sync = ClientMethods.of(client);
    ClientMethods asyncMethods = async == null ? ClientMethods.EMPTY : ClientMethods.of(async);
    Map<Class<?>, TreeSet<String>> waiters = waiters(packageName + ".waiters." + base + "Waiter");
    Set<String> literals = literals(packageName + ".Default" + base + "Client");
    Set<String> asyncLiterals =
        async == null ? Set.of() : literals(packageName + ".Default" + base + "AsyncClient");

    var requests = new TreeMap<String, Class<?>>();
    sync.forms().keySet().forEach(r -> requests.put(r.getName(), r));
    asyncMethods.forms().keySet().forEach(r -> requests.putIfAbsent(r.getName(), r));
    var operations = new ArrayList<Operation>();
    var structures = new ArrayDeque<Class<?>>();
    for (Class<?> request : requests.values()) {
      boolean asyncOnly = !sync.forms().containsKey(request);
      ClientMethods own = asyncOnly ? asyncMethods : sync;
      PojoReader.Read read = pojos.read(request);
      structures.addAll(read.structures());
      Operation operation =
          operation(
              request,
              asyncOnly ? asyncLiterals : literals,
              own.forms().get(request),
              List.copyOf(own.paginators().getOrDefault(request, new TreeSet<>())),
              List.copyOf(waiters.getOrDefault(request, new TreeSet<>())),
              read.members());
      var aliases = new TreeSet<String>();
      aliases.addAll(sync.names().getOrDefault(request, new TreeSet<>()));
      aliases.addAll(asyncMethods.names().getOrDefault(request, new TreeSet<>()));
      aliases.remove(operation.method());
      operations.add(operation.with(List.copyOf(aliases), asyncOnly));
    }
    operations.sort(Comparator.comparing(Operation::name));
    checkUniqueNames(operations);

    return new ServiceClient(
        artifact,
        id,
        packageName,
        (String) staticField(client, "SERVICE_NAME"),
        (String) staticField(client, "SERVICE_METADATA_ID"),
        client.getSimpleName(),
        async == null ? null : async.getSimpleName(),
        List.copyOf(operations),
        shapes(structures),
        List.copyOf(notes));
  }

  /**
   * The operation methods of one client interface: the forms that take a request object first, by
   * request class; its paginators; and the names of every method that takes the request or a {@code
   * Consumer} of its builder first ({@code getObjectAsBytes}), paginators excluded.
   */
  private record ClientMethods(
      Map<Class<?>, List<Method>> forms,
      Map<Class<?>, TreeSet<String>> paginators,
      Map<Class<?>, TreeSet<String>> names) {

    static final ClientMethods EMPTY = new ClientMethods(Map.of(), Map.of(), Map.of());

    static ClientMethods of(Class<?> client) {
      Map<Class<?>, List<Method>> forms = new HashMap<>();
      Map<Class<?>, TreeSet<String>> paginators = new HashMap<>();
      Map<Class<?>, TreeSet<String>> names = new HashMap<>();
      for (Method method : client.getMethods()) {
        Class<?> request = requestParameter(method);
        boolean paginator = method.getName().endsWith("Paginator");
        if (request != null) {
          if (paginator) {
            paginators.computeIfAbsent(request, k -> new TreeSet<>()).add(method.getName());
          } else {
            forms.computeIfAbsent(request, k -> new ArrayList<>()).add(method);
          }
        }
        Class<?> performed = request != null ? request : consumedRequest(method);
        if (performed != null && !paginator) {
          names.computeIfAbsent(performed, k -> new TreeSet<>()).add(method.getName());
        }
      }
      return new ClientMethods(forms, paginators, names);
    }
  }

  /** The request class if the method is an operation form taking the request object first. */
  private static Class<?> requestParameter(Method method) {
    if (!method.isDefault() || method.getParameterCount() == 0) {
      return null;
    }
    Class<?> first = method.getParameterTypes()[0];
    if (!SdkRequest.class.isAssignableFrom(first)
        || first.isInterface()
        || Modifier.isAbstract(first.getModifiers())) {
      return null;
    }
    return first;
  }

  /**
   * The request class if the method's first parameter is a {@code Consumer} of the request's
   * builder ({@code getObjectAsBytes(Consumer<GetObjectRequest.Builder>)}).
   */
  private static Class<?> consumedRequest(Method method) {
    if (!method.isDefault()
        || method.getParameterCount() == 0
        || method.getParameterTypes()[0] != Consumer.class
        || !(method.getGenericParameterTypes()[0] instanceof ParameterizedType consumer)
        || !(consumer.getActualTypeArguments()[0] instanceof Class<?> builder)
        || builder.getDeclaringClass() == null) {
      return null;
    }
    Class<?> request = builder.getDeclaringClass();
    boolean concrete =
        SdkRequest.class.isAssignableFrom(request)
            && !request.isInterface()
            && !Modifier.isAbstract(request.getModifiers());
    return concrete ? request : null;
  }

  private Operation operation(
      Class<?> request,
      Set<String> literals,
      List<Method> forms,
      List<String> paginators,
      List<String> waiters,
      List<Member> members)
      throws ReflectiveOperationException {
    String requestName = request.getSimpleName();
    var methodNames = new TreeSet<String>();
    boolean streamingInput = false;
    boolean streamingOutput = false;
    for (Method form : forms) {
      methodNames.add(form.getName());
      for (Class<?> parameter : form.getParameterTypes()) {
        streamingInput |= parameter == RequestBody.class || parameter == AsyncRequestBody.class;
        streamingOutput |=
            parameter == ResponseTransformer.class || parameter == AsyncResponseTransformer.class;
      }
    }
    // getObjectAsBytes(GetObjectRequest) is a convenience form of getObject.
    methodNames.removeIf(
        n -> n.endsWith("AsBytes") && methodNames.contains(n.substring(0, n.length() - 7)));
    String method = methodNames.first();
    if (methodNames.size() > 1) {
      notes.add("several methods take " + requestName + ": " + methodNames);
    }
    String name = operationName(request, method, literals);
    if (!method.equalsIgnoreCase(name)) {
      notes.add("method " + method + " does not match operation " + name);
    }
    return new Operation(
        name,
        method,
        requestName,
        paginators,
        waiters,
        streamingInput,
        streamingOutput,
        members,
        List.of(),
        false);
  }

  /**
   * The operation's model name. Request classes are named after it, but with acronyms recased
   * ({@code CreateSAMLProvider} has {@code CreateSamlProviderRequest}), and the client method
   * lower-cases a leading acronym. The exact name is a string literal in the client implementation
   * ({@code withOperationName("CreateSAMLProvider")}): it is the literal that matches the method
   * name ignoring case. Where the protocol sends the name on the wire, the marshaller's is checked
   * against it.
   */
  private String operationName(Class<?> request, String method, Set<String> literals)
      throws ReflectiveOperationException {
    String requestName = request.getSimpleName();
    String fromRequest =
        requestName.endsWith("Request")
            ? requestName.substring(0, requestName.length() - "Request".length())
            : requestName;
    if (!requestName.endsWith("Request")) {
      notes.add("request class " + requestName + " does not end in Request");
    }
    List<String> matches =
        literals.stream()
            .filter(s -> s.equalsIgnoreCase(method) || s.equalsIgnoreCase(fromRequest))
            .toList();
    String wire = marshallerOperation(request);
    String name;
    if (matches.size() == 1) {
      name = matches.get(0);
    } else if (wire != null) {
      name = wire;
      notes.add("operation of " + requestName + " taken from its marshaller: " + matches);
    } else {
      name = fromRequest;
      notes.add("operation of " + requestName + " taken from the request class: " + matches);
    }
    if (wire != null && !wire.equals(name)) {
      notes.add("marshaller names operation " + wire + " for " + name);
    }
    return name;
  }

  /** String literals of the client implementation class; empty if there is none. */
  private Set<String> literals(String implementation) {
    try (InputStream in = loader.getResourceAsStream(implementation.replace('.', '/') + ".class")) {
      if (in == null) {
        notes.add("no client implementation " + implementation);
        return Set.of();
      }
      return ClassConstants.stringLiterals(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The operation name the request's marshaller sends on the wire, where the protocol sends one
   * (JSON {@code X-Amz-Target} and query {@code Action}); null for REST protocols.
   */
  private String marshallerOperation(Class<?> request) throws ReflectiveOperationException {
    Class<?> marshaller;
    try {
      marshaller =
          Class.forName(
              request.getPackageName().replaceFirst("\\.model$", ".transform")
                  + "."
                  + request.getSimpleName()
                  + "Marshaller",
              false,
              loader);
    } catch (ClassNotFoundException e) {
      return null;
    }
    for (Field field : marshaller.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers())
          && field.getType().getSimpleName().equals("OperationInfo")) {
        field.setAccessible(true);
        Object info = field.get(null);
        Object identifier = info.getClass().getMethod("operationIdentifier").invoke(info);
        if (identifier == null) {
          return null;
        }
        String value = identifier.toString();
        return value.substring(Math.max(value.lastIndexOf('.'), value.lastIndexOf('/')) + 1);
      }
    }
    return null;
  }

  private void checkUniqueNames(List<Operation> operations) {
    for (int i = 1; i < operations.size(); i++) {
      if (operations.get(i).name().equals(operations.get(i - 1).name())) {
        notes.add("two requests give operation " + operations.get(i).name());
      }
    }
  }

  /** Waiter method names by request class; empty if the service has no waiters. */
  private Map<Class<?>, TreeSet<String>> waiters(String waiterName) {
    Map<Class<?>, TreeSet<String>> byRequest = new HashMap<>();
    Class<?> waiter;
    try {
      waiter = Class.forName(waiterName, false, loader);
    } catch (ClassNotFoundException e) {
      return byRequest;
    }
    for (Method method : waiter.getMethods()) {
      Class<?> request = requestParameter(method);
      if (request != null) {
        byRequest.computeIfAbsent(request, k -> new TreeSet<>()).add(method.getName());
      }
    }
    return byRequest;
  }

  /** Members of every structure reachable from the requests, breadth first, to a fixed depth. */
  private SortedMap<String, List<Member>> shapes(ArrayDeque<Class<?>> fromRequests)
      throws ReflectiveOperationException {
    SortedMap<String, List<Member>> shapes = new TreeMap<>();
    Map<String, Class<?>> seen = new HashMap<>();
    List<Class<?>> level = new ArrayList<>(fromRequests);
    for (int depth = 1; depth <= MAX_SHAPE_DEPTH && !level.isEmpty(); depth++) {
      List<Class<?>> next = new ArrayList<>();
      for (Class<?> structure : level) {
        String name = structure.getSimpleName();
        Class<?> previous = seen.putIfAbsent(name, structure);
        if (previous != null) {
          if (previous != structure) {
            notes.add("two structures named " + name);
          }
          continue;
        }
        PojoReader.Read read = pojos.read(structure);
        shapes.put(name, read.members());
        next.addAll(read.structures());
      }
      level = next;
    }
    return shapes;
  }

  private Class<?> classOrNull(String name) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  private static Object staticField(Class<?> type, String name) throws IllegalAccessException {
    try {
      return type.getField(name).get(null);
    } catch (NoSuchFieldException e) {
      return null;
    }
  }
}
