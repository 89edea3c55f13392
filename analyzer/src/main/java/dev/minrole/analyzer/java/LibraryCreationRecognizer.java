package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.minrole.analyzer.libraries.LibraryCall;
import dev.minrole.analyzer.libraries.LibraryMethod;
import dev.minrole.analyzer.libraries.LibraryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code new X(...)} of a library type whose constructor model makes calls: creating a Kinesis
 * Client Library {@code ConfigsBuilder} configures the application that reads the stream and keeps
 * its leases in DynamoDB.
 */
final class LibraryCreationRecognizer {
  List<Recognized> recognize(
      ObjectCreationExpr creation, CodeUnit unit, RecognitionContext context) {
    JType type = context.typeOf(creation);
    Optional<LibraryMethod> constructor =
        context.analysis().sdk().libraries().type(type.name()).flatMap(LibraryType::constructor);
    if (constructor.isEmpty() || constructor.get().calls().isEmpty()) {
      return List.of();
    }
    ValueEvaluator evaluator = context.evaluator();
    LibraryRequests.Sources sources =
        LibraryRequests.ofCall(
            creation.getArguments(),
            Map.of(),
            e -> evaluator.evaluateInContexts(e, unit),
            lambda -> List.of(Value.opaque("a lambda")),
            List.of());
    List<Recognized> out = new ArrayList<>();
    for (LibraryCall call : constructor.get().calls()) {
      LibraryRequests.recognize(call, sources, "new " + type.simpleName(), creation, context)
          .ifPresent(out::add);
    }
    return out;
  }
}
