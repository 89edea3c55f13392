package dev.minrole.analyzer.java;

import dev.minrole.analyzer.model.ArgValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Small operations on lists of alternative {@link Value}s that the evaluator's parts share. */
final class Values {
  private Values() {}

  /** The string a value stands for, with unknown parts kept as unknown. */
  static ArgValue toArg(Value value) {
    if (value instanceof Value.Str s) {
      return s.value();
    }
    if (value instanceof Value.Opaque o) {
      return ArgValue.unknown(o.reason());
    }
    if (value instanceof Value.Alloc a
        && a.site() instanceof com.github.javaparser.ast.body.EnumConstantDeclaration constant) {
      return ArgValue.literal(constant.getNameAsString());
    }
    if (value instanceof Value.Text text) {
      List<ArgValue> parts = new ArrayList<>();
      for (Value part : text.parts()) {
        parts.add(toArg(part));
      }
      return ArgValue.concat(parts);
    }
    return ArgValue.unknown("an object, not a string");
  }

  /** The elements of each collection; an unknown collection gives one unknown element. */
  static List<Value> elements(List<Value> containers) {
    List<Value> out = new ArrayList<>();
    for (Value v : containers) {
      if (v instanceof Value.Seq seq) {
        out.addAll(seq.elements());
      } else {
        out.add(Value.opaque("element of an unknown collection"));
      }
    }
    return dedupe(out);
  }

  static List<Value> union(List<Value> a, List<Value> b) {
    List<Value> out = new ArrayList<>(a);
    out.addAll(b);
    return dedupe(out);
  }

  static List<Value> dedupe(List<Value> values) {
    return new ArrayList<>(new LinkedHashSet<>(values));
  }

  /**
   * One value standing for several alternatives where only one fits: kept if alone, else unknown.
   */
  static Value single(List<Value> alternatives) {
    if (alternatives.size() == 1) {
      return alternatives.get(0);
    }
    return alternatives.isEmpty() ? Value.opaque("null") : Value.opaque("one of several values");
  }

  static List<Value> eachOf(List<Value> values, Function<Value, Value> f) {
    List<Value> out = new ArrayList<>();
    values.forEach(v -> out.add(f.apply(v)));
    return out;
  }

  /** Each literal string turned into another kind of string, e.g. a name into an env var. */
  static List<Value> eachString(List<Value> names, Function<String, ArgValue> f) {
    List<Value> out = new ArrayList<>();
    for (Value v : names) {
      if (v instanceof Value.Str s && s.value() instanceof ArgValue.Literal literal) {
        out.add(new Value.Str(f.apply(literal.value())));
      } else {
        out.add(Value.opaque("a variable whose name is computed at run time"));
      }
    }
    return out;
  }

  /**
   * An environment variable with a literal default becomes one value that carries the default;
   * anything else is simply either value.
   */
  static List<Value> withFallback(List<Value> primary, List<Value> fallback) {
    if (primary.size() == 1
        && fallback.size() == 1
        && primary.get(0) instanceof Value.Str p
        && p.value() instanceof ArgValue.EnvVar env
        && env.fallback().isEmpty()
        && fallback.get(0) instanceof Value.Str f
        && f.value() instanceof ArgValue.Literal literal) {
      return List.of(new Value.Str(new ArgValue.EnvVar(env.name(), Optional.of(literal.value()))));
    }
    return union(primary, fallback);
  }

  /** Each string literal changed by {@code f}; other values are kept. */
  static List<Value> mapLiterals(List<Value> values, Function<String, String> f) {
    List<Value> out = new ArrayList<>();
    for (Value v : values) {
      if (v instanceof Value.Str s && s.value() instanceof ArgValue.Literal l) {
        out.add(Value.str(f.apply(l.value())));
      } else {
        out.add(v);
      }
    }
    return out;
  }
}
