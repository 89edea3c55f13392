package dev.minrole.analyzer.libraries;

import java.util.List;

/**
 * Where a library call's request member gets its value, as the model data writes it: {@code 0}
 * (argument 0), {@code 0.queue} (property {@code queue} set on argument 0, or its map entry {@code
 * queue}), {@code 0.input/kmsKeyId} (a property of that property: {@code /} separates steps, so map
 * keys may hold dots, as in {@code #config/bootstrap.servers}), {@code 0[*]} (each element of
 * argument 0, one request per element), {@code #withTable} (a property of the receiver, configured
 * earlier), {@code @key} (an annotation attribute), {@code =text} (a fixed text), {@code ?why}
 * (unknowable, and why), {@code springTable:1} (the table Spring Cloud AWS names after argument 1's
 * class; {@code -1} is the last argument).
 */
public sealed interface ArgSource {
  /**
   * Argument {@code index}, or the property path under it; {@code each}: one request per element.
   */
  record Argument(int index, List<String> path, boolean each) implements ArgSource {
    public Argument {
      path = List.copyOf(path);
    }

    public Argument(int index, String property) {
      this(index, property.isEmpty() ? List.of() : List.of(property.split("/")), false);
    }

    /** The first step of the path, or empty. */
    public String property() {
      return path.isEmpty() ? "" : path.get(0);
    }
  }

  record ReceiverProperty(List<String> path) implements ArgSource {
    public ReceiverProperty {
      path = List.copyOf(path);
    }
  }

  record AnnotationAttribute(String attribute) implements ArgSource {}

  record Fixed(String text) implements ArgSource {}

  record Unknowable(String reason) implements ArgSource {}

  record SpringTable(int index) implements ArgSource {}

  /** A source's value followed by fixed text: {@code 1|-WorkerMetricStats}. */
  record Suffixed(ArgSource base, String suffix) implements ArgSource {}

  static ArgSource parse(String text) {
    int bar = text.indexOf('|');
    if (bar > 0) {
      return new Suffixed(parse(text.substring(0, bar)), text.substring(bar + 1));
    }
    if (text.startsWith("#")) {
      return new ReceiverProperty(List.of(text.substring(1).split("/")));
    }
    if (text.startsWith("@")) {
      return new AnnotationAttribute(text.substring(1));
    }
    if (text.startsWith("=")) {
      return new Fixed(text.substring(1));
    }
    if (text.startsWith("?")) {
      return new Unknowable(text.substring(1));
    }
    if (text.startsWith("springTable:")) {
      return new SpringTable(Integer.parseInt(text.substring("springTable:".length())));
    }
    if (text.endsWith("[*]")) {
      return new Argument(Integer.parseInt(text.substring(0, text.length() - 3)), List.of(), true);
    }
    int dot = text.indexOf('.');
    return dot < 0
        ? new Argument(Integer.parseInt(text), "")
        : new Argument(Integer.parseInt(text.substring(0, dot)), text.substring(dot + 1));
  }
}
