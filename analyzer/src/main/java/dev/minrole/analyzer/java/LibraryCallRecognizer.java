package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.minrole.analyzer.libraries.LibraryCall;
import dev.minrole.analyzer.libraries.LibraryMethod;
import dev.minrole.analyzer.libraries.LibraryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A call into a modelled library: a template or provider method that performs SDK operations
 * ({@code s3Template.upload(bucket, key, in)}, {@code ssmProvider.get("/app/url")}), or the {@code
 * build()} of a library builder whose product makes calls once configured (Powertools' idempotency
 * store).
 */
final class LibraryCallRecognizer implements CallRecognizer {
  @Override
  public List<Recognized> recognize(
      MethodCallExpr call,
      Expression scope,
      JType receiver,
      CodeUnit unit,
      RecognitionContext context) {
    String name = call.getNameAsString();
    List<LibraryCall> calls;
    Map<Integer, String> lambdaProperties = Map.of();
    String detail;
    if (SdkTypes.isBuilder(receiver) && "build".equals(name)) {
      Optional<LibraryType> built =
          context.analysis().sdk().libraries().type(receiver.arg(0).name());
      if (built.isEmpty() || built.get().onBuild().isEmpty()) {
        return List.of();
      }
      calls = built.get().onBuild();
      detail = receiver.arg(0).simpleName() + ".builder().build";
    } else {
      Optional<LibraryMethod> method =
          context.analysis().sdk().libraries().type(receiver.name()).flatMap(t -> t.method(name));
      if (method.isEmpty() || method.get().calls().isEmpty()) {
        return List.of();
      }
      calls = method.get().calls();
      lambdaProperties = method.get().lambdaProperties();
      detail = receiver.simpleName() + "." + name;
    }
    ValueEvaluator evaluator = context.evaluator();
    List<Value> receiverValues =
        receiver.staticRef() ? List.of() : evaluator.evaluateInContexts(scope, unit);
    LibraryRequests.Sources sources =
        LibraryRequests.ofCall(
            call.getArguments(),
            lambdaProperties,
            e -> evaluator.evaluateInContexts(e, unit),
            lambda ->
                evaluator.evaluateInContexts(
                    f -> evaluator.applyLambda(lambda, List.of(Value.Obj.untyped()), f), unit),
            receiverValues);
    List<Recognized> out = new ArrayList<>();
    for (LibraryCall libraryCall : calls) {
      LibraryRequests.recognize(libraryCall, sources, detail, call, context).ifPresent(out::add);
    }
    return out;
  }
}
