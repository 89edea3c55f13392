package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Futures: {@code join()} and {@code get()} give the value a future completes with. */
final class FutureValues implements JdkFamily {

  @Override
  public boolean holds(List<Value> receiver) {
    return receiver.stream().allMatch(v -> v instanceof Value.Pending);
  }

  @Override
  public Optional<List<Value>> onValue(
      String name, List<Expression> args, List<Value> receiver, Frame frame) {
    if (!"join".equals(name) && !"get".equals(name)) {
      return Optional.empty();
    }
    List<Value> result = new ArrayList<>();
    receiver.forEach(v -> result.addAll(((Value.Pending) v).result()));
    return Optional.of(Values.dedupe(result));
  }
}
