package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import dev.minrole.analyzer.libraries.AnnotationModel;
import dev.minrole.analyzer.libraries.LibraryCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Annotations that make a library call AWS: on a reachable method ({@code @LargeMessage}) or on a
 * field of a class the function instantiates ({@code @Param(key = "/app/url")}).
 */
final class LibraryAnnotationRecognizer {
  /** An operation found at an annotation. */
  record Sited(Recognized recognized, Node site) {}

  List<Sited> recognize(CodeUnit unit, RecognitionContext context) {
    List<Sited> out = new ArrayList<>();
    if (unit instanceof CodeUnit.Method m) {
      for (AnnotationExpr annotation : m.method().annotations()) {
        recognize(annotation, "method", m.method().node(), unit, context, out);
      }
    } else {
      boolean statics = unit instanceof CodeUnit.StaticInit;
      for (FieldInfo field : unit.owner().fields().values()) {
        if (field.isStatic() == statics) {
          for (AnnotationExpr annotation : field.annotations()) {
            recognize(annotation, "field", field.node(), unit, context, out);
          }
        }
      }
    }
    return out;
  }

  private void recognize(
      AnnotationExpr annotation,
      String target,
      Node context,
      CodeUnit unit,
      RecognitionContext recognition,
      List<Sited> out) {
    JType type = recognition.analysis().names().resolveName(annotation.getNameAsString(), context);
    Optional<AnnotationModel> model =
        recognition.analysis().sdk().libraries().annotation(type.name());
    if (model.isEmpty() || !model.get().target().equals(target)) {
      return;
    }
    String provider =
        Annotations.attribute(annotation, "provider")
            .filter(e -> e instanceof ClassExpr)
            .map(e -> ((ClassExpr) e).getType().asString())
            .map(n -> n.substring(n.lastIndexOf('.') + 1))
            .orElse("default");
    String detail = "@" + model.get().simpleName();
    for (LibraryCall call : model.get().callsFor(provider)) {
      LibraryRequests.Sources sources = sources(annotation, unit, recognition);
      LibraryRequests.recognize(call, sources, detail, annotation, recognition)
          .ifPresent(r -> out.add(new Sited(r, annotation)));
    }
  }

  private static LibraryRequests.Sources sources(
      AnnotationExpr annotation, CodeUnit unit, RecognitionContext context) {
    return new LibraryRequests.Sources() {
      @Override
      public List<Value> argument(int index, String property) {
        return List.of();
      }

      @Override
      public Optional<Expression> argumentExpression(int index) {
        return Optional.empty();
      }

      @Override
      public List<Value> receiverProperty(String property) {
        return List.of();
      }

      @Override
      public List<Value> annotationAttribute(String attribute) {
        Optional<Expression> value = Annotations.attribute(annotation, attribute);
        if (value.isEmpty() && attribute.equals("key")) {
          value = Annotations.attribute(annotation, "value");
        }
        return value
            .map(v -> context.evaluator().evaluateInContexts(v, unit))
            .orElse(
                List.of(
                    Value.opaque(
                        "@" + Annotations.simpleName(annotation) + " has no " + attribute)));
      }
    };
  }
}
