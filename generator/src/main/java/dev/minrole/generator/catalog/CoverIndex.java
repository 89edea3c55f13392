package dev.minrole.generator.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Patterns by their literal ends, to find the few that may cover a given pattern without comparing
 * it with all of them. A literal character takes neither a {@code *} nor a {@code ?}, so a pattern
 * can cover another only if its literal prefix (the text before its first wildcard) is a prefix of
 * the other's literal prefix, and its literal suffix (after its last wildcard) a suffix of the
 * other's literal suffix. Two tries hold the prefixes and the reversed suffixes; a lookup walks the
 * other pattern's ends once through each and takes what hangs on the way in the trie that holds
 * fewer. Each pattern carries an {@code int} (a statement or list position).
 */
public final class CoverIndex {
  private final boolean ignoreCase;
  private final Node prefixes = new Node();
  private final Node suffixes = new Node();

  private static final class Node {
    final Map<Character, Node> children = new HashMap<>();
    final List<Integer> values = new ArrayList<>();
  }

  /** An index that compares characters as {@link Glob#coversIgnoreCase} does, or exactly. */
  public CoverIndex(boolean ignoreCase) {
    this.ignoreCase = ignoreCase;
  }

  public void add(String pattern, int value) {
    Node node = prefixes;
    int prefix = prefixLength(pattern);
    for (int i = 0; i < prefix; i++) {
      node = node.children.computeIfAbsent(key(pattern.charAt(i)), c -> new Node());
    }
    node.values.add(value);
    node = suffixes;
    int suffix = suffixLength(pattern);
    for (int i = 0; i < suffix; i++) {
      node =
          node.children.computeIfAbsent(
              key(pattern.charAt(pattern.length() - 1 - i)), c -> new Node());
    }
    node.values.add(value);
  }

  /** How many values {@link #candidates} would return, without collecting them. */
  public int count(String pattern) {
    return Math.min(walk(prefixes, pattern, false, null), walk(suffixes, pattern, true, null));
  }

  /** The values of the patterns that may cover {@code pattern}: a superset, unordered. */
  public List<Integer> candidates(String pattern) {
    List<Integer> out = new ArrayList<>();
    boolean suffix = walk(suffixes, pattern, true, null) < walk(prefixes, pattern, false, null);
    walk(suffix ? suffixes : prefixes, pattern, suffix, out);
    return out;
  }

  /** Counts, and collects into {@code out} when it is not null, the values along the walk. */
  private int walk(Node root, String pattern, boolean reversed, List<Integer> out) {
    int length = reversed ? suffixLength(pattern) : prefixLength(pattern);
    int count = 0;
    Node node = root;
    for (int i = 0; node != null; i++) {
      count += node.values.size();
      if (out != null) {
        out.addAll(node.values);
      }
      if (i >= length) {
        break;
      }
      char c = pattern.charAt(reversed ? pattern.length() - 1 - i : i);
      node = node.children.get(key(c));
    }
    return count;
  }

  private static int prefixLength(String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      if (wildcard(pattern.charAt(i))) {
        return i;
      }
    }
    return pattern.length();
  }

  private static int suffixLength(String pattern) {
    for (int i = pattern.length() - 1; i >= 0; i--) {
      if (wildcard(pattern.charAt(i))) {
        return pattern.length() - 1 - i;
      }
    }
    return pattern.length();
  }

  private static boolean wildcard(char c) {
    return c == '*' || c == '?';
  }

  /** The character as {@link Glob} compares it. */
  private char key(char c) {
    return ignoreCase ? Character.toLowerCase(Character.toUpperCase(c)) : c;
  }
}
