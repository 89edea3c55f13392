package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code StringBuilder} and {@code StringBuffer}: what is appended, and the text they give. */
final class TextValues implements JdkFamily {
  private final ValueEvaluator evaluator;

  TextValues(ValueEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  @Override
  public Optional<List<Value>> creation(String type, List<Expression> args, Frame frame) {
    if (!type.equals("java.lang.StringBuilder") && !type.equals("java.lang.StringBuffer")) {
      return Optional.empty();
    }
    Value.Text empty = new Value.Text(List.of());
    if (args.size() == 1 && evaluator.analysis().types().typeOf(args.get(0)).isString()) {
      return Optional.of(Values.eachOf(evaluator.eval(args.get(0), frame), empty::appending));
    }
    return Optional.of(List.of(empty));
  }

  @Override
  public boolean holds(List<Value> receiver) {
    return receiver.get(0) instanceof Value.Text;
  }

  @Override
  public Optional<List<Value>> onValue(
      String name, List<Expression> args, List<Value> receiver, Frame frame) {
    if ("append".equals(name) && args.size() == 1) {
      List<Value> appended = evaluator.eval(args.get(0), frame);
      List<Value> out = new ArrayList<>();
      for (Value text : receiver) {
        for (Value part : appended.isEmpty() ? List.of(Value.str("null")) : appended) {
          out.add(text instanceof Value.Text t ? t.appending(part) : text);
        }
      }
      return Optional.of(evaluator.bound(out));
    }
    if ("toString".equals(name)) {
      List<Value> out = new ArrayList<>();
      receiver.forEach(v -> out.add(new Value.Str(Values.toArg(v))));
      return Optional.of(out);
    }
    return Optional.of(receiver);
  }
}
