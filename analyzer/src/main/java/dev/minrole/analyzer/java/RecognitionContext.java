package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.analyzer.sdk.SdkService;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/** What recognizers share while one function is analyzed: resolvers, the evaluator, findings. */
final class RecognitionContext {
  private final Analysis analysis;
  private final ValueEvaluator evaluator;
  private final List<Finding> findings;

  RecognitionContext(Analysis analysis, ValueEvaluator evaluator, List<Finding> findings) {
    this.analysis = analysis;
    this.evaluator = evaluator;
    this.findings = findings;
  }

  Analysis analysis() {
    return analysis;
  }

  ValueEvaluator evaluator() {
    return evaluator;
  }

  JType typeOf(Expression e) {
    return analysis.types().typeOf(e);
  }

  SourceLocation location(Node node) {
    return Locations.of(node, analysis.index());
  }

  void report(Finding finding) {
    findings.add(finding);
  }

  /**
   * Reports the finding {@code make} gives: in place of the first one reported already that {@code
   * earlier} accepts (given to {@code make}, to merge with), or as a new one.
   */
  void reportMerged(Predicate<Finding> earlier, Function<Optional<Finding>, Finding> make) {
    for (int i = 0; i < findings.size(); i++) {
      if (earlier.test(findings.get(i))) {
        findings.set(i, make.apply(Optional.of(findings.get(i))));
        return;
      }
    }
    findings.add(make.apply(Optional.empty()));
  }

  /**
   * The request objects an argument can be: a request built elsewhere, or a consumer lambda that
   * fills in a fresh builder of {@code requestClass}.
   */
  List<Value> requests(Expression argument, String requestClass, CodeUnit unit) {
    if (argument instanceof LambdaExpr lambda) {
      Value.Obj empty = Value.Obj.empty(requestClass);
      return evaluator.evaluateInContexts(
          frame -> evaluator.applyLambda(lambda, List.of(empty), frame), unit);
    }
    return evaluator.evaluateInContexts(argument, unit);
  }

  /**
   * The objects an argument can be when their SDK class is not known: a nested object built by a
   * consumer lambda, or one built elsewhere.
   */
  List<Value> untypedRequests(Expression argument, CodeUnit unit) {
    if (argument instanceof LambdaExpr lambda) {
      return evaluator.evaluateInContexts(
          frame -> evaluator.applyLambda(lambda, List.of(Value.Obj.untyped()), frame), unit);
    }
    return evaluator.evaluateInContexts(argument, unit);
  }

  static String requestClass(SdkService service, String simpleName) {
    return service.modelPackage() + "." + simpleName;
  }
}
