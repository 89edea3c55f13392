package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lists, sets, arrays, streams and maps: {@code List.of}, {@code Map.of}, {@code new
 * ArrayList<>()}, {@code add}, {@code put}, {@code get}, and streams that {@code map} over their
 * elements.
 */
final class CollectionValues implements JdkFamily {
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

  CollectionValues(ValueEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  @Override
  public Optional<List<Value>> creation(String type, List<Expression> args, Frame frame) {
    if (COLLECTION_TYPES.contains(type)) {
      if (args.size() == 1
          && !evaluator.analysis().types().typeOf(args.get(0)).name().equals("int")) {
        return Optional.of(evaluator.eval(args.get(0), frame));
      }
      return Optional.of(List.of(new Value.Seq(List.of())));
    }
    if (MAP_TYPES.contains(type)) {
      if (args.size() == 1) {
        return Optional.of(evaluator.eval(args.get(0), frame));
      }
      return Optional.of(List.of(new Value.Entries(List.of())));
    }
    return Optional.empty();
  }

  @Override
  public Optional<List<Value>> staticCall(String method, List<Expression> args, Frame frame) {
    return switch (method) {
      case "java.util.List.of",
          "java.util.Set.of",
          "java.util.stream.Stream.of",
          "java.util.Arrays.asList",
          "java.util.Arrays.stream",
          "java.util.Collections.singletonList",
          "java.util.Collections.singleton",
          "java.util.List.copyOf",
          "java.util.Set.copyOf" ->
          Optional.of(List.of(sequenceOf(args, frame)));
      case "java.util.Collections.emptyList", "java.util.Collections.emptySet" ->
          Optional.of(List.of(new Value.Seq(List.of())));
      case "java.util.Map.of", "java.util.Collections.singletonMap" ->
          Optional.of(List.of(mapOf(args, frame)));
      case "java.util.Map.copyOf" -> Optional.of(evaluator.eval(args.get(0), frame));
      default -> Optional.empty();
    };
  }

  @Override
  public boolean holds(List<Value> receiver) {
    return receiver.get(0) instanceof Value.Seq || receiver.get(0) instanceof Value.Entries;
  }

  @Override
  public Optional<List<Value>> onValue(
      String name, List<Expression> args, List<Value> receiver, Frame frame) {
    return receiver.get(0) instanceof Value.Seq
        ? sequenceCall(name, args, receiver, frame)
        : mapCall(name, args, receiver, frame);
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

  private Optional<List<Value>> sequenceCall(
      String name, List<Expression> args, List<Value> receiver, Frame frame) {
    if (SAME_SEQUENCE.contains(name)) {
      return Optional.of(receiver);
    }
    switch (name) {
      case "add", "offer", "push" -> {
        if (args.size() == 1) {
          Value element = Values.single(evaluator.eval(args.get(0), frame));
          return Optional.of(Values.eachOf(receiver, s -> ((Value.Seq) s).adding(element)));
        }
        return Optional.of(receiver);
      }
      case "addAll" -> {
        List<Value> added = Values.elements(evaluator.eval(args.get(args.size() - 1), frame));
        return Optional.of(
            Values.eachOf(
                receiver,
                s -> {
                  Value.Seq seq = (Value.Seq) s;
                  for (Value v : added) {
                    seq = seq.adding(v);
                  }
                  return seq;
                }));
      }
      case "map" -> {
        if (args.get(0) instanceof LambdaExpr lambda) {
          List<Value> mapped = new ArrayList<>();
          for (Value element : Values.elements(receiver)) {
            mapped.add(Values.single(evaluator.applyLambda(lambda, List.of(element), frame)));
          }
          return Optional.of(List.of(new Value.Seq(mapped)));
        }
        return Optional.of(List.of(new Value.Seq(List.of(Value.opaque("mapped element")))));
      }
      case "get", "getFirst", "getLast", "next" -> {
        return Optional.of(Values.elements(receiver));
      }
      case "findFirst", "findAny" -> {
        return Optional.of(List.of(new Value.Maybe(Values.elements(receiver))));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  /**
   * The maps with an entry minrole cannot know added: {@code keys} (unknown when empty) to an
   * unknown value, so a later look-up of any such key may find it ({@code props.load(in)} can set
   * any property).
   */
  private static List<Value> addingUnknown(List<Value> receiver, List<Value> keys, String how) {
    Value.Entry entry =
        new Value.Entry(
            keys.isEmpty() ? List.of(Value.opaque("a key set by " + how)) : keys,
            List.of(Value.opaque("a value set by " + how)));
    return Values.eachOf(receiver, m -> ((Value.Entries) m).adding(entry));
  }

  private Optional<List<Value>> mapCall(
      String name, List<Expression> args, List<Value> receiver, Frame frame) {
    switch (name) {
      case "put", "putIfAbsent", "setProperty" -> {
        if (args.size() == 2) {
          Value.Entry entry =
              new Value.Entry(
                  evaluator.eval(args.get(0), frame), evaluator.eval(args.get(1), frame));
          return Optional.of(Values.eachOf(receiver, m -> ((Value.Entries) m).adding(entry)));
        }
        return Optional.of(receiver);
      }
      case "putAll" -> {
        if (args.size() == 1) {
          List<Value> from = evaluator.eval(args.get(0), frame);
          if (!from.isEmpty() && from.stream().allMatch(Value.Entries.class::isInstance)) {
            List<Value> out = new ArrayList<>();
            for (Value other : from) {
              for (Value m : receiver) {
                Value.Entries merged = (Value.Entries) m;
                for (Value.Entry e : ((Value.Entries) other).entries()) {
                  merged = merged.adding(e);
                }
                out.add(merged);
              }
            }
            return Optional.of(Values.dedupe(out));
          }
        }
        return Optional.of(addingUnknown(receiver, List.of(), name));
      }
      case "merge", "compute", "computeIfAbsent", "computeIfPresent", "replace" -> {
        return Optional.of(
            addingUnknown(
                receiver, args.isEmpty() ? List.of() : evaluator.eval(args.get(0), frame), name));
      }
      case "load", "loadFromXML", "replaceAll" -> {
        return Optional.of(addingUnknown(receiver, List.of(), name));
      }
      case "get", "getOrDefault", "getProperty" -> {
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
        return Optional.of(Values.dedupe(out));
      }
      case "values" -> {
        List<Value> values = new ArrayList<>();
        receiver.forEach(
            m -> ((Value.Entries) m).entries().forEach(e -> values.add(Values.single(e.values()))));
        return Optional.of(List.of(new Value.Seq(values)));
      }
      case "keySet" -> {
        List<Value> keySet = new ArrayList<>();
        receiver.forEach(
            m -> ((Value.Entries) m).entries().forEach(e -> keySet.add(Values.single(e.keys()))));
        return Optional.of(List.of(new Value.Seq(keySet)));
      }
      default -> {
        return Optional.empty();
      }
    }
  }
}
