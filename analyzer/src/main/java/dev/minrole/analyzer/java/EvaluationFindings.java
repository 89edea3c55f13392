package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.minrole.analyzer.model.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the evaluator reports about its own limits: values it widened ({@code VALUE_WIDENED}) and a
 * spent work budget ({@code ANALYSIS_BUDGET}), so that nothing is widened or cut short silently.
 */
final class EvaluationFindings {
  private EvaluationFindings() {}

  /**
   * The places a function's {@code VALUE_WIDENED} findings name one by one; the rest are counted.
   */
  static final int WIDENINGS_LISTED = 10;

  static List<Finding> of(ValueEvaluator evaluator, Analysis analysis) {
    List<Finding> out = new ArrayList<>();
    List<ValueLimits.Widened> widenings = new ArrayList<>(evaluator.limits().widenings());
    widenings.sort(
        Comparator.comparing((ValueLimits.Widened w) -> Locations.of(w.at(), analysis.index()))
            .thenComparingInt(w -> w.at().getBegin().map(p -> p.column).orElse(0))
            .thenComparing(w -> w.at().getEnd().map(p -> p.line).orElse(0))
            .thenComparing(w -> w.at().getEnd().map(p -> p.column).orElse(0)));
    if (widenings.size() > WIDENINGS_LISTED) {
      List<ValueLimits.Widened> rest = widenings.subList(WIDENINGS_LISTED, widenings.size());
      ValueLimits.Widened first = rest.get(0);
      out.add(
          Finding.warning(
              "VALUE_WIDENED",
              rest.size()
                  + " more values in this function are widened the same way, from "
                  + Locations.of(first.at(), analysis.index())
                  + " on; each widened value covers everything it stood for. Use fewer distinct"
                  + " values, or shorter ones",
              Locations.of(first.at(), analysis.index())));
      widenings = widenings.subList(0, WIDENINGS_LISTED);
    }
    for (ValueLimits.Widened w : widenings) {
      String what =
          w.alternatives() == 0
              ? "is built through more than "
                  + ValueEvaluator.MAX_DEPTH
                  + " nested steps, more than minrole follows"
              : w.alternatives() > 1
                  ? "can be one of "
                      + w.alternatives()
                      + " values, more than the "
                      + Widening.MAX_ALTERNATIVES
                      + " minrole follows exactly"
                  : "is longer than the " + Widening.MAX_LENGTH + " characters minrole keeps";
      out.add(
          Finding.warning(
              "VALUE_WIDENED",
              NodeText.describe(w.at())
                  + " "
                  + what
                  + "; it is widened to "
                  + w.result()
                  + ", which covers them all. Use fewer distinct values, or a constant",
              Locations.of(w.at(), analysis.index())));
    }
    evaluator
        .limits()
        .exhaustedAt()
        .ifPresent(
            at ->
                out.add(
                    Finding.warning(
                        "ANALYSIS_BUDGET",
                        "the analysis spent its budget of "
                            + evaluator.limits().budget()
                            + " evaluation steps in "
                            + methodOf(at)
                            + "; values evaluated after that are unknown, so the policy may"
                            + " lack what they name. Simplify how that method builds its values,"
                            + " or split the function",
                        Locations.of(at, analysis.index()))));
    return out;
  }

  private static String methodOf(Node node) {
    String method = null;
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      if (method == null && n instanceof CallableDeclaration<?> c) {
        method = c.getNameAsString();
      }
      if (n instanceof TypeDeclaration<?> t) {
        return t.getNameAsString() + (method == null ? " (initialization)" : "." + method);
      }
    }
    return method == null ? "the sources" : method;
  }
}
