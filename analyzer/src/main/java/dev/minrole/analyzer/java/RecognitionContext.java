package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.analyzer.sdk.SdkService;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** What recognizers share while one function is analyzed: resolvers, the evaluator, findings. */
final class RecognitionContext {
  private final Analysis analysis;
  private final ValueEvaluator evaluator;
  private final List<Finding> findings;
  private final Map<Object, Set<String>> accumulated = new HashMap<>();
  private final Map<Object, Integer> accumulatedAt = new HashMap<>();

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
   * Reports one finding per {@code key}, made by {@code make} from every item reported under that
   * key so far, in order: the first report adds it, later ones replace it in place.
   */
  void reportAccumulated(Object key, String item, Function<List<String>, Finding> make) {
    Set<String> items = accumulated.computeIfAbsent(key, k -> new LinkedHashSet<>());
    items.add(item);
    Finding finding = make.apply(List.copyOf(items));
    Integer at = accumulatedAt.get(key);
    if (at == null) {
      accumulatedAt.put(key, findings.size());
      findings.add(finding);
    } else {
      findings.set(at, finding);
    }
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
