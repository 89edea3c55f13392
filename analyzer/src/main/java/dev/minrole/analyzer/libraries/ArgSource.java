package dev.minrole.analyzer.libraries;

/**
 * Where a library call's request member gets its value, as the model data writes it: {@code 0}
 * (argument 0), {@code 0.queue} (property {@code queue} set on argument 0), {@code #withTable} (a
 * property of the receiver, configured earlier), {@code @key} (an annotation attribute), {@code
 * =text} (a fixed text), {@code ?why} (unknowable, and why), {@code springTable:1} (the table
 * Spring Cloud AWS names after argument 1's class; {@code -1} is the last argument).
 */
public sealed interface ArgSource {
  record Argument(int index, String property) implements ArgSource {}

  record ReceiverProperty(String property) implements ArgSource {}

  record AnnotationAttribute(String attribute) implements ArgSource {}

  record Fixed(String text) implements ArgSource {}

  record Unknowable(String reason) implements ArgSource {}

  record SpringTable(int index) implements ArgSource {}

  static ArgSource parse(String text) {
    if (text.startsWith("#")) {
      return new ReceiverProperty(text.substring(1));
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
    int dot = text.indexOf('.');
    return dot < 0
        ? new Argument(Integer.parseInt(text), "")
        : new Argument(Integer.parseInt(text.substring(0, dot)), text.substring(dot + 1));
  }
}
