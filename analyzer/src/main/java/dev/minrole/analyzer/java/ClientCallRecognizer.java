package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.sdk.SdkOperation;
import dev.minrole.analyzer.sdk.SdkService;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A call on a sync or async service client: {@code s3.getObject(request)}, {@code dynamo.query(r ->
 * r.tableName(t))}, or a paginator such as {@code listObjectsV2Paginator}. An async call counts
 * like its sync twin.
 */
final class ClientCallRecognizer implements CallRecognizer {
  /** Client methods that are not service operations and need no permission. */
  private static final Set<String> NOT_OPERATIONS =
      Set.of(
          "close",
          "serviceName",
          "waiter",
          "utilities",
          "serviceClientConfiguration",
          "batchManager",
          "toString",
          "hashCode",
          "equals",
          "getClass");

  @Override
  public List<Recognized> recognize(
      MethodCallExpr call,
      Expression scope,
      JType receiver,
      CodeUnit unit,
      RecognitionContext context) {
    if (receiver.staticRef()) {
      return List.of();
    }
    Optional<SdkService> service =
        context.analysis().sdk().inventory().serviceByClient(receiver.name());
    if (service.isEmpty()) {
      return List.of();
    }
    String method = call.getNameAsString();
    Optional<SdkOperation> operation = service.get().operationByMethod(method);
    if (operation.isEmpty()) {
      if (!NOT_OPERATIONS.contains(method)) {
        context.report(
            Finding.warning(
                "UNKNOWN_SDK_METHOD",
                receiver.simpleName()
                    + "."
                    + method
                    + " is not an operation of "
                    + service.get().syncClient()
                    + " in the SDK inventory (AWS SDK "
                    + context.analysis().sdk().inventory().sdkVersion()
                    + "); check the SDK version or report it",
                context.location(call)));
      }
      return List.of();
    }
    SdkOperation op = operation.get();
    List<Value> requests =
        call.getArguments().isEmpty()
            ? List.of(Value.Obj.empty(RecognitionContext.requestClass(service.get(), op.request())))
            : context.requests(
                call.getArgument(0),
                RecognitionContext.requestClass(service.get(), op.request()),
                unit);
    return List.of(
        new Recognized(service.get(), op, requests, receiver.simpleName() + "." + method));
  }
}
