package dev.minrole.generator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Glob} against naive references on small patterns over a tiny alphabet: the plain recursive
 * definitions of matching and of overlap (exponential, fine at this size), and, for {@code covers},
 * the meaning itself: every string up to a length that the narrow pattern names, the broad one
 * names too.
 */
class GlobProperties {
  private static final char[] LETTERS = {'a', 'b'};

  @Provide
  Arbitrary<String> patterns() {
    return Arbitraries.strings().withChars('a', 'b', 'A', '*', '?').ofMaxLength(7);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars('a', 'b', 'A', '*', '?').ofMaxLength(9);
  }

  @Property(tries = 3000)
  void matches_isTheRecursiveDefinition(
      @ForAll("patterns") String pattern, @ForAll("texts") String text) {
    assertThat(Glob.matches(pattern, text)).isEqualTo(ref(pattern, 0, text, 0, false, false));
    assertThat(Glob.matchesIgnoreCase(pattern, text))
        .isEqualTo(ref(pattern, 0, text, 0, true, false));
  }

  @Property(tries = 3000)
  void covers_isTheRecursiveDefinition(
      @ForAll("patterns") String broad, @ForAll("patterns") String narrow) {
    assertThat(Glob.covers(broad, narrow)).isEqualTo(ref(broad, 0, narrow, 0, false, true));
  }

  @Property(tries = 800)
  void covers_neverClaimsMoreThanItMeans(
      @ForAll("patterns") String broad, @ForAll("patterns") String narrow) {
    if (!Glob.covers(broad, narrow)) {
      return;
    }
    for (String s : strings(6)) {
      if (Glob.matches(narrow, s)) {
        assertThat(Glob.matches(broad, s))
            .as("%s covers %s, but not %s", broad, narrow, s)
            .isTrue();
      }
    }
  }

  @Property(tries = 2000)
  void covers_ofAConcreteString_isMatching(
      @ForAll("patterns") String broad, @ForAll("concrete") String text) {
    assertThat(Glob.covers(broad, text)).isEqualTo(Glob.matches(broad, text));
  }

  @Provide
  Arbitrary<String> concrete() {
    return Arbitraries.strings().withChars('a', 'b').ofMaxLength(8);
  }

  @Property(tries = 2000)
  void overlaps_isTheRecursiveDefinition_andSymmetric(
      @ForAll("patterns") String a, @ForAll("patterns") String b) {
    assertThat(Glob.overlaps(a, b)).isEqualTo(overlapRef(a, 0, b, 0));
    assertThat(Glob.overlaps(b, a)).isEqualTo(Glob.overlaps(a, b));
  }

  @Property(tries = 800)
  void overlaps_whenSomeStringMatchesBoth(
      @ForAll("patterns") String a, @ForAll("patterns") String b) {
    boolean common = false;
    for (String s : strings(7)) {
      common |= Glob.matches(a, s) && Glob.matches(b, s);
    }
    if (common) {
      assertThat(Glob.overlaps(a, b)).isTrue();
    }
  }

  /** Matching as defined: {@code *} takes any run, {@code ?} one character (not a {@code *}). */
  private static boolean ref(
      String p, int i, String t, int j, boolean ignoreCase, boolean textIsPattern) {
    if (i == p.length()) {
      return j == t.length();
    }
    char c = p.charAt(i);
    if (c == '*') {
      return ref(p, i + 1, t, j, ignoreCase, textIsPattern)
          || (j < t.length() && ref(p, i, t, j + 1, ignoreCase, textIsPattern));
    }
    if (j == t.length()) {
      return false;
    }
    char d = t.charAt(j);
    boolean one =
        c == '?'
            ? !(textIsPattern && d == '*')
            : c == d || (ignoreCase && Character.toLowerCase(c) == Character.toLowerCase(d));
    return one && ref(p, i + 1, t, j + 1, ignoreCase, textIsPattern);
  }

  /** Some string is named by both: the two patterns read side by side. */
  private static boolean overlapRef(String a, int i, String b, int j) {
    boolean aEnd = i == a.length();
    boolean bEnd = j == b.length();
    if (aEnd && bEnd) {
      return true;
    }
    if (!aEnd && a.charAt(i) == '*' && overlapRef(a, i + 1, b, j)) {
      return true;
    }
    if (!bEnd && b.charAt(j) == '*' && overlapRef(a, i, b, j + 1)) {
      return true;
    }
    if (aEnd || bEnd) {
      return false;
    }
    char x = a.charAt(i);
    char y = b.charAt(j);
    if (x == '*' && y == '*') {
      return overlapRef(a, i + 1, b, j) || overlapRef(a, i, b, j + 1);
    }
    if (x == '*') {
      return overlapRef(a, i, b, j + 1);
    }
    if (y == '*') {
      return overlapRef(a, i + 1, b, j);
    }
    return (x == '?' || y == '?' || x == y) && overlapRef(a, i + 1, b, j + 1);
  }

  /** Every string over the tiny alphabet (and {@code A}) up to {@code max} characters. */
  private static List<String> strings(int max) {
    List<String> out = new ArrayList<>();
    out.add("");
    int from = 0;
    for (int length = 1; length <= max; length++) {
      int to = out.size();
      for (int k = from; k < to; k++) {
        for (char c : LETTERS) {
          out.add(out.get(k) + c);
        }
        out.add(out.get(k) + 'A');
      }
      from = to;
    }
    return out;
  }
}
