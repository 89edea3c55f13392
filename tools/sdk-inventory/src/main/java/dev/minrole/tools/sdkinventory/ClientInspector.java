package dev.minrole.tools.sdkinventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
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
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;

/** Records one sync client interface: its identity, operations, request members and shapes. */
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
    String asyncClient = classExists(packageName + "." + base + "AsyncClient");

    Map<Class<?>, List<Method>> formsByRequest =
        new TreeMap<>(Comparator.comparing(Class::getName));
    Map<Class<?>, TreeSet<String>> paginators = new HashMap<>();
    for (Method method : client.getMethods()) {
      Class<?> request = requestParameter(method);
      if (request == null) {
        continue;
      }
      if (method.getName().endsWith("Paginator")) {
        paginators.computeIfAbsent(request, k -> new TreeSet<>()).add(method.getName());
      } else {
        formsByRequest.computeIfAbsent(request, k -> new ArrayList<>()).add(method);
      }
    }
    Map<Class<?>, TreeSet<String>> waiters = waiters(packageName + ".waiters." + base + "Waiter");
    Set<String> literals = literals(packageName + ".Default" + base + "Client");

    var operations = new ArrayList<Operation>();
    var structures = new ArrayDeque<Class<?>>();
    for (var entry : formsByRequest.entrySet()) {
      Class<?> request = entry.getKey();
      PojoReader.Read read = pojos.read(request);
      structures.addAll(read.structures());
      operations.add(
          operation(
              request,
              literals,
              entry.getValue(),
              List.copyOf(paginators.getOrDefault(request, new TreeSet<>())),
              List.copyOf(waiters.getOrDefault(request, new TreeSet<>())),
              read.members()));
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
        asyncClient,
        List.copyOf(operations),
        shapes(structures),
        asyncOnlyOperations(packageName, base, formsByRequest.keySet()),
        List.copyOf(notes));
  }

  /** Operations of the async client whose request no sync method takes, sorted. */
  private List<String> asyncOnlyOperations(String packageName, String base, Set<Class<?>> sync)
      throws ReflectiveOperationException {
    Class<?> async;
    try {
      async = Class.forName(packageName + "." + base + "AsyncClient", false, loader);
    } catch (ClassNotFoundException e) {
      return List.of();
    }
    Set<String> literals = literals(packageName + ".Default" + base + "AsyncClient");
    var names = new TreeSet<String>();
    for (Method method : async.getMethods()) {
      Class<?> request = requestParameter(method);
      if (request != null && !sync.contains(request) && !method.getName().endsWith("Paginator")) {
        names.add(operationName(request, method.getName(), literals));
      }
    }
    return List.copyOf(names);
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
        streamingInput |= parameter == RequestBody.class;
        streamingOutput |= parameter == ResponseTransformer.class;
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
        name, method, requestName, paginators, waiters, streamingInput, streamingOutput, members);
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

  private String classExists(String name) {
    try {
      return Class.forName(name, false, loader).getSimpleName();
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
