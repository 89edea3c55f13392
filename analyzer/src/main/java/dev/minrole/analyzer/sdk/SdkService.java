package dev.minrole.analyzer.sdk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service client of the AWS SDK for Java v2, as recorded in the SDK inventory: its package,
 * client interfaces, {@code SERVICE_NAME} and operations.
 */
public final class SdkService {
  private final String artifact;
  private final String packageName;
  private final String serviceName;
  private final String syncClient;
  private final String asyncClient;
  private final List<SdkOperation> operations;
  private final Map<String, SdkOperation> byMethod = new HashMap<>();
  private final Map<String, SdkOperation> byRequest = new HashMap<>();
  private final Map<String, SdkOperation> byPaginator = new HashMap<>();
  private final Map<String, SdkOperation> byWaiter = new HashMap<>();
  private final Map<String, SdkOperation> byName = new HashMap<>();
  private final Map<String, List<SdkMember>> shapes;

  SdkService(
      String artifact,
      String packageName,
      String serviceName,
      String syncClient,
      String asyncClient,
      List<SdkOperation> operations,
      Map<String, List<SdkMember>> shapes) {
    this.artifact = artifact;
    this.packageName = packageName;
    this.serviceName = serviceName;
    this.syncClient = syncClient;
    this.asyncClient = asyncClient;
    this.operations = List.copyOf(operations);
    this.shapes = Map.copyOf(shapes);
    for (SdkOperation op : operations) {
      byMethod.putIfAbsent(op.method(), op);
    }
    for (SdkOperation op : operations) {
      op.aliases().forEach(a -> byMethod.putIfAbsent(a, op));
      byRequest.putIfAbsent(op.request(), op);
      byName.putIfAbsent(op.name(), op);
      op.paginators().forEach(p -> byPaginator.putIfAbsent(p, op));
      op.waiters().forEach(w -> byWaiter.putIfAbsent(w, op));
    }
  }

  /**
   * IAM actions no SDK client performs but libraries do with the function's credentials ({@code
   * rds-db:connect}, {@code kafka-cluster:WriteData}): a service named by the IAM prefix whose
   * operations are the actions, with no Java package and no typed members.
   */
  public static SdkService ofIamActions(
      String prefix, Map<String, ? extends java.util.Collection<String>> actions) {
    List<SdkOperation> operations = new java.util.ArrayList<>();
    for (Map.Entry<String, ? extends java.util.Collection<String>> action :
        new java.util.TreeMap<>(actions).entrySet()) {
      List<SdkMember> members = new java.util.ArrayList<>();
      for (String member : new java.util.TreeSet<>(action.getValue())) {
        members.add(new SdkMember(member, member, "String", null, null));
      }
      String name = action.getKey();
      operations.add(
          new SdkOperation(name, name, name, List.of(), List.of(), members, List.of(), false));
    }
    return new SdkService("", "", prefix, "", "", operations, Map.of());
  }

  public String artifact() {
    return artifact;
  }

  public String packageName() {
    return packageName;
  }

  /** The client's {@code SERVICE_NAME}, e.g. {@code s3} or {@code monitoring}. */
  public String serviceName() {
    return serviceName;
  }

  public String syncClient() {
    return syncClient;
  }

  public String asyncClient() {
    return asyncClient;
  }

  public String modelPackage() {
    return packageName + ".model";
  }

  public List<SdkOperation> operations() {
    return operations;
  }

  /**
   * The operation a client method performs: its own method, an alias such as {@code
   * getObjectAsBytes}, or a paginator. Async-only operations are included; they are only callable
   * on the async client, so code that compiles never calls them on the sync one.
   */
  public Optional<SdkOperation> operationByMethod(String method) {
    SdkOperation op = byMethod.get(method);
    return Optional.ofNullable(op != null ? op : byPaginator.get(method));
  }

  /** An operation by its API name, e.g. {@code PutObject}. */
  public Optional<SdkOperation> operation(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Optional<SdkOperation> operationByRequest(String requestSimpleName) {
    return Optional.ofNullable(byRequest.get(requestSimpleName));
  }

  /** The operation a waiter method polls, e.g. {@code waitUntilObjectExists} polls HeadObject. */
  public Optional<SdkOperation> operationByWaiter(String waiterMethod) {
    return Optional.ofNullable(byWaiter.get(waiterMethod));
  }

  /** The members of a structure of this service's model, by its simple class name. */
  public List<SdkMember> shape(String simpleName) {
    return shapes.getOrDefault(simpleName, List.of());
  }

  @Override
  public String toString() {
    return artifact + "(" + serviceName + ")";
  }
}
