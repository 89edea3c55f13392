package dev.minrole.analyzer.java;

import dev.minrole.analyzer.libraries.LibraryModels;
import dev.minrole.analyzer.libraries.LibraryType;
import dev.minrole.analyzer.sdk.SdkInventory;
import dev.minrole.analyzer.sdk.SdkMember;
import dev.minrole.analyzer.sdk.SdkOperation;
import dev.minrole.analyzer.sdk.SdkResponses;
import dev.minrole.analyzer.sdk.SdkService;
import dev.minrole.analyzer.sdk.SdkUtilities;
import dev.minrole.analyzer.sdk.UtilityMethod;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How AWS SDK for Java v2 types behave, from the SDK inventory: clients come from {@code create()}
 * or {@code builder()...build()}, requests from their builders, waiters from {@code waiter()}, and
 * every builder method returns the builder. A builder is modelled as the synthetic type {@code
 * #builder<T>}, whose {@code build()} gives {@code T}.
 */
final class SdkTypes implements ExternalTypes {
  private static final String SDK_PREFIX = "software.amazon.awssdk.";

  /** The SDK's credentials providers, made by {@code create()} or {@code builder()...build()}. */
  private static final String CREDENTIALS_PACKAGE = "software.amazon.awssdk.auth.credentials.";

  private final SdkInventory inventory;
  private final SdkUtilities utilities;
  private final LibraryModels libraries;
  private final SdkResponses responses;
  private final Map<String, Set<String>> modelClasses = new ConcurrentHashMap<>();
  private final Sdk1Types sdk1 =
      new Sdk1Types(
          dev.minrole.analyzer.sdk.Sdk1Inventory.bundled(),
          dev.minrole.analyzer.sdk.Sdk1Libraries.bundled());

  SdkTypes(
      SdkInventory inventory,
      SdkUtilities utilities,
      LibraryModels libraries,
      SdkResponses responses) {
    this.inventory = inventory;
    this.utilities = utilities;
    this.libraries = libraries;
    this.responses = responses;
  }

  LibraryModels libraries() {
    return libraries;
  }

  /**
   * A method that returns a handle carrying resource names: the handle's type and what it records.
   */
  record HandleSpec(String type, Map<String, Integer> set, Map<String, String> setFrom) {
    HandleSpec(String type, Map<String, Integer> set) {
      this(type, set, Map.of());
    }
  }

  /**
   * The handle a utility or library method returns ({@code enhanced.table(name, schema)}, {@code
   * ParamManager.getDynamoDbProvider(table)}), or the receiver itself for a fluent method.
   */
  Optional<HandleSpec> handleMethod(String type, String method) {
    Optional<UtilityMethod> utility = utilities.type(type).flatMap(t -> t.method(method));
    if (utility.isPresent()) {
      return utility.get().handle().map(h -> new HandleSpec(h, utility.get().set()));
    }
    Optional<LibraryType> library = libraries.type(type);
    if (library.isEmpty()) {
      return Optional.empty();
    }
    if (library.get().fluent().contains(method)) {
      return Optional.of(new HandleSpec(type, Map.of()));
    }
    return library
        .get()
        .method(method)
        .flatMap(m -> m.handle().map(h -> new HandleSpec(h, m.set(), m.setFrom())));
  }

  /** True for types whose objects the evaluator builds up from setter calls and handles. */
  boolean isModelledType(String fqn) {
    return fqn.startsWith(SDK_PREFIX) || libraries.type(fqn).isPresent();
  }

  SdkInventory inventory() {
    return inventory;
  }

  /** The AWS SDK for Java 1.x. */
  Sdk1Types sdk1() {
    return sdk1;
  }

  SdkUtilities utilities() {
    return utilities;
  }

  SdkResponses responses() {
    return responses;
  }

  /**
   * The builder of {@code built}, named as the SDK names its builders ({@code
   * PutObjectRequest.Builder}), with the built type as its type argument, so that {@code build()}
   * gives it back.
   */
  static JType builderOf(JType built) {
    return JType.of(built.name() + ".Builder", List.of(built.asValue()));
  }

  /** True if {@code type} is a {@link #builderOf} type. */
  static boolean isBuilder(JType type) {
    return type.args().size() == 1 && type.name().equals(type.arg(0).name() + ".Builder");
  }

  @Override
  public boolean knows(String fqn) {
    if (libraries.isModelled(fqn) || sdk1.knows(fqn)) {
      return true;
    }
    if (!fqn.startsWith(SDK_PREFIX)) {
      return false;
    }
    if (inventory.serviceByClient(fqn).isPresent()
        || client(fqn).isPresent()
        || utilities.isUtility(fqn)
        || fqn.startsWith(CREDENTIALS_PACKAGE)) {
      return true;
    }
    return waiterService(fqn).isPresent() || isModelClass(fqn) || isPaginator(fqn);
  }

  /** The service whose client interface, or client builder interface, is {@code fqn}. */
  Optional<SdkService> client(String fqn) {
    Optional<SdkService> direct = inventory.serviceByClient(fqn);
    if (direct.isPresent()) {
      return direct;
    }
    return fqn.endsWith("Builder")
        ? inventory.serviceByClient(fqn.substring(0, fqn.length() - "Builder".length()))
        : Optional.empty();
  }

  /** The service of a waiter type such as {@code ...s3.waiters.S3Waiter}. */
  Optional<SdkService> waiterService(String fqn) {
    int dot = fqn.lastIndexOf('.');
    if (dot < 0 || !fqn.substring(0, dot).endsWith(".waiters")) {
      return Optional.empty();
    }
    String pkg = fqn.substring(0, fqn.lastIndexOf(".waiters"));
    String simple = fqn.substring(dot + 1);
    for (SdkService service : inventory.servicesInPackage(pkg)) {
      if (simple.equals(waiterName(service.syncClient()))
          || simple.equals(waiterName(service.asyncClient()))) {
        return Optional.of(service);
      }
    }
    return Optional.empty();
  }

  static String waiterName(String clientSimpleName) {
    return clientSimpleName.endsWith("Client")
        ? clientSimpleName.substring(0, clientSimpleName.length() - "Client".length()) + "Waiter"
        : clientSimpleName + "Waiter";
  }

  private boolean isPaginator(String fqn) {
    int dot = fqn.lastIndexOf('.');
    return dot > 0
        && fqn.substring(0, dot).endsWith(".paginators")
        && inventory.isServicePackage(fqn.substring(0, fqn.lastIndexOf(".paginators")));
  }

  /** True for request, response, structure and enum classes of a service's model package. */
  boolean isModelClass(String fqn) {
    int dot = fqn.lastIndexOf('.');
    if (dot < 0 || !fqn.substring(0, dot).endsWith(".model")) {
      return false;
    }
    String pkg = fqn.substring(0, fqn.lastIndexOf(".model"));
    if (!inventory.isServicePackage(pkg)) {
      return false;
    }
    return modelClasses
        .computeIfAbsent(pkg, this::collectModelClasses)
        .contains(fqn.substring(dot + 1));
  }

  private Set<String> collectModelClasses(String pkg) {
    Set<String> names = new HashSet<>();
    for (SdkService service : inventory.servicesInPackage(pkg)) {
      for (SdkOperation op : service.operations()) {
        names.add(op.request());
        names.add(op.name() + "Response");
        collect(op.members(), names);
      }
    }
    return names;
  }

  private static void collect(List<SdkMember> members, Set<String> names) {
    for (SdkMember m : members) {
      if (m.shape() != null) {
        names.add(m.shape());
      }
      if (m.enumType() != null) {
        names.add(m.enumType());
      }
    }
  }

  @Override
  public JType returnType(JType receiver, String method, int argCount) {
    if (isBuilder(receiver)) {
      return "build".equals(method) ? receiver.arg(0) : receiver;
    }
    String name = receiver.name();
    if (sdk1.knows(name)) {
      return sdk1.returnType(receiver, method, argCount);
    }
    Optional<HandleSpec> handle = handleMethod(name, method);
    if (handle.isPresent()) {
      return JType.of(handle.get().type(), receiver.args());
    }
    if (libraries.type(name).isPresent() && receiver.staticRef()) {
      return staticCall(receiver, method, false);
    }
    if (!name.startsWith(SDK_PREFIX)) {
      return JType.UNKNOWN;
    }
    Optional<SdkService> service = inventory.serviceByClient(name);
    if (receiver.staticRef()) {
      return staticCall(receiver, method, service.isPresent());
    }
    Optional<String> handedOut = utilities.clientMethod(name, method);
    if (handedOut.isPresent()) {
      return JType.of(handedOut.get());
    }
    if (service.isPresent()) {
      return clientCall(service.get(), name, method);
    }

    if (isModelClass(name) && "toBuilder".equals(method)) {
      return builderOf(receiver);
    }
    return JType.UNKNOWN;
  }

  private JType staticCall(JType type, String method, boolean isClient) {
    boolean creates = "create".equals(method) || "crtCreate".equals(method);
    boolean builds = "builder".equals(method) || "crtBuilder".equals(method);
    if ((isClient || knows(type.name())) && creates) {
      return type.asValue();
    }
    if ((isClient || knows(type.name())) && builds) {
      return builderOf(type);
    }
    return JType.UNKNOWN;
  }

  private JType clientCall(SdkService service, String clientFqn, String method) {
    String pkg = service.packageName();
    boolean async =
        clientFqn.endsWith("." + service.asyncClient()) && !service.asyncClient().isEmpty();
    String client = async ? service.asyncClient() : service.syncClient();
    if ("waiter".equals(method)) {
      return JType.of(pkg + ".waiters." + waiterName(client));
    }
    if ("utilities".equals(method)) {
      return JType.of(
          pkg + "." + client.replace("AsyncClient", "").replace("Client", "") + "Utilities");
    }
    return service
        .operationByMethod(method)
        .map(op -> JType.of(pkg + ".model." + op.name() + "Response"))
        .orElse(JType.UNKNOWN);
  }
}
