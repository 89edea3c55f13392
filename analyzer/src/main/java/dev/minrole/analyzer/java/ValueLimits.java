package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import dev.minrole.analyzer.model.ArgValue;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The limits of one function's evaluation, and what they did: the work budget in evaluation steps
 * (deterministic, not time), and the values widened because they had more than {@link
 * Widening#MAX_ALTERNATIVES} alternatives or were longer than {@link Widening#MAX_LENGTH}, each
 * remembered with the expression being evaluated, so that it can be reported.
 */
final class ValueLimits {
  private final long budget;
  private long steps;
  private Node exhaustedAt;
  private final IdentityHashMap<Node, Widened> widened = new IdentityHashMap<>();

  /**
   * A value that was widened at {@code at}: {@code alternatives} values (0: too deep), or one too
   * long.
   */
  /** A value widened at {@code at}: how many alternatives it had, and what it became, in words. */
  record Widened(Node at, int alternatives, String result) {}

  ValueLimits(long budget) {
    this.budget = budget;
  }

  /** Counts a step at {@code at}; false once the budget is spent. */
  boolean step(Node at) {
    if (++steps > budget) {
      if (exhaustedAt == null) {
        exhaustedAt = at;
      }
      return false;
    }
    return true;
  }

  /** A concatenation with too many combinations: each part widened to one value, then joined. */
  Value concatWidened(List<List<Value>> parts, Node at) {
    List<ArgValue> joined = new ArrayList<>();
    int combinations = 1;
    for (List<Value> part : parts) {
      List<ArgValue> alternatives = new ArrayList<>();
      for (Value v : part.isEmpty() ? List.of(Value.opaque("null")) : part) {
        alternatives.add(Values.toArg(v));
      }
      combinations = (int) Math.min(Integer.MAX_VALUE, (long) combinations * alternatives.size());
      joined.add(
          alternatives.size() == 1
              ? alternatives.get(0)
              : Widening.widen(alternatives, "one of " + alternatives.size() + " values"));
    }
    ArgValue result = Widening.shorten(ArgValue.concat(joined));
    record(at, combinations, result);
    return new Value.Str(result);
  }

  /**
   * {@code values} without repeats, within the bounds: at most {@link Widening#MAX_ALTERNATIVES}
   * strings (more are widened to what they have in common) and no string or {@code StringBuilder}
   * longer than {@link Widening#MAX_LENGTH}. Each widening is recorded at {@code at}, to be
   * reported.
   */
  List<Value> bound(List<Value> values, Node at) {
    List<Value> distinct = Values.dedupe(values);
    List<Value> out = new ArrayList<>(distinct.size());
    for (Value v : distinct) {
      if (v instanceof Value.Str s && Widening.length(s.value()) > Widening.MAX_LENGTH) {
        ArgValue shorter = Widening.shorten(s.value());
        record(at, 1, shorter);
        out.add(new Value.Str(shorter));
      } else if (v instanceof Value.Text t && length(t) > Widening.MAX_LENGTH) {
        ArgValue shorter = Widening.shorten(Values.toArg(t));
        record(at, 1, shorter);
        out.add(new Value.Text(List.of(new Value.Str(shorter))));
      } else {
        out.add(v);
      }
    }
    if (out.size() <= Widening.MAX_ALTERNATIVES) {
      return out;
    }
    if (out.stream().allMatch(v -> v instanceof Value.Str)) {
      List<ArgValue> strings = out.stream().map(Values::toArg).toList();
      ArgValue result = Widening.widen(strings, "one of " + strings.size() + " values");
      record(at, strings.size(), result);
      return List.of(new Value.Str(result));
    }
    if (out.stream().allMatch(v -> v instanceof Value.Obj)) {
      List<Value> merged = mergeObjects(out, at);
      if (merged.size() <= Widening.MAX_ALTERNATIVES) {
        recordAs(
            at,
            out.size(),
            merged.size() == 1
                ? "one object whose members each take every value they had"
                : merged.size() + " objects whose members each take every value they had");
        return merged;
      }
    }
    recordAs(at, out.size(), "an unknown object");
    return List.of(Value.opaque("one of " + out.size() + " possible objects"));
  }

  /** The length of a {@code StringBuilder}'s pattern, counted without building it. */
  private static int length(Value.Text text) {
    int n = 0;
    for (Value part : text.parts()) {
      n += part instanceof Value.Str s ? Widening.length(s.value()) : 1;
    }
    return n;
  }

  /**
   * Objects of the same type that set the same members, merged into one whose members take the
   * values of all of them (a helper called from 20 places gives one request with 20 buckets, which
   * are then bounded as any value is). Objects that set different members stay apart, so a member
   * one of them leaves unset (an S3 {@code VersionId}) is never taken as always set.
   */
  private List<Value> mergeObjects(List<Value> objects, Node at) {
    Map<List<String>, Map<String, List<Value>>> byShape = new LinkedHashMap<>();
    for (Value v : objects) {
      Value.Obj obj = (Value.Obj) v;
      List<String> shape = new ArrayList<>();
      shape.add(obj.type());
      shape.addAll(new TreeSet<>(obj.props().keySet()));
      Map<String, List<Value>> props = byShape.computeIfAbsent(shape, k -> new LinkedHashMap<>());
      obj.props()
          .forEach((k, values) -> props.computeIfAbsent(k, x -> new ArrayList<>()).addAll(values));
    }
    List<Value> out = new ArrayList<>();
    byShape.forEach(
        (shape, props) -> {
          Map<String, List<Value>> bounded = new LinkedHashMap<>();
          props.forEach((k, values) -> bounded.put(k, bound(values, at)));
          out.add(new Value.Obj(shape.get(0), bounded));
        });
    return out;
  }

  /** Records that the value being evaluated at {@code at} was widened (once per place). */
  void record(Node at, int alternatives, ArgValue result) {
    recordAs(at, alternatives, result.pattern());
  }

  private void recordAs(Node at, int alternatives, String result) {
    if (at != null) {
      widened.putIfAbsent(at, new Widened(at, alternatives, result));
    }
  }

  /** The widenings so far, in no particular order. */
  List<Widened> widenings() {
    return List.copyOf(widened.values());
  }

  /** Where the budget ran out, if it did: the expression being evaluated then. */
  Optional<Node> exhaustedAt() {
    return Optional.ofNullable(exhaustedAt);
  }

  long steps() {
    return steps;
  }

  long budget() {
    return budget;
  }
}
