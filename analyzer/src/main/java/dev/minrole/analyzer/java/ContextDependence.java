package dev.minrole.analyzer.java;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Whether an evaluation depended on its calling context: it read a parameter, or a field of {@code
 * this}, in a frame not bound to a call site. {@link ValueEvaluator#evaluateInContexts} then
 * evaluates again once per chain of call sites. Evaluations may nest; each {@link #begin()} gets
 * its own answer from the matching {@link #end()}, and a nested one that depended marks its outer
 * ones too.
 */
final class ContextDependence {
  private final Deque<boolean[]> open = new ArrayDeque<>();

  void begin() {
    open.push(new boolean[1]);
  }

  /** The value being evaluated depends on the calling context. */
  void note() {
    for (boolean[] evaluation : open) {
      evaluation[0] = true;
    }
  }

  /** Ends the innermost evaluation: true if it depended on the calling context. */
  boolean end() {
    return open.pop()[0];
  }
}
