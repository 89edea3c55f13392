package dev.minrole.tools.sdkinventory;

import java.util.ArrayList;
import java.util.List;

/**
 * A JSON document laid out for diffs: {@link Block}s and {@link Items} take one line per entry,
 * {@link Leaf}s are written as they are (typically one-line objects from {@link JsonText}).
 */
final class JsonLayout {

  private JsonLayout() {}

  sealed interface Node permits Block, Items, Leaf {}

  /** A one-line JSON value. */
  record Leaf(String json) implements Node {}

  /** A JSON array with one element per line. */
  record Items(List<Node> items) implements Node {}

  /** A JSON object with one field per line, in insertion order. */
  static final class Block implements Node {
    private final List<String> names = new ArrayList<>();
    private final List<Node> values = new ArrayList<>();

    Block put(String name, Node value) {
      names.add(name);
      values.add(value);
      return this;
    }

    /** Adds a string field unless the value is null. */
    Block put(String name, String value) {
      return value == null ? this : put(name, new Leaf(JsonText.quote(value)));
    }
  }

  static String render(Node root) {
    var out = new StringBuilder();
    render(root, "", out);
    return out.append('\n').toString();
  }

  private static void render(Node node, String indent, StringBuilder out) {
    String inner = indent + "  ";
    if (node instanceof Leaf leaf) {
      out.append(leaf.json());
    } else if (node instanceof Items items) {
      if (items.items().isEmpty()) {
        out.append("[ ]");
        return;
      }
      out.append("[\n");
      for (int i = 0; i < items.items().size(); i++) {
        out.append(inner);
        render(items.items().get(i), inner, out);
        out.append(i < items.items().size() - 1 ? ",\n" : "\n");
      }
      out.append(indent).append(']');
    } else if (node instanceof Block block) {
      if (block.names.isEmpty()) {
        out.append("{ }");
        return;
      }
      out.append("{\n");
      for (int i = 0; i < block.names.size(); i++) {
        out.append(inner).append(JsonText.quote(block.names.get(i))).append(" : ");
        render(block.values.get(i), inner, out);
        out.append(i < block.names.size() - 1 ? ",\n" : "\n");
      }
      out.append(indent).append('}');
    }
  }
}
