package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.type.Type;
import java.util.List;
import java.util.Optional;

/**
 * A field, record component or enum constant declared in the sources. {@code initializer} is the
 * expression it is declared with, if any; {@code node} locates it.
 */
record FieldInfo(
    TypeInfo owner,
    String name,
    Type declaredType,
    Optional<Expression> initializer,
    boolean isStatic,
    List<AnnotationExpr> annotations,
    Node node) {

  FieldInfo {
    annotations = List.copyOf(annotations);
  }

  boolean hasAnnotation(String simpleName) {
    return Annotations.has(annotations, simpleName);
  }
}
