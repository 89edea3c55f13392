package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import java.util.Collection;
import java.util.Optional;

/** Looks up annotations by simple name, whatever package they come from. */
final class Annotations {
  private Annotations() {}

  static boolean has(Collection<AnnotationExpr> annotations, String simpleName) {
    return find(annotations, simpleName).isPresent();
  }

  static boolean hasAny(Collection<AnnotationExpr> annotations, Collection<String> simpleNames) {
    return annotations.stream().anyMatch(a -> simpleNames.contains(simpleName(a)));
  }

  static Optional<AnnotationExpr> find(Collection<AnnotationExpr> annotations, String simpleName) {
    return annotations.stream().filter(a -> simpleName(a).equals(simpleName)).findFirst();
  }

  static String simpleName(AnnotationExpr annotation) {
    return annotation.getName().getIdentifier();
  }

  /** The annotation's {@code value} (or the named attribute), if it has one. */
  static Optional<Expression> attribute(AnnotationExpr annotation, String name) {
    if (annotation instanceof SingleMemberAnnotationExpr single && "value".equals(name)) {
      return Optional.of(single.getMemberValue());
    }
    if (annotation instanceof NormalAnnotationExpr normal) {
      for (MemberValuePair pair : normal.getPairs()) {
        if (pair.getNameAsString().equals(name)) {
          return Optional.of(pair.getValue());
        }
      }
    }
    return Optional.empty();
  }
}
