package dev.minrole.analyzer.java;

import dev.minrole.analyzer.model.ArgValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the evaluator knows about the value of an expression. Strings are {@link ArgValue}s;
 * builders, requests and SDK handles are objects with the properties set on them; lists and maps
 * keep their elements; the JDK helpers the evaluator models (a {@code StringBuilder}, an {@code
 * Optional}, a {@code CompletableFuture}, the environment map) have a variant each. Every property
 * holds alternatives: all the values it can have.
 */
sealed interface Value {

  /** A string, number, boolean or enum constant. */
  record Str(ArgValue value) implements Value {}

  /**
   * An SDK object whose properties the code sets: a request or its builder ({@code type} is the
   * built class), a handle such as a {@code DynamoDbTable} or {@code TableSchema}, or a client
   * ({@code type} is the class the object really has, e.g. the CRT-based S3 client's). {@code type}
   * is empty for a nested object whose class the evaluator does not know: the builder a consumer
   * lambda of a nested member receives. Properties are keyed by setter name.
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

    /** A nested SDK object of a class the evaluator does not know. */
    static Obj untyped() {
      return new Obj("", Map.of());
    }

    boolean isUntyped() {
      return type.isEmpty();
    }

    Obj with(String prop, List<Value> values) {
      Map<String, List<Value>> next = new LinkedHashMap<>(props);
      next.put(prop, values);
      return new Obj(type, next);
    }
  }

  /** A {@code StringBuilder} or {@code StringBuffer}: the parts appended to it, in order. */
  record Text(List<Value> parts) implements Value {
    public Text {
      parts = List.copyOf(parts);
    }

    Text appending(Value part) {
      List<Value> next = new ArrayList<>(parts);
      next.add(part);
      return new Text(next);
    }
  }

  /** An {@code Optional}: the values it may hold (none for {@code Optional.empty()}). */
  record Maybe(List<Value> held) implements Value {
    public Maybe {
      held = List.copyOf(held);
    }
  }

  /** A {@code CompletableFuture} or other future: the values it completes with. */
  record Pending(List<Value> result) implements Value {
    public Pending {
      result = List.copyOf(result);
    }
  }

  /** {@code System.getenv()}, the map of all environment variables. */
  record Environment() implements Value {}

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
    @SuppressWarnings(
        "ReferenceEquality") // JavaParser nodes compare structurally; identity is meant
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
