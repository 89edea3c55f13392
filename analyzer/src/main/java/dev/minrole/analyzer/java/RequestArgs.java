package dev.minrole.analyzer.java;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.sdk.SdkMember;
import dev.minrole.analyzer.sdk.SdkOperation;
import dev.minrole.analyzer.sdk.SdkService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns evaluated request objects into the member paths of an {@code SdkCall}: setter names become
 * model member names ({@code ssekmsKeyId} is {@code SSEKMSKeyId}), nested structures are joined
 * with dots, and list and map elements get an index. A property with several possible values gives
 * one argument map per combination, up to {@link #MAX_COMBINATIONS}; beyond that the differing
 * members become unknown rather than multiplying.
 */
final class RequestArgs {
  static final int MAX_COMBINATIONS = 32;

  private final SdkService service;

  RequestArgs(SdkService service) {
    this.service = service;
  }

  List<Map<String, ArgValue>> flatten(SdkOperation operation, List<Value> requests) {
    Map<String, SdkMember> members = bySetter(operation.members());
    List<Map<String, ArgValue>> out = new ArrayList<>();
    for (Value request : requests) {
      out.addAll(object("", request, members));
    }
    if (out.isEmpty()) {
      out.add(Map.of());
    }
    return collapse(new ArrayList<>(new LinkedHashSet<>(out)));
  }

  private List<Map<String, ArgValue>> value(String path, Value value, Optional<String> shape) {
    if (value instanceof Value.Str s) {
      return List.of(Map.of(path, s.value()));
    }
    if (value instanceof Value.Opaque o) {
      return List.of(Map.of(path, ArgValue.unknown(o.reason())));
    }
    if (value instanceof Value.Seq seq) {
      List<Map<String, ArgValue>> combos = List.of(Map.of());
      for (int i = 0; i < seq.elements().size(); i++) {
        combos = cross(combos, value(path + "[" + i + "]", seq.elements().get(i), shape));
      }
      return combos;
    }
    if (value instanceof Value.Entries entries) {
      List<Map<String, ArgValue>> combos = List.of(Map.of());
      for (int i = 0; i < entries.entries().size(); i++) {
        Value.Entry entry = entries.entries().get(i);
        combos =
            cross(combos, alternatives(path + "[" + i + "].key", entry.keys(), Optional.empty()));
        combos = cross(combos, alternatives(path + "[" + i + "].value", entry.values(), shape));
      }
      return combos;
    }
    if (value instanceof Value.Text
        || value instanceof Value.Maybe
        || value instanceof Value.Pending
        || value instanceof Value.Environment) {
      return List.of(Map.of(path, Values.toArg(value)));
    }
    Map<String, SdkMember> members = shape.map(s -> bySetter(service.shape(s))).orElse(Map.of());
    return object(path + ".", value, members);
  }

  private List<Map<String, ArgValue>> object(
      String prefix, Value value, Map<String, SdkMember> members) {
    if (!(value instanceof Value.Obj obj)) {
      return value instanceof Value.Opaque o && !prefix.isEmpty()
          ? List.of(Map.of(prefix.substring(0, prefix.length() - 1), ArgValue.unknown(o.reason())))
          : List.of(Map.of());
    }
    List<Map<String, ArgValue>> combos = List.of(Map.of());
    for (Map.Entry<String, List<Value>> prop : obj.props().entrySet()) {
      SdkMember member = members.get(prop.getKey());
      String name = member != null ? member.name() : capitalize(prop.getKey());
      Optional<String> shape = member == null ? Optional.empty() : member.structure();
      List<Value> values =
          member != null && member.isList() ? asLists(prop.getValue()) : prop.getValue();
      combos = cross(combos, alternatives(prefix + name, values, shape));
    }
    return combos;
  }

  /**
   * A list member set with a single element ({@code entries(entry)} on a varargs setter) holds a
   * one-element list; an unknown value stays unknown.
   */
  private static List<Value> asLists(List<Value> values) {
    List<Value> out = new ArrayList<>();
    for (Value v : values) {
      boolean element = v instanceof Value.Obj || v instanceof Value.Str;
      out.add(element ? new Value.Seq(List.of(v)) : v);
    }
    return out;
  }

  private List<Map<String, ArgValue>> alternatives(
      String path, List<Value> values, Optional<String> shape) {
    List<Map<String, ArgValue>> out = new ArrayList<>();
    for (Value v : values) {
      out.addAll(value(path, v, shape));
    }
    return out.isEmpty() ? List.of(Map.of()) : out;
  }

  private static List<Map<String, ArgValue>> cross(
      List<Map<String, ArgValue>> left, List<Map<String, ArgValue>> right) {
    List<Map<String, ArgValue>> out = new ArrayList<>();
    for (Map<String, ArgValue> l : left) {
      for (Map<String, ArgValue> r : right) {
        Map<String, ArgValue> merged = new LinkedHashMap<>(l);
        merged.putAll(r);
        out.add(merged);
      }
    }
    return out.size() > MAX_COMBINATIONS * 4 ? collapse(out) : out;
  }

  /** Too many combinations: one map, unknown wherever the combinations disagree. */
  private static List<Map<String, ArgValue>> collapse(List<Map<String, ArgValue>> combos) {
    if (combos.size() <= MAX_COMBINATIONS) {
      return combos;
    }
    Map<String, ArgValue> merged = new LinkedHashMap<>();
    for (Map<String, ArgValue> combo : combos) {
      for (Map.Entry<String, ArgValue> e : combo.entrySet()) {
        ArgValue previous = merged.putIfAbsent(e.getKey(), e.getValue());
        if (previous != null && !previous.equals(e.getValue())) {
          merged.put(
              e.getKey(), ArgValue.unknown("more than " + MAX_COMBINATIONS + " possible values"));
        }
      }
    }
    return List.of(merged);
  }

  private static Map<String, SdkMember> bySetter(List<SdkMember> members) {
    Map<String, SdkMember> out = new LinkedHashMap<>();
    for (SdkMember m : members) {
      out.putIfAbsent(m.setter(), m);
    }
    return out;
  }

  static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
