package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.minrole.analyzer.sdk.SdkOperation;
import dev.minrole.analyzer.sdk.SdkService;
import java.util.List;
import java.util.Optional;

/**
 * A waiter call such as {@code s3.waiter().waitUntilObjectExists(r)}: it performs the polled
 * operation.
 */
final class WaiterCallRecognizer implements CallRecognizer {
  @Override
  public List<Recognized> recognize(
      MethodCallExpr call,
      Expression scope,
      JType receiver,
      CodeUnit unit,
      RecognitionContext context) {
    if (!call.getNameAsString().startsWith("waitUntil")) {
      return List.of();
    }
    Optional<SdkService> service = context.analysis().sdk().waiterService(receiver.name());
    if (service.isEmpty()) {
      return List.of();
    }
    Optional<SdkOperation> operation = service.get().operationByWaiter(call.getNameAsString());
    if (operation.isEmpty() || call.getArguments().isEmpty()) {
      return List.of();
    }
    SdkOperation op = operation.get();
    List<Value> requests =
        context.requests(
            call.getArgument(0),
            RecognitionContext.requestClass(service.get(), op.request()),
            unit);
    String waiter = call.getNameAsString().substring("waitUntil".length());
    return List.of(
        new Recognized(
            service.get(),
            op,
            requests,
            receiver.simpleName() + "." + call.getNameAsString(),
            Optional.of(waiter)));
  }
}
