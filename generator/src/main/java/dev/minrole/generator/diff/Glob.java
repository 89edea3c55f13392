package dev.minrole.generator.diff;

import java.util.Locale;

/**
 * IAM wildcard patterns ({@code *} any run of characters, {@code ?} one character) compared with
 * each other, not only with concrete strings: whether one pattern grants everything another names,
 * and whether two patterns name anything in common.
 *
 * <p>Both checks are exact for the patterns policies use ({@code arn:aws:s3:::media/*}, {@code
 * s3:Get*}, {@code table/?rders}). For unusual mixes of {@code ?} and {@code *} on both sides,
 * {@link #covers} may answer false where the inclusion holds; callers treat false as "not covered",
 * which is the safe side for both diff and tighten.
 */
final class Glob {
  private Glob() {}

  /** True if every string {@code narrow} names is also named by {@code broad}. Case-sensitive. */
  static boolean covers(String broad, String narrow) {
    return covers(broad, narrow, false);
  }

  /** Like {@link #covers(String, String)}, ignoring case, as IAM compares action names. */
  static boolean coversIgnoreCase(String broad, String narrow) {
    return covers(broad, narrow, true);
  }

  private static boolean covers(String broad, String narrow, boolean ignoreCase) {
    if (broad.equals(narrow) || broad.equals("*")) {
      return true;
    }
    int star = broad.indexOf('*');
    if (broad.indexOf('?') < 0 && (star < 0 || star == broad.length() - 1)) {
      // A literal, or a literal prefix and one trailing *: the common cases, without the table.
      String prefix = star < 0 ? broad : broad.substring(0, star);
      boolean literal = star < 0;
      if (literal && narrow.length() != prefix.length()) {
        return false;
      }
      return narrow.regionMatches(ignoreCase, 0, prefix, 0, prefix.length());
    }
    String b = ignoreCase ? broad.toLowerCase(Locale.ROOT) : broad;
    String n = ignoreCase ? narrow.toLowerCase(Locale.ROOT) : narrow;
    int bl = b.length();
    int nl = n.length();
    // can[i][j]: broad from i covers narrow from j.
    boolean[][] can = new boolean[bl + 1][nl + 1];
    can[bl][nl] = true;
    for (int i = bl - 1; i >= 0; i--) {
      char bc = b.charAt(i);
      for (int j = nl; j >= 0; j--) {
        boolean ok;
        if (bc == '*') {
          ok = can[i + 1][j] || (j < nl && can[i][j + 1]);
        } else if (j == nl) {
          ok = false;
        } else if (bc == '?') {
          ok = n.charAt(j) != '*' && can[i + 1][j + 1];
        } else {
          char nc = n.charAt(j);
          ok = nc == bc && can[i + 1][j + 1];
        }
        can[i][j] = ok;
      }
    }
    return can[0][0];
  }

  /** True if some string is named by both patterns. Case-sensitive. */
  static boolean overlaps(String a, String b) {
    int al = a.length();
    int bl = b.length();
    // can[i][j]: some string is named by both a from i and b from j.
    boolean[][] can = new boolean[al + 1][bl + 1];
    for (int i = al; i >= 0; i--) {
      for (int j = bl; j >= 0; j--) {
        if (i == al && j == bl) {
          can[i][j] = true;
          continue;
        }
        boolean ok = false;
        if (i < al && a.charAt(i) == '*') {
          ok = can[i + 1][j] || (j < bl && b.charAt(j) != '*' && can[i][j + 1]);
        }
        if (!ok && j < bl && b.charAt(j) == '*') {
          ok = can[i][j + 1] || (i < al && a.charAt(i) != '*' && can[i + 1][j]);
        }
        if (!ok && i < al && j < bl && a.charAt(i) != '*' && b.charAt(j) != '*') {
          char ac = a.charAt(i);
          char bc = b.charAt(j);
          ok = (ac == '?' || bc == '?' || ac == bc) && can[i + 1][j + 1];
        }
        can[i][j] = ok;
      }
    }
    return can[0][0];
  }

  /** True if the pattern has a wildcard. */
  static boolean isPattern(String text) {
    return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
  }

  /**
   * The pattern with IAM policy variables ({@code ${aws:username}}) read as {@code *}: what a
   * statement may name at run time. Used where over-reading is the safe side (a Deny).
   */
  static String variablesAsWildcards(String pattern) {
    return pattern.replaceAll("\\$\\{[^}]*}", "*");
  }
}
