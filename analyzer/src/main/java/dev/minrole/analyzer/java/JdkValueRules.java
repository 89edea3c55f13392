package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.minrole.analyzer.model.ArgValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the JDK methods that build strings and collections do to values: {@code System.getenv},
 * {@code String.format}, {@code StringBuilder}, {@code Optional.orElse}, {@code List.of}, {@code
 * Map.of}, streams that {@code map} over a list. Anything else is left to the caller.
 */
final class JdkValueRules {
  static final String STRING_BUILDER = "#sb";
  static final String OPTIONAL = "#optional";
  static final String ENVIRONMENT = "#env";
  static final String FUTURE = "#future";

  private static final Set<String> SAME_STRING =
      Set.of("toString", "trim", "strip", "intern", "stripLeading", "stripTrailing");
  private static final Set<String> SAME_SEQUENCE =
      Set.of(
          "stream",
          "parallelStream",
          "filter",
          "sorted",
          "distinct",
          "limit",
          "skip",
          "toList",
          "collect",
          "peek",
          "iterator",
          "spliterator",
          "unordered",
          "sequential",
          "parallel");

  /** Methods of Optional, Iterable and Stream whose first lambda receives the held values. */
  private static final Set<String> ELEMENT_CONSUMERS =
      Set.of(
          "ifPresent",
          "ifPresentOrElse",
          "forEach",
          "forEachOrdered",
          "filter",
          "anyMatch",
          "allMatch",
          "noneMatch",
          "removeIf",
          "peek",
          "takeWhile",
          "dropWhile",
          "flatMap");

  private static final Set<String> COLLECTION_TYPES =
      Set.of(
          "java.util.ArrayList",
          "java.util.LinkedList",
          "java.util.HashSet",
          "java.util.LinkedHashSet",
          "java.util.TreeSet",
          "java.util.ArrayDeque",
          "java.util.concurrent.CopyOnWriteArrayList");
  private static final Set<String> MAP_TYPES =
      Set.of(
          "java.util.HashMap",
          "java.util.LinkedHashMap",
          "java.util.TreeMap",
          "java.util.concurrent.ConcurrentHashMap",
          "java.util.EnumMap",
          "java.util.Properties");

  private final ValueEvaluator evaluator;

  JdkValueRules(ValueEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  /** {@code new StringBuilder(x)}, {@code new ArrayList<>(list)}, {@code new HashMap<>()}. */
  List<Value> creation(ObjectCreationExpr creation, Frame frame) {
    String type = evaluator.analysis().types().typeOf(creation).name();
    List<Expression> args = creation.getArguments();
    if (type.equals("java.lang.StringBuilder") || type.equals("java.lang.StringBuffer")) {
      Value.Obj empty = Value.Obj.empty(STRING_BUILDER);
      if (args.size() == 1 && evaluator.analysis().types().typeOf(args.get(0)).isString()) {
        return eachOf(evaluator.eval(args.get(0), frame), v -> empty.appending("parts", v));
      }
      return List.of(empty);
    }
    if (type.equals("java.lang.String") && args.size() == 1) {
      return evaluator.eval(args.get(0), frame);
    }
    if (COLLECTION_TYPES.contains(type)) {
      if (args.size() == 1
          && !evaluator.analysis().types().typeOf(args.get(0)).name().equals("int")) {
        return evaluator.eval(args.get(0), frame);
      }
      return List.of(new Value.Seq(List.of()));
    }
    if (MAP_TYPES.contains(type)) {
      if (args.size() == 1) {
        return evaluator.eval(args.get(0), frame);
      }
      return List.of(new Value.Entries(List.of()));
    }
    return List.of(Value.opaque("new " + creation.getType().getNameAsString()));
  }

  /** Static JDK methods: {@code System.getenv}, {@code String.format}, {@code List.of}, ... */
  Optional<List<Value>> staticCall(String owner, MethodCallExpr call, Frame frame) {
    String name = call.getNameAsString();
    List<Expression> args = call.getArguments();
    switch (owner + "." + name) {
      case "java.lang.System.getenv":
        return Optional.of(
            args.isEmpty()
                ? List.of(Value.Obj.empty(ENVIRONMENT))
                : eachString(evaluator.eval(args.get(0), frame), n -> new ArgValue.EnvVar(n)));
      case "java.lang.System.getProperty":
        return Optional.of(
            eachString(evaluator.eval(args.get(0), frame), ArgValue.SystemProperty::new));
      case "java.lang.String.format":
        return Optional.of(format(args, frame));
      case "java.lang.String.valueOf":
      case "java.util.Objects.requireNonNull":
      case "java.util.Objects.toString":
      case "java.lang.Integer.toString":
      case "java.lang.Long.toString":
        return Optional.of(evaluator.eval(args.get(0), frame));
      case "java.util.Objects.requireNonNullElse":
        return Optional.of(
            union(evaluator.eval(args.get(0), frame), evaluator.eval(args.get(1), frame)));
      case "java.lang.String.join":
        return Optional.of(join(args, frame));
      case "java.util.Optional.of":
      case "java.util.Optional.ofNullable":
        return Optional.of(
            List.of(Value.Obj.empty(OPTIONAL).with("value", evaluator.eval(args.get(0), frame))));
      case "java.util.Optional.empty":
        return Optional.of(List.of(Value.Obj.empty(OPTIONAL)));
      case "java.util.List.of":
      case "java.util.Set.of":
      case "java.util.stream.Stream.of":
      case "java.util.Arrays.asList":
      case "java.util.Arrays.stream":
      case "java.util.Collections.singletonList":
      case "java.util.Collections.singleton":
      case "java.util.List.copyOf":
      case "java.util.Set.copyOf":
        return Optional.of(List.of(sequenceOf(args, frame)));
      case "java.util.Collections.emptyList":
      case "java.util.Collections.emptySet":
        return Optional.of(List.of(new Value.Seq(List.of())));
      case "java.util.Map.of":
      case "java.util.Collections.singletonMap":
        return Optional.of(List.of(mapOf(args, frame)));
      case "java.util.Map.copyOf":
        return Optional.of(evaluator.eval(args.get(0), frame));
      default:
        return Optional.empty();
    }
  }

  private Value sequenceOf(List<Expression> args, Frame frame) {
    if (args.size() == 1) {
      List<Value> single = evaluator.eval(args.get(0), frame);
      if (!single.isEmpty() && single.stream().allMatch(v -> v instanceof Value.Seq)) {
        return single.get(0);
      }
    }
    return evaluator.sequence(args, frame);
  }

  private Value mapOf(List<Expression> args, Frame frame) {
    List<Value.Entry> entries = new ArrayList<>();
    for (int i = 0; i + 1 < args.size(); i += 2) {
      entries.add(
          new Value.Entry(
              evaluator.eval(args.get(i), frame), evaluator.eval(args.get(i + 1), frame)));
    }
    return new Value.Entries(entries);
  }

  /** Calls on a value the evaluator already knows: strings, builders, optionals, collections. */
  Optional<List<Value>> onValue(MethodCallExpr call, List<Value> receiver, Frame frame) {
    if (receiver.isEmpty()) {
      return Optional.empty();
    }
    Value first = receiver.get(0);
    String name = call.getNameAsString();
    List<Expression> args = call.getArguments();
    if (("name".equals(name) || "toString".equals(name))
        && args.isEmpty()
        && receiver.stream().allMatch(JdkValueRules::isEnumConstant)) {
      List<Value> names = new ArrayList<>();
      receiver.forEach(v -> names.add(new Value.Str(ValueEvaluator.toArg(v))));
      return Optional.of(names);
    }
    if (receiver.stream().allMatch(v -> v instanceof Value.Str)) {
      return stringCall(name, args, receiver, frame);
    }
    if (first instanceof Value.Obj obj) {
      return switch (obj.type()) {
        case STRING_BUILDER -> stringBuilderCall(name, args, receiver, frame);
        case OPTIONAL -> optionalCall(name, args, receiver, frame);
        case ENVIRONMENT -> environmentCall(name, args, frame);
        case FUTURE -> futureCall(name, receiver);
        default -> Optional.empty();
      };
    }
    if (first instanceof Value.Seq) {
      return sequenceCall(name, args, receiver, frame);
    }
    if (first instanceof Value.Entries) {
      return mapCall(name, args, receiver, frame);
    }
    return Optional.empty();
  }

  private Optional<List<Value>> stringCall(
      String name, List<Expression> args, List<Value> receiver, Frame frame) {
    if (SAME_STRING.contains(name) && args.isEmpty()) {
      return Optional.of(receiver);
    }
    switch (name) {
      case "toLowerCase":
        return Optional.of(mapLiterals(receiver, s -> s.toLowerCase(Locale.ROOT)));
      case "toUpperCase":
        return Optional.of(mapLiterals(receiver, s -> s.toUpperCase(Locale.ROOT)));
      case "concat":
        return Optional.of(evaluator.concat(List.of(receiver, evaluator.eval(args.get(0), frame))));
      case "formatted":
        List<Value> out = new ArrayList<>();
        for (Value template : receiver) {
          out.addAll(formatWith(template, args, frame));
        }
        return Optional.of(out);
      default:
        return Optional.empty();
    }
  }

  private Optional<List<Value>> stringBuilderCall(
      String name, List<Expression> args, List<Value> receiver, Frame frame) {
    if ("append".equals(name) && args.size() == 1) {
      List<Value> appended = evaluator.eval(args.get(0), frame);
      List<Value> out = new ArrayList<>();
      for (Value sb : receiver) {
        for (Value part : appended.isEmpty() ? List.of(Value.str("null")) : appended) {
          out.add(((Value.Obj) sb).appending("parts", part));
        }
      }
      return Optional.of(ValueEvaluator.capped(out, "too many possible values"));
    }
    if ("toString".equals(name)) {
      List<Value> out = new ArrayList<>();
      receiver.forEach(v -> out.add(new Value.Str(ValueEvaluator.toArg(v))));
      return Optional.of(out);
    }
    return Optional.of(receiver);
  }

  private Optional<List<Value>> optionalCall(
      String name, List<Expression> args, List<Value> receiver, Frame frame) {
    List<Value> held = new ArrayList<>();
    receiver.forEach(v -> held.addAll(((Value.Obj) v).props().getOrDefault("value", List.of())));
    switch (name) {
      case "get":
      case "orElseThrow":
        return Optional.of(held);
      case "orElse":
        return Optional.of(withFallback(held, evaluator.eval(args.get(0), frame)));
      case "orElseGet":
        return Optional.of(
            args.get(0) instanceof LambdaExpr lambda
                ? withFallback(held, evaluator.applyLambda(lambda, List.of(), frame))
                : held);
      case "map":
        if (args.get(0) instanceof LambdaExpr lambda) {
          return Optional.of(
              List.of(
                  Value.Obj.empty(OPTIONAL)
                      .with("value", evaluator.applyLambda(lambda, held, frame))));
        }
        return Optional.of(List.of(Value.opaque("mapped optional")));
      case "filter":
        return Optional.of(receiver);
      default:
        return Optional.empty();
    }
  }

  /** {@code join()} and {@code get()} of a {@code CompletableFuture} give the value it holds. */
  private static Optional<List<Value>> futureCall(String name, List<Value> receiver) {
    if (!"join".equals(name) && !"get".equals(name)) {
      return Optional.empty();
    }
    List<Value> held = new ArrayList<>();
    for (Value v : receiver) {
      if (!(v instanceof Value.Obj future) || !FUTURE.equals(future.type())) {
        return Optional.empty();
      }
      held.addAll(future.props().getOrDefault("value", List.of()));
    }
    return Optional.of(ValueEvaluator.dedupe(held));
  }

  /**
   * What a JDK method hands to the lambda it is given: an {@code Optional}'s value to {@code
   * ifPresent}, a collection's or stream's elements to {@code forEach}, {@code filter}, {@code
   * anyMatch}. Empty when the lambda is given to anything else or the receiver is not known.
   */
  Optional<List<Value>> lambdaArgument(VarRef.LambdaParam param, Frame frame) {
    if (param.index() != 0
        || !(param.lambda().getParentNode().orElse(null) instanceof MethodCallExpr call)
        || call.getScope().isEmpty()
        || !ELEMENT_CONSUMERS.contains(call.getNameAsString())
        || call.getArguments().isEmpty()
        || call.getArgument(0) != param.lambda()) {
      return Optional.empty();
    }
    List<Value> out = new ArrayList<>();
    for (Value receiver : evaluator.eval(call.getScope().get(), frame)) {
      if (receiver instanceof Value.Obj obj && OPTIONAL.equals(obj.type())) {
        out.addAll(obj.props().getOrDefault("value", List.of()));
      } else if (receiver instanceof Value.Seq seq) {
        out.addAll(seq.elements());
      } else {
        return Optional.empty();
      }
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(ValueEvaluator.dedupe(out));
  }

  /** {@code System.getenv().get("X")} and {@code getOrDefault("X", "d")}. */
  private Optional<List<Value>> environmentCall(String name, List<Expression> args, Frame frame) {
    if (("get".equals(name) || "getOrDefault".equals(name)) && !args.isEmpty()) {
      List<Value> vars =
          eachString(evaluator.eval(args.get(0), frame), n -> new ArgValue.EnvVar(n));
      return Optional.of(
          args.size() > 1 ? withFallback(vars, evaluator.eval(args.get(1), frame)) : vars);
    }
    return Optional.of(List.of(Value.opaque("the environment")));
  }

  /**
   * An environment variable with a literal default becomes one value that carries the default;
   * anything else is simply either value.
   */
  private static List<Value> withFallback(List<Value> primary, List<Value> fallback) {
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

  private Optional<List<Value>> sequenceCall(
      String name, List<Expression> args, List<Value> receiver, Frame frame) {
    if (SAME_SEQUENCE.contains(name)) {
      return Optional.of(receiver);
    }
    switch (name) {
      case "add":
      case "offer":
      case "push":
        if (args.size() == 1) {
          Value element = single(evaluator.eval(args.get(0), frame));
          return Optional.of(eachOf(receiver, s -> ((Value.Seq) s).adding(element)));
        }
        return Optional.of(receiver);
      case "addAll":
        List<Value> added =
            ValueEvaluator.elements(evaluator.eval(args.get(args.size() - 1), frame));
        return Optional.of(
            eachOf(
                receiver,
                s -> {
                  Value.Seq seq = (Value.Seq) s;
                  for (Value v : added) {
                    seq = seq.adding(v);
                  }
                  return seq;
                }));
      case "map":
        if (args.get(0) instanceof LambdaExpr lambda) {
          List<Value> mapped = new ArrayList<>();
          for (Value element : ValueEvaluator.elements(receiver)) {
            mapped.add(single(evaluator.applyLambda(lambda, List.of(element), frame)));
          }
          return Optional.of(List.of(new Value.Seq(mapped)));
        }
        return Optional.of(List.of(new Value.Seq(List.of(Value.opaque("mapped element")))));
      case "get":
      case "getFirst":
      case "getLast":
      case "next":
        return Optional.of(ValueEvaluator.elements(receiver));
      case "findFirst":
      case "findAny":
        return Optional.of(
            List.of(Value.Obj.empty(OPTIONAL).with("value", ValueEvaluator.elements(receiver))));
      default:
        return Optional.empty();
    }
  }

  private Optional<List<Value>> mapCall(
      String name, List<Expression> args, List<Value> receiver, Frame frame) {
    switch (name) {
      case "put":
      case "putIfAbsent":
      case "setProperty":
        if (args.size() == 2) {
          Value.Entry entry =
              new Value.Entry(
                  evaluator.eval(args.get(0), frame), evaluator.eval(args.get(1), frame));
          return Optional.of(eachOf(receiver, m -> ((Value.Entries) m).adding(entry)));
        }
        return Optional.of(receiver);
      case "get":
      case "getOrDefault":
      case "getProperty":
        List<Value> keys = evaluator.eval(args.get(0), frame);
        List<Value> out = new ArrayList<>();
        for (Value m : receiver) {
          for (Value.Entry e : ((Value.Entries) m).entries()) {
            boolean unknownKey =
                keys.stream().anyMatch(k -> !(k instanceof Value.Str s && s.value().isKnown()));
            if (unknownKey || keys.stream().anyMatch(e.keys()::contains)) {
              out.addAll(e.values());
            }
          }
        }
        if (args.size() > 1) {
          out.addAll(evaluator.eval(args.get(1), frame));
        }
        return Optional.of(ValueEvaluator.dedupe(out));
      case "values":
        List<Value> values = new ArrayList<>();
        receiver.forEach(
            m -> ((Value.Entries) m).entries().forEach(e -> values.add(single(e.values()))));
        return Optional.of(List.of(new Value.Seq(values)));
      case "keySet":
        List<Value> keySet = new ArrayList<>();
        receiver.forEach(
            m -> ((Value.Entries) m).entries().forEach(e -> keySet.add(single(e.keys()))));
        return Optional.of(List.of(new Value.Seq(keySet)));
      default:
        return Optional.empty();
    }
  }

  private static boolean isEnumConstant(Value v) {
    return v instanceof Value.Alloc a
        && a.site() instanceof com.github.javaparser.ast.body.EnumConstantDeclaration;
  }

  // ---- strings

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
    return ValueEvaluator.capped(out, "too many possible values");
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
        elements.add(single(evaluator.eval(e, frame)));
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

  // ---- small helpers

  private static Value single(List<Value> alternatives) {
    if (alternatives.size() == 1) {
      return alternatives.get(0);
    }
    return alternatives.isEmpty() ? Value.opaque("null") : Value.opaque("one of several values");
  }

  private static List<Value> eachOf(
      List<Value> values, java.util.function.Function<Value, Value> f) {
    List<Value> out = new ArrayList<>();
    values.forEach(v -> out.add(f.apply(v)));
    return out;
  }

  private static List<Value> eachString(
      List<Value> names, java.util.function.Function<String, ArgValue> f) {
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

  private static List<Value> mapLiterals(
      List<Value> values, java.util.function.UnaryOperator<String> f) {
    List<Value> out = new ArrayList<>();
    for (Value v : values) {
      if (v instanceof Value.Str s && s.value() instanceof ArgValue.Literal literal) {
        out.add(Value.str(f.apply(literal.value())));
      } else {
        out.add(v);
      }
    }
    return out;
  }

  private static List<Value> union(List<Value> a, List<Value> b) {
    return ValueEvaluator.union(a, b);
  }
}
