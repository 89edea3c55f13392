package dev.minrole.analyzer.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node of a CloudFormation template, from YAML or JSON, with the line it starts on. Short-form
 * intrinsic tags are already in their long form: {@code !Ref X} is a map {@code {Ref: X}}, {@code
 * !GetAtt A.B} is {@code {Fn::GetAtt: [A, B]}}.
 */
public sealed interface TNode {
  int line();

  /** A mapping, keys in document order. */
  record TMap(Map<String, TNode> entries, int line) implements TNode {
    public TMap {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public Optional<TNode> get(String key) {
      return Optional.ofNullable(entries.get(key));
    }

    /** The map under {@code key}, or an empty map. */
    public TMap map(String key) {
      return entries.get(key) instanceof TMap m ? m : new TMap(Map.of(), line);
    }

    public Optional<String> text(String key) {
      return get(key).flatMap(TNode::text);
    }

    /** True if this map is one intrinsic function, e.g. {@code {Ref: X}}. */
    public boolean isIntrinsic() {
      if (entries.size() != 1) {
        return false;
      }
      String key = entries.keySet().iterator().next();
      return key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition");
    }
  }

  /** A sequence. */
  record TList(List<TNode> items, int line) implements TNode {
    public TList {
      items = List.copyOf(items);
    }
  }

  /** A scalar as written; {@code value} is null for YAML's null. */
  record TScalar(String value, int line) implements TNode {}

  /** The scalar's text, if this is a non-null scalar. */
  default Optional<String> text() {
    return this instanceof TScalar s ? Optional.ofNullable(s.value()) : Optional.empty();
  }

  default Optional<TMap> asMap() {
    return this instanceof TMap m ? Optional.of(m) : Optional.empty();
  }

  default List<TNode> items() {
    return this instanceof TList l ? l.items() : List.of();
  }
}
