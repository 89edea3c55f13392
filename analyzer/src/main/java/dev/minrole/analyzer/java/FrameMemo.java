package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Values remembered per node (by identity) and frame, valid while the evaluator's bindings of
 * lambda parameters and variables stay the same: {@link #enter()} starts an empty memo when a
 * binding is made, {@link #leave()} restores the previous one when it is undone.
 */
final class FrameMemo {
  private final Deque<Map<Key, List<Value>>> memos = new ArrayDeque<>();

  FrameMemo() {
    memos.push(new HashMap<>());
  }

  /** A node, compared by identity (JavaParser nodes compare by structure), in a frame. */
  record Key(Node node, Frame frame) {
    @Override
    @SuppressWarnings(
        "ReferenceEquality") // JavaParser nodes compare structurally; identity is meant
    public boolean equals(Object other) {
      return other instanceof Key k && k.node == node && k.frame.equals(frame);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(node) * 31 + frame.hashCode();
    }
  }

  List<Value> get(Node node, Frame frame) {
    return memos.peek().get(new Key(node, frame));
  }

  boolean contains(Node node, Frame frame) {
    return memos.peek().containsKey(new Key(node, frame));
  }

  void put(Node node, Frame frame, List<Value> values) {
    memos.peek().put(new Key(node, frame), values);
  }

  void enter() {
    memos.push(new HashMap<>());
  }

  void leave() {
    memos.pop();
  }
}
