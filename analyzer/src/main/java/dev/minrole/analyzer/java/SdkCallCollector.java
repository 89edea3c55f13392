package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.SdkCall;
import dev.minrole.analyzer.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the recognizers over every call in reachable code and turns what they find into SdkCalls.
 */
final class SdkCallCollector {
  private final List<CallRecognizer> recognizers;
  private final LibraryCreationRecognizer creations = new LibraryCreationRecognizer();

  SdkCallCollector(List<CallRecognizer> recognizers) {
    this.recognizers = List.copyOf(recognizers);
  }

  static SdkCallCollector standard() {
    return new SdkCallCollector(
        List.of(
            new CrtClientCallRecognizer(),
            new ClientCallRecognizer(),
            new WaiterCallRecognizer(),
            new UtilityCallRecognizer(),
            new LibraryCallRecognizer(),
            new Sdk1CallRecognizer(),
            new UnresolvedReceiverRecognizer()));
  }

  List<SdkCall> collect(Iterable<CodeUnit> units, RecognitionContext context) {
    List<SdkCall> calls = new ArrayList<>();
    LibraryAnnotationRecognizer annotations = new LibraryAnnotationRecognizer();
    for (CodeUnit unit : units) {
      for (Node root : unit.roots()) {
        visit(root, unit, context, calls);
      }
      for (LibraryAnnotationRecognizer.Sited sited : annotations.recognize(unit, context)) {
        add(sited.recognized(), context.location(sited.site()), calls);
      }
    }
    return calls;
  }

  private void visit(Node node, CodeUnit unit, RecognitionContext context, List<SdkCall> calls) {
    if (node instanceof TypeDeclaration<?>
        || node instanceof LocalClassDeclarationStmt
        || node instanceof LocalRecordDeclarationStmt) {
      return;
    }
    if (node instanceof MethodCallExpr call) {
      recognize(call, unit, context, calls);
    }
    if (node instanceof ObjectCreationExpr creation) {
      for (Recognized r : creations.recognize(creation, unit, context)) {
        add(r, context.location(creation), calls);
      }
    }
    for (Node child : node.getChildNodes()) {
      if (node instanceof ObjectCreationExpr creation
          && creation.getAnonymousClassBody().isPresent()
          && child instanceof BodyDeclaration<?>) {
        continue;
      }
      visit(child, unit, context, calls);
    }
  }

  private static void add(Recognized r, SourceLocation site, List<SdkCall> calls) {
    add(r, site, Optional.empty(), calls);
  }

  /** The calls {@code r} makes, on a client built for {@code region} if the code sets one. */
  private static void add(
      Recognized r, SourceLocation site, Optional<ArgValue> region, List<SdkCall> calls) {
    RequestArgs args = new RequestArgs(r.service());
    for (Map<String, ArgValue> argMap : args.flatten(r.operation(), r.requests())) {
      calls.add(
          new SdkCall(
              r.service().serviceName(),
              r.operation().name(),
              argMap,
              site,
              r.detail(),
              r.waiter(),
              region));
    }
  }

  private void recognize(
      MethodCallExpr call, CodeUnit unit, RecognitionContext context, List<SdkCall> calls) {
    Optional<Expression> scope = call.getScope();
    if (scope.isEmpty()) {
      return;
    }
    JType receiver = context.typeOf(scope.get());
    for (CallRecognizer recognizer : recognizers) {
      List<Recognized> found = recognizer.recognize(call, scope.get(), receiver, unit, context);
      if (found.isEmpty()) {
        continue;
      }
      SourceLocation site = context.location(call);
      Optional<ArgValue> region = ClientRegions.of(scope.get(), receiver, unit, context);
      for (Recognized r : found) {
        add(r, site, region, calls);
      }
      return;
    }
  }
}
