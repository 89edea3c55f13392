package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.minrole.analyzer.sdk.UtilityType;
import java.util.List;
import java.util.Optional;

/**
 * A call on a client made by {@code S3AsyncClient.crtCreate()} or {@code crtBuilder()}: the CRT
 * client splits large uploads and copies into multipart requests by itself, so such a call performs
 * what {@code utilities.yaml} lists for the client's {@code #crt} variant. Calls the variant does
 * not list, and calls on clients not known to be CRT-based, are left to {@link
 * ClientCallRecognizer}.
 */
final class CrtClientCallRecognizer implements CallRecognizer {
  static final String VARIANT = "#crt";

  @Override
  public List<Recognized> recognize(
      MethodCallExpr call, CodeUnit unit, RecognitionContext context) {
    Optional<Expression> scope = call.getScope();
    if (scope.isEmpty()) {
      return List.of();
    }
    JType receiver = context.typeOf(scope.get());
    Optional<UtilityType> variant =
        context.analysis().sdk().utilities().type(receiver.name() + VARIANT);
    if (variant.isEmpty()
        || variant.get().method(call.getNameAsString()).isEmpty()
        || !madeByCrt(context.evaluator().evaluateInContexts(scope.get(), unit))) {
      return List.of();
    }
    return UtilityCallRecognizer.recognize(
        variant.get(), receiver.simpleName(), call, scope.get(), unit, context);
  }

  /** True if any of the objects the call can run on was made by a CRT factory method. */
  private static boolean madeByCrt(List<Value> clients) {
    return clients.stream()
        .anyMatch(c -> c instanceof Value.Obj obj && obj.props().containsKey(SdkBuilders.CRT));
  }
}
