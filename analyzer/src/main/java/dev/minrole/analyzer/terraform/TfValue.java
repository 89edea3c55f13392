package dev.minrole.analyzer.terraform;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.SourceLocation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Terraform value as far as minrole can know it before {@code terraform apply}, with where it is
 * written. Strings, numbers and bools are {@link Text}, each with its alternatives (a conditional
 * whose condition is unknown has two) as {@link ArgValue}s whose unknown parts are {@link
 * ArgValue.Unknown}.
 */
public sealed interface TfValue {
  SourceLocation at();

  /**
   * A string, number or bool. {@code origin} is the resource attribute the value is, when it is
   * exactly one ({@code aws_iam_role.shared.arn}, with {@code module.<name>.} in front inside a
   * module), so a role or policy can be found from the reference that names it.
   */
  record Text(List<ArgValue> alternatives, SourceLocation at, Optional<String> origin)
      implements TfValue {
    public Text {
      alternatives = List.copyOf(alternatives);
    }

    public Text(List<ArgValue> alternatives, SourceLocation at) {
      this(alternatives, at, Optional.empty());
    }

    /** The text if it has exactly one, fully known, value. */
    @Override
    public Optional<String> literal() {
      return alternatives.size() == 1 ? alternatives.get(0).literal() : Optional.empty();
    }

    public Text withOrigin(String address) {
      return new Text(alternatives, at, Optional.of(address));
    }
  }

  /** {@code null}, or an attribute that is not set. */
  record Null(SourceLocation at) implements TfValue {}

  /** A list, set or tuple; nested blocks are a tuple of objects. */
  record Tuple(List<TfValue> items, SourceLocation at) implements TfValue {
    public Tuple {
      items = List.copyOf(items);
    }
  }

  /** An object or map, keys in order, or a block's arguments. */
  record Obj(Map<String, TfValue> fields, SourceLocation at) implements TfValue {
    public Obj {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public TfValue get(String key) {
      TfValue v = fields.get(key);
      return v == null ? new Null(at) : v;
    }
  }

  /**
   * A string that holds a JSON document: what {@code jsonencode} returns, a heredoc or file that is
   * JSON, an {@code aws_iam_policy_document}'s {@code json}.
   */
  record Json(TfValue document, SourceLocation at) implements TfValue {}

  /**
   * The instances a {@code for_each} value makes, each key with its {@code each.value}: a map's
   * entries, or a set of known strings (each value its key); empty if it is known only at apply.
   */
  static Optional<Map<String, TfValue>> forEachInstances(TfValue each) {
    if (each instanceof Obj map) {
      return Optional.of(map.fields());
    }
    if (each instanceof Tuple set && set.items().stream().allMatch(i -> i.literal().isPresent())) {
      Map<String, TfValue> out = new LinkedHashMap<>();
      set.items().forEach(i -> out.put(i.literal().orElseThrow(), i));
      return Optional.of(out);
    }
    return Optional.empty();
  }

  static Text text(String value, SourceLocation at) {
    return new Text(List.of(ArgValue.literal(value)), at);
  }

  static Text unknown(String reason, SourceLocation at) {
    return new Text(List.of(ArgValue.unknown(reason)), at);
  }

  /** True for {@code null} and unset attributes. */
  default boolean isNull() {
    return this instanceof Null;
  }

  /** The value's alternatives as strings; a list or object is unknown. */
  default List<ArgValue> strings() {
    if (this instanceof Text t) {
      return t.alternatives();
    }
    if (this instanceof Null) {
      return List.of();
    }
    return List.of(ArgValue.unknown("a " + kind() + " where a string was expected"));
  }

  /** Every string in the value, flattening lists ({@code actions = ["a", "b"]}). */
  default List<ArgValue> flatStrings() {
    if (this instanceof Tuple t) {
      List<ArgValue> out = new ArrayList<>();
      t.items().forEach(i -> out.addAll(i.flatStrings()));
      return out;
    }
    return strings();
  }

  /** The one known text, if there is exactly one. */
  default Optional<String> literal() {
    return this instanceof Text t ? t.literal() : Optional.empty();
  }

  /** The items of a list (a single value is a list of itself, null is empty). */
  default List<TfValue> items() {
    if (this instanceof Tuple t) {
      return t.items();
    }
    return isNull() ? List.of() : List.of(this);
  }

  /** The first block of a nested block list, or an empty object. */
  default Obj block() {
    for (TfValue item : items()) {
      if (item instanceof Obj o) {
        return o;
      }
    }
    return new Obj(Map.of(), at());
  }

  default Optional<String> origin() {
    return this instanceof Text t ? t.origin() : Optional.empty();
  }

  default String kind() {
    if (this instanceof Tuple) {
      return "list";
    }
    if (this instanceof Obj) {
      return "object";
    }
    if (this instanceof Json) {
      return "JSON document";
    }
    return this instanceof Null ? "null" : "string";
  }
}
