package dev.minrole.analyzer.java;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How deeply lambdas and brackets nest in a source file, read from its characters without parsing.
 * A lambda is open from its arrow to the end of the bracket, statement or argument it is written
 * in. JavaParser's lookahead roughly doubles its work with each level of lambdas nested inside
 * argument lists (15 levels take seconds, 25 never end), and it parses brackets by recursion, so
 * thousands of nested parentheses overflow its stack at a depth that depends on how much of the
 * parser the JIT has compiled: the same file would parse in one run and not in the next. A file
 * nested deeper than {@link #MAX_LAMBDAS} or {@link #MAX_BRACKETS} is skipped before it is parsed,
 * the same way every time. Real code stays far below both limits.
 */
final class SourceNesting {
  /** The deepest nesting of lambdas a file may have to be parsed. */
  static final int MAX_LAMBDAS = 12;

  /** The deepest nesting of brackets a file may have to be parsed. */
  static final int MAX_BRACKETS = 2_000;

  /** The greatest number of lambdas, and of brackets, open at one point of a file. */
  record Depth(int lambdas, int brackets) {}

  private SourceNesting() {}

  /** How deeply lambdas and brackets nest in {@code text}. */
  static Depth of(String text) {
    Deque<int[]> brackets = new ArrayDeque<>();
    brackets.push(new int[1]);
    int open = 0;
    int max = 0;
    int deepest = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
        i = skipTo(text, i + 2, "\n");
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        i = skipTo(text, i + 2, "*/") + 1;
      } else if (c == '"' && text.startsWith("\"\"\"", i)) {
        i = skipQuoted(text, i + 3, "\"\"\"") + 2;
      } else if (c == '"' || c == '\'') {
        i = skipQuoted(text, i + 1, String.valueOf(c));
      } else if (c == '(' || c == '[' || c == '{') {
        brackets.push(new int[1]);
        deepest = Math.max(deepest, brackets.size() - 1);
      } else if ((c == ')' || c == ']' || c == '}') && brackets.size() > 1) {
        open -= brackets.pop()[0];
      } else if (c == ';' || c == ',') {
        open -= brackets.peek()[0];
        brackets.peek()[0] = 0;
      } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '>') {
        brackets.peek()[0]++;
        open++;
        max = Math.max(max, open);
        i++;
      }
    }
    return new Depth(max, deepest);
  }

  private static int skipTo(String text, int from, String end) {
    int at = text.indexOf(end, from);
    return at < 0 ? text.length() : at;
  }

  private static int skipQuoted(String text, int from, String quote) {
    int i = from;
    while (i < text.length()) {
      if (text.charAt(i) == '\\') {
        i += 2;
        continue;
      }
      if (text.startsWith(quote, i)) {
        return i;
      }
      if (quote.length() == 1 && text.charAt(i) == '\n') {
        return i;
      }
      i++;
    }
    return text.length();
  }
}
