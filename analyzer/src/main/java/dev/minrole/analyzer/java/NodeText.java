package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/** How messages show code: a node's text, short, and never by printing a huge tree. */
final class NodeText {
  private NodeText() {}

  /**
   * The code of a node for a message, at most 60 characters. A large node (a long call chain, deep
   * parentheses) is not printed, as printing it would recurse through all of it: it is named by its
   * kind and line instead.
   */
  static String describe(Node node) {
    if (isLarge(node)) {
      String kind = node.getClass().getSimpleName().replace("Expr", "").toLowerCase(Locale.ROOT);
      String name =
          node instanceof com.github.javaparser.ast.nodeTypes.NodeWithSimpleName<?> named
              ? " " + named.getNameAsString()
              : "";
      return "a large " + kind + name + " expression";
    }
    String text = node.toString().replaceAll("\\s+", " ");
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }

  private static final int LARGE_NODE = 200;

  private static boolean isLarge(Node node) {
    int count = 0;
    Deque<Node> stack = new ArrayDeque<>();
    stack.push(node);
    while (!stack.isEmpty()) {
      Node n = stack.pop();
      if (++count > LARGE_NODE) {
        return true;
      }
      n.getChildNodes().forEach(stack::push);
    }
    return false;
  }
}
