package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.List;

/** Recognizes one way code performs SDK operations: client calls, waiters, utilities, libraries. */
interface CallRecognizer {
  /** The operations this call performs, or an empty list if it is not one this recognizer knows. */
  List<Recognized> recognize(MethodCallExpr call, CodeUnit unit, RecognitionContext context);
}
