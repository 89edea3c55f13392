package dev.minrole.analyzer.java;

import dev.minrole.analyzer.model.ArgValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the evaluator knows about the value of an expression. Strings are {@link ArgValue}s;
 * builders, requests and SDK handles are objects with the properties set on them; lists and maps
 * keep their elements. Every property holds alternatives: all the values it can have.
 */
sealed interface Value {

  /** A string, number, boolean or enum constant. */
  record Str(ArgValue value) implements Value {}

  /**
   * An object whose properties the code sets: an SDK request or its builder ({@code type} is the
   * built class), an SDK handle such as a {@code DynamoDbTable}, or a helper such as a {@code
   * StringBuilder} ({@code #sb}), {@code Optional} ({@code #optional}) or {@code CompletableFuture}
   * ({@code #future}).
   */
  record Obj(String type, Map<String, List<Value>> props) implements Value {
    public Obj {
      Map<String, List<Value>> copy = new LinkedHashMap<>();
      props.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      props = java.util.Collections.unmodifiableMap(copy);
    }

    static Obj empty(String type) {
      return new Obj(type, Map.of());
    }

    Obj with(String prop, List<Value> values) {
      Map<String, List<Value>> next = new LinkedHashMap<>(props);
      next.put(prop, values);
      return new Obj(type, next);
    }

    /** Appends to a list-valued property, as {@code StringBuilder.append} does. */
    Obj appending(String prop, Value value) {
      List<Value> parts = new ArrayList<>(props.getOrDefault(prop, List.of()));
      parts.add(value);
      return with(prop, parts);
    }
  }

  /** A list, array, set, stream or varargs, in order. */
  record Seq(List<Value> elements) implements Value {
    public Seq {
      elements = List.copyOf(elements);
    }

    Seq adding(Value element) {
      List<Value> next = new ArrayList<>(elements);
      next.add(element);
      return new Seq(next);
    }
  }

  /** A map, entry by entry; each key and value holds its alternatives. */
  record Entries(List<Entry> entries) implements Value {
    public Entries {
      entries = List.copyOf(entries);
    }

    Entries adding(Entry entry) {
      List<Entry> next = new ArrayList<>(entries);
      next.add(entry);
      return new Entries(next);
    }
  }

  record Entry(List<Value> keys, List<Value> values) {
    public Entry {
      keys = List.copyOf(keys);
      values = List.copyOf(values);
    }
  }

  /** A value the evaluator cannot know, and why. */
  record Opaque(String reason) implements Value {}

  /**
   * An object of a class of the sources, created at {@code site} (a {@code new}, or an enum
   * constant's declaration) in the calling context {@code frame}: its fields have the values its
   * constructor gave them there, not those of every instance of the class.
   */
  record Alloc(com.github.javaparser.ast.Node site, Frame frame) implements Value {
    @Override
    public boolean equals(Object other) {
      return other instanceof Alloc a && a.site == site && java.util.Objects.equals(a.frame, frame);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(site);
    }
  }

  static Value str(String literal) {
    return new Str(ArgValue.literal(literal));
  }

  static Value opaque(String reason) {
    return new Opaque(reason);
  }
}
