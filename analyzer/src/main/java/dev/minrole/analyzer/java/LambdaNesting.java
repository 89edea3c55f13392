package dev.minrole.analyzer.java;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How deeply lambdas nest in a source file, read from its characters without parsing. A lambda is
 * open from its arrow to the end of the bracket, statement or argument it is written in.
 * JavaParser's lookahead roughly doubles its work with each level of lambdas nested inside argument
 * lists (15 levels take seconds, 25 never end), so a file nested deeper than {@link #MAX_DEPTH} is
 * skipped before it is parsed. Real code stays far below the limit.
 */
final class LambdaNesting {
  /** The deepest nesting of lambdas a file may have to be parsed. */
  static final int MAX_DEPTH = 12;

  private LambdaNesting() {}

  /** The greatest number of lambdas open at one point of {@code text}. */
  static int depth(String text) {
    Deque<int[]> brackets = new ArrayDeque<>();
    brackets.push(new int[1]);
    int open = 0;
    int max = 0;
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
    return max;
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
