package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.List;

/** Recognizes one way code performs SDK operations: client calls, waiters, utilities, libraries. */
interface CallRecognizer {
  /**
   * The operations this call performs, or an empty list if it is not one this recognizer knows.
   * {@code scope} is what the method is called on and {@code receiver} its type: a call without one
   * is never an SDK call, so it is not offered.
   */
  List<Recognized> recognize(
      MethodCallExpr call,
      Expression scope,
      JType receiver,
      CodeUnit unit,
      RecognitionContext context);
}
