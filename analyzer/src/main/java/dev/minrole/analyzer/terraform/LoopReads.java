package dev.minrole.analyzer.terraform;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The attributes an expression reads from a {@code for} loop's variable: {@code q.arn} and <code>
 * "${q.url}/x"</code> read {@code arn} and {@code url} from {@code q}.
 */
final class LoopReads {
  private LoopReads() {}

  static void attributes(HclExpr e, String variable, Set<String> out) {
    if (e instanceof HclExpr.Reference r) {
      if (r.steps().size() > 1
          && r.steps().get(0) instanceof HclExpr.Step.Name first
          && first.name().equals(variable)
          && r.steps().get(1) instanceof HclExpr.Step.Name attribute) {
        out.add(attribute.name());
      }
      for (HclExpr.Step step : r.steps()) {
        if (step instanceof HclExpr.Step.Index index) {
          attributes(index.index(), variable, out);
        }
      }
    } else if (e instanceof HclExpr.Text text) {
      Matcher m =
          Pattern.compile("(?<![\\w.])" + Pattern.quote(variable) + "\\.([A-Za-z_][\\w-]*)")
              .matcher(text.raw());
      while (m.find()) {
        out.add(m.group(1));
      }
    } else if (e instanceof HclExpr.Template t) {
      t.parts().forEach(p -> attributes(p, variable, out));
    } else if (e instanceof HclExpr.Call c) {
      c.args().forEach(a -> attributes(a, variable, out));
    } else if (e instanceof HclExpr.Tuple t) {
      t.items().forEach(i -> attributes(i, variable, out));
    } else if (e instanceof HclExpr.ObjectCons o) {
      o.entries().values().forEach(v -> attributes(v, variable, out));
    } else if (e instanceof HclExpr.Conditional c) {
      attributes(c.condition(), variable, out);
      attributes(c.ifTrue(), variable, out);
      attributes(c.ifFalse(), variable, out);
    } else if (e instanceof HclExpr.Binary b) {
      attributes(b.left(), variable, out);
      attributes(b.right(), variable, out);
    } else if (e instanceof HclExpr.Unary u) {
      attributes(u.operand(), variable, out);
    } else if (e instanceof HclExpr.For f) {
      attributes(f.collection(), variable, out);
      attributes(f.value(), variable, out);
      f.condition().ifPresent(c -> attributes(c, variable, out));
    }
  }
}
