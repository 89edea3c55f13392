package dev.minrole.generator.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as minrole writes it: mappings in the order they were built, sequences, string
 * scalars, and scalars with a CloudFormation short-form tag such as {@code !Sub} or {@code !Ref}.
 * Written by {@link YamlWriter}.
 */
public sealed interface Yaml {

  /** A string. */
  record Text(String value) implements Yaml {}

  /** A scalar with a tag: {@code !Sub arn:${AWS::Partition}:s3:::media}. */
  record Tagged(String tag, String value) implements Yaml {}

  /** A sequence. */
  record Seq(List<Yaml> items) implements Yaml {
    public Seq {
      items = List.copyOf(items);
    }
  }

  /** A mapping whose keys keep the order they were put in. */
  record Mapping(Map<String, Yaml> entries) implements Yaml {
    public Mapping {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }
  }

  static Text text(String value) {
    return new Text(value);
  }

  static Seq seq(List<? extends Yaml> items) {
    return new Seq(new ArrayList<>(items));
  }

  /** A mapping from alternating keys and values: {@code map("Type", text("AWS::IAM::Role"))}. */
  static Mapping map(Object... keysAndValues) {
    Map<String, Yaml> entries = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      entries.put((String) keysAndValues[i], (Yaml) keysAndValues[i + 1]);
    }
    return new Mapping(entries);
  }

  /** A JSON tree as YAML; numbers and booleans become their text. */
  static Yaml of(JsonNode node) {
    if (node.isObject()) {
      Map<String, Yaml> entries = new LinkedHashMap<>();
      node.properties().forEach(e -> entries.put(e.getKey(), of(e.getValue())));
      return new Mapping(entries);
    }
    if (node.isArray()) {
      List<Yaml> items = new ArrayList<>();
      node.forEach(n -> items.add(of(n)));
      return new Seq(items);
    }
    return new Text(node.asText());
  }
}
