package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.Expression;
import dev.minrole.analyzer.model.ArgValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Strings: {@code String.format}, {@code formatted}, {@code String.join}, {@code String.valueOf},
 * case changes and trimming, and the {@code Objects} helpers that pass a string through.
 */
final class StringValues implements JdkFamily {
  private static final Set<String> SAME_STRING =
      Set.of("toString", "trim", "strip", "intern", "stripLeading", "stripTrailing");

  private final ValueEvaluator evaluator;

  StringValues(ValueEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  @Override
  public Optional<List<Value>> creation(String type, List<Expression> args, Frame frame) {
    if (type.equals("java.lang.String") && args.size() == 1) {
      return Optional.of(evaluator.eval(args.get(0), frame));
    }
    return Optional.empty();
  }

  @Override
  public Optional<List<Value>> staticCall(String method, List<Expression> args, Frame frame) {
    return switch (method) {
      case "java.lang.String.format" -> Optional.of(format(args, frame));
      case "java.lang.String.valueOf",
          "java.util.Objects.requireNonNull",
          "java.util.Objects.toString",
          "java.lang.Integer.toString",
          "java.lang.Long.toString" ->
          Optional.of(evaluator.eval(args.get(0), frame));
      case "java.util.Objects.requireNonNullElse" ->
          Optional.of(
              Values.union(evaluator.eval(args.get(0), frame), evaluator.eval(args.get(1), frame)));
      case "java.lang.String.join" -> Optional.of(join(args, frame));
      default -> Optional.empty();
    };
  }

  @Override
  public boolean holds(List<Value> receiver) {
    return receiver.stream().allMatch(v -> v instanceof Value.Str);
  }

  @Override
  public Optional<List<Value>> onValue(
      String name, List<Expression> args, List<Value> receiver, Frame frame) {
    if (SAME_STRING.contains(name) && args.isEmpty()) {
      return Optional.of(receiver);
    }
    switch (name) {
      case "toLowerCase" -> {
        return Optional.of(Values.mapLiterals(receiver, s -> s.toLowerCase(Locale.ROOT)));
      }
      case "toUpperCase" -> {
        return Optional.of(Values.mapLiterals(receiver, s -> s.toUpperCase(Locale.ROOT)));
      }
      case "concat" -> {
        return Optional.of(evaluator.concat(List.of(receiver, evaluator.eval(args.get(0), frame))));
      }
      case "formatted" -> {
        List<Value> out = new ArrayList<>();
        for (Value template : receiver) {
          out.addAll(formatWith(template, args, frame));
        }
        return Optional.of(out);
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private List<Value> format(List<Expression> args, Frame frame) {
    if (args.isEmpty()) {
      return List.of(Value.opaque("String.format()"));
    }
    int first = evaluator.analysis().types().typeOf(args.get(0)).isString() ? 0 : 1;
    if (first >= args.size()) {
      return List.of(Value.opaque("String.format()"));
    }
    List<Value> out = new ArrayList<>();
    for (Value template : evaluator.eval(args.get(first), frame)) {
      out.addAll(formatWith(template, args.subList(first + 1, args.size()), frame));
    }
    return evaluator.bound(out);
  }

  /** Splits a format string at its conversions and puts the evaluated arguments in their place. */
  private List<Value> formatWith(Value template, List<Expression> args, Frame frame) {
    if (!(template instanceof Value.Str s) || !(s.value() instanceof ArgValue.Literal literal)) {
      return List.of(Value.opaque("a computed format string"));
    }
    String text = literal.value();
    List<List<Value>> parts = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    int next = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '%' || i + 1 >= text.length()) {
        plain.append(c);
        continue;
      }
      int end = i + 1;
      while (end < text.length() && "0123456789$-#+ ,.(".indexOf(text.charAt(end)) >= 0) {
        end++;
      }
      if (end >= text.length()) {
        plain.append(text.substring(i));
        break;
      }
      char conversion = text.charAt(end);
      if (conversion == '%') {
        plain.append('%');
      } else if (conversion == 'n') {
        plain.append('\n');
      } else {
        parts.add(List.of(Value.str(plain.toString())));
        plain.setLength(0);
        parts.add(
            next < args.size()
                ? evaluator.eval(args.get(next), frame)
                : List.of(Value.opaque("missing format argument")));
        next++;
      }
      i = end;
    }
    parts.add(List.of(Value.str(plain.toString())));
    return evaluator.concat(parts);
  }

  private List<Value> join(List<Expression> args, Frame frame) {
    if (args.size() < 2) {
      return List.of(Value.opaque("String.join"));
    }
    List<Value> separator = evaluator.eval(args.get(0), frame);
    List<List<Value>> parts = new ArrayList<>();
    List<Value> elements;
    if (args.size() == 2) {
      List<Value> seqs = evaluator.eval(args.get(1), frame);
      if (seqs.size() == 1 && seqs.get(0) instanceof Value.Seq seq) {
        elements = seq.elements();
      } else if (seqs.size() == 1) {
        elements = seqs;
      } else {
        return List.of(Value.opaque("joined collection"));
      }
    } else {
      elements = new ArrayList<>();
      for (Expression e : args.subList(1, args.size())) {
        elements.add(Values.single(evaluator.eval(e, frame)));
      }
    }
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        parts.add(separator);
      }
      parts.add(List.of(elements.get(i)));
    }
    return evaluator.concat(parts);
  }
}
