package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.minrole.analyzer.sdk.UtilityType;
import java.util.List;
import java.util.Optional;

/**
 * A call on a client whose real class is not the declared one: {@code S3AsyncClient.crtCreate()}
 * makes an {@code S3CrtAsyncClient}, which splits large uploads and copies into multipart requests
 * by itself, so such a call performs what {@code utilities.yaml} lists for that class. Calls the
 * class does not list, and calls on clients not known to be made so, are left to {@link
 * ClientCallRecognizer}.
 */
final class CrtClientCallRecognizer implements CallRecognizer {

  @Override
  public List<Recognized> recognize(
      MethodCallExpr call,
      Expression scope,
      JType receiver,
      CodeUnit unit,
      RecognitionContext context) {
    if (!context.analysis().sdk().utilities().hasFactories(receiver.name())) {
      return List.of();
    }
    for (Value client : context.evaluator().evaluateInContexts(scope, unit)) {
      Optional<UtilityType> made =
          client instanceof Value.Obj obj
              ? context
                  .analysis()
                  .sdk()
                  .utilities()
                  .type(obj.type())
                  .filter(t -> t.client().equals(receiver.name()))
              : Optional.empty();
      if (made.isPresent() && made.get().method(call.getNameAsString()).isPresent()) {
        return UtilityCallRecognizer.recognize(
            made.get(), receiver.simpleName(), call, scope, unit, context);
      }
    }
    return List.of();
  }
}
