package dev.minrole.generator.mapping;

import dev.minrole.analyzer.model.ArgValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a rule with {@code each} ({@code TransactItems[*].Put}) runs once per list element: each
 * element gets its own view of the call's arguments, in which {@code [*]} stands for it.
 */
final class ListExpansion {
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

  private ListExpansion() {}

  /**
   * The argument views a rule runs on: the call's arguments as they are, or, for a rule with {@code
   * each}, one view per list element in which {@code [*]} stands for that element. An element the
   * analyzer could not see into, or a list with no known element, gives a view in which the
   * element's members are unset: the rule then applies with its resource unresolved (and reported),
   * rather than silently not at all.
   */
  static List<Map<String, ArgValue>> views(ActionRule rule, Map<String, ArgValue> args) {
    if (rule.each().isEmpty()) {
      return List.of(args);
    }
    String each = rule.each().get();
    String listPath = each.substring(0, each.indexOf("[*]"));
    Set<Integer> indices = new TreeSet<>();
    for (String key : args.keySet()) {
      if (key.startsWith(listPath + "[")) {
        Matcher m = INDEX.matcher(key.substring(listPath.length()));
        if (m.lookingAt()) {
          indices.add(Integer.parseInt(m.group(1)));
        }
      }
    }
    if (indices.isEmpty()) {
      return List.of(unknownElement(args, listPath));
    }
    List<Map<String, ArgValue>> out = new ArrayList<>();
    boolean opaqueElement = false;
    for (int index : indices) {
      Map<String, ArgValue> view = new LinkedHashMap<>(args);
      String prefix = listPath + "[" + index + "]";
      for (Map.Entry<String, ArgValue> e : args.entrySet()) {
        if (e.getKey().startsWith(prefix)) {
          view.put(listPath + "[*]" + e.getKey().substring(prefix.length()), e.getValue());
        }
      }
      if (When.present(view, each)) {
        out.add(view);
      } else if (isOpaque(view, listPath + "[*]")) {
        opaqueElement = true;
      }
    }
    if (opaqueElement) {
      out.add(unknownElement(args, listPath));
    }
    return out;
  }

  /** The arguments with {@code list[*]} marked unknown: members under it are read as unknown. */
  private static Map<String, ArgValue> unknownElement(Map<String, ArgValue> args, String listPath) {
    Map<String, ArgValue> view = new LinkedHashMap<>(args);
    ArgValue list = args.get(listPath);
    view.put(
        listPath + "[*]",
        list != null && !list.isKnown()
            ? list
            : ArgValue.unknown("the elements of " + listPath + " are not known"));
    return view;
  }

  /** True if the element is set, but nothing is known of what it holds. */
  private static boolean isOpaque(Map<String, ArgValue> view, String element) {
    ArgValue value = view.get(element);
    if (value == null || value.isKnown()) {
      return false;
    }
    return view.keySet().stream()
        .noneMatch(k -> k.startsWith(element + ".") || k.startsWith(element + "["));
  }
}
