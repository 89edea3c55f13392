package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.sdk.SdkOperation;
import dev.minrole.analyzer.sdk.SdkService;
import dev.minrole.analyzer.sdk.UtilityMethod;
import dev.minrole.analyzer.sdk.UtilityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A call on an SDK utility ({@code DynamoDbTable.putItem}, {@code S3Presigner.presignGetObject},
 * {@code S3TransferManager.uploadFile}, {@code SqsAsyncBatchManager.sendMessage}): the operations
 * it performs, as {@code utilities.yaml} lists them, with the request found as the method's request
 * kind says. For enhanced-client tables whose bean class uses the versioning or atomic counter
 * extension, the request records the condition or update expression the extension adds.
 */
final class UtilityCallRecognizer implements CallRecognizer {
  private static final String NESTED_PREFIX = "nested:";

  @Override
  public List<Recognized> recognize(
      MethodCallExpr call,
      Expression scope,
      JType receiver,
      CodeUnit unit,
      RecognitionContext context) {
    Optional<UtilityType> type = context.analysis().sdk().utilities().type(receiver.name());
    if (type.isEmpty()) {
      return List.of();
    }
    return recognize(type.get(), receiver.simpleName(), call, scope, unit, context);
  }

  /** The operations a method of the utility {@code type} performs; none for other methods. */
  static List<Recognized> recognize(
      UtilityType type,
      String receiverName,
      MethodCallExpr call,
      Expression scope,
      CodeUnit unit,
      RecognitionContext context) {
    String name = call.getNameAsString();
    Optional<UtilityMethod> method = type.method(name);
    if (method.isEmpty() || !method.get().performsOperations()) {
      return List.of();
    }
    Optional<SdkService> service =
        context.analysis().sdk().inventory().serviceByClient(type.client());
    if (service.isEmpty()) {
      return List.of();
    }
    String kind = method.get().request().orElse("handle");
    String detail = receiverName + "." + name;
    List<Recognized> out = new ArrayList<>();
    for (String operationName : method.get().operations()) {
      Optional<SdkOperation> operation = service.get().operation(operationName);
      if (operation.isEmpty()) {
        context.report(
            Finding.error(
                "UNMAPPED_OPERATION",
                detail
                    + " performs "
                    + operationName
                    + ", which is not in the SDK inventory; this is a bug in"
                    + " minrole's utility data",
                context.location(call)));
        continue;
      }
      String requestClass =
          RecognitionContext.requestClass(service.get(), operation.get().request());
      List<Value> requests =
          requests(kind, operation.get(), requestClass, call, scope, unit, context);
      Optional<Map<String, String>> renames = method.get().membersOf(operationName);
      if (renames.isPresent()) {
        requests = requests.stream().map(r -> renamed(r, requestClass, renames.get())).toList();
      }
      out.add(new Recognized(service.get(), operation.get(), requests, detail));
    }
    return out;
  }

  private static List<Value> requests(
      String kind,
      SdkOperation operation,
      String requestClass,
      MethodCallExpr call,
      Expression scope,
      CodeUnit unit,
      RecognitionContext context) {
    if (kind.equals("handle")) {
      List<Value> handles = context.evaluator().evaluateInContexts(scope, unit);
      List<Value> out = new ArrayList<>();
      for (Value handle : handles) {
        out.add(fromHandle(handle, requestClass, operation, context));
      }
      return out;
    }
    if (call.getArguments().isEmpty()) {
      return List.of(Value.Obj.empty(requestClass));
    }
    Expression argument = call.getArgument(0);
    if (kind.equals("direct")) {
      return context.requests(argument, requestClass, unit);
    }
    List<Value> utilityRequests = context.untypedRequests(argument, unit);
    if (kind.startsWith(NESTED_PREFIX)) {
      String setter = kind.substring(NESTED_PREFIX.length());
      List<Value> out = new ArrayList<>();
      for (Value request : utilityRequests) {
        if (request instanceof Value.Obj obj) {
          out.addAll(obj.props().getOrDefault(setter, List.of(Value.opaque(setter + " not set"))));
        } else {
          out.add(request);
        }
      }
      return out;
    }
    return UtilityRequests.convert(kind, operation.name(), utilityRequests);
  }

  /** The request of an operation the utility sends, with members taken from its own request. */
  private static Value renamed(Value request, String requestClass, Map<String, String> renames) {
    if (!(request instanceof Value.Obj obj)) {
      return request;
    }
    Value.Obj out = Value.Obj.empty(requestClass);
    for (Map.Entry<String, String> r : renames.entrySet()) {
      List<Value> values = obj.props().get(setter(r.getValue()));
      if (values != null) {
        out = out.with(setter(r.getKey()), values);
      }
    }
    return out;
  }

  /**
   * The builder method that sets a member: {@code DestinationBucket} is set by {@code
   * destinationBucket}.
   */
  private static String setter(String member) {
    return Character.toLowerCase(member.charAt(0)) + member.substring(1);
  }

  /** The request a table or index handle sends: its names, and what extensions add. */
  private static Value fromHandle(
      Value handle, String requestClass, SdkOperation op, RecognitionContext context) {
    if (!(handle instanceof Value.Obj obj)) {
      return handle;
    }
    String operation = op.name();
    Value.Obj request = Value.Obj.empty(requestClass);
    for (Map.Entry<String, List<Value>> prop : obj.props().entrySet()) {
      if (isMember(op, prop.getKey())) {
        request = request.with(prop.getKey(), prop.getValue());
      }
    }
    for (String bean : beanClasses(obj)) {
      Optional<TypeInfo> type = context.analysis().index().get(bean);
      if (type.isEmpty()) {
        continue;
      }
      if (("PutItem".equals(operation)
              || "UpdateItem".equals(operation)
              || "DeleteItem".equals(operation))
          && hasAnnotation(type.get(), "DynamoDbVersionAttribute")) {
        request =
            request.with(
                "ConditionExpression",
                List.of(Value.opaque("version check added by VersionedRecordExtension")));
      }
      if ("UpdateItem".equals(operation) && hasAnnotation(type.get(), "DynamoDbAtomicCounter")) {
        request =
            request.with(
                "UpdateExpression",
                List.of(Value.opaque("counter increment added by AtomicCounterExtension")));
      }
    }
    return request;
  }

  /** True if a handle's property is a member of the request: its table name, not its schema. */
  private static boolean isMember(SdkOperation op, String property) {
    return op.members().stream()
        .anyMatch(m -> m.name().equals(property) || m.setter().equals(property));
  }

  private static List<String> beanClasses(Value.Obj handle) {
    List<String> out = new ArrayList<>();
    for (Value schema : handle.props().getOrDefault("schema", List.of())) {
      if (schema instanceof Value.Obj s) {
        for (Value bean : s.props().getOrDefault("bean", List.of())) {
          if (bean instanceof Value.Str str) {
            str.value().literal().ifPresent(out::add);
          }
        }
      }
    }
    return out;
  }

  private static boolean hasAnnotation(TypeInfo type, String annotation) {
    for (MethodInfo m : type.methods()) {
      if (m.hasAnnotation(annotation)) {
        return true;
      }
    }
    for (FieldInfo f : type.fields().values()) {
      if (f.hasAnnotation(annotation)) {
        return true;
      }
    }
    return false;
  }
}
