package dev.minrole.generator.catalog;

/**
 * IAM wildcard patterns, the one matcher every command uses: {@code *} matches any run of
 * characters (none included) and {@code ?} exactly one, in actions and resources alike, so {@code
 * **} means what {@code *} means. Action names compare ignoring case, ARNs exactly (<a
 * href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html">
 * IAM JSON policy elements: Action</a>, <a
 * href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html">
 * Resource</a>).
 *
 * <p>Patterns are compared with concrete strings ({@link #matches}), with each other ({@link
 * #covers}: does one name everything the other names; {@link #overlaps}: do they name anything in
 * common). Matching never uses regular expressions: {@link #matches} and {@link #covers} scan both
 * strings once, going back only to the last {@code *} (greedy matching, at most {@code
 * pattern.length() * text.length()} steps, usually linear), and {@link #overlaps} fills one row of
 * a table at a time ({@code a.length() * b.length()} steps, memory linear in {@code b}). No input
 * makes them backtrack exponentially, as {@code s3:*a*a*a*...*b} does with a regular expression.
 *
 * <p>{@link #covers} is exact for the patterns policies use ({@code arn:aws:s3:::media/*}, {@code
 * s3:Get*}, {@code table/?rders}). For unusual mixes of {@code ?} and {@code *} on both sides it
 * may answer false where the inclusion holds ({@code *?} does cover {@code ?*}); callers treat
 * false as "not covered", which is the safe side for diff, tighten, synthesis and validation.
 */
public final class Glob {
  private Glob() {}

  /** True if {@code pattern} matches {@code text}, every character of which is literal. */
  public static boolean matches(String pattern, String text) {
    return match(pattern, text, false, false);
  }

  /** Like {@link #matches}, ignoring case, as IAM compares action names. */
  public static boolean matchesIgnoreCase(String pattern, String text) {
    return match(pattern, text, true, false);
  }

  /**
   * True if every string {@code narrow} names is also named by {@code broad}. A {@code *} of {@code
   * broad} takes any characters of {@code narrow}, wildcards included; a {@code ?} takes one
   * character but not a {@code *}, which may stand for none or many. Case-sensitive.
   */
  public static boolean covers(String broad, String narrow) {
    return match(broad, narrow, false, true);
  }

  /** Like {@link #covers(String, String)}, ignoring case, as IAM compares action names. */
  public static boolean coversIgnoreCase(String broad, String narrow) {
    return match(broad, narrow, true, true);
  }

  /**
   * Greedy matching: a {@code *} first takes nothing; on a mismatch the last {@code *} takes one
   * character more and matching resumes after it. Going back further is never needed, because a
   * later {@code *} can take whatever an earlier one would have.
   */
  private static boolean match(
      String pattern, String text, boolean ignoreCase, boolean textIsPattern) {
    if (pattern.equals(text) || everything(pattern)) {
      return true;
    }
    int pl = pattern.length();
    int tl = text.length();
    int p = 0;
    int t = 0;
    int star = -1;
    int resume = 0;
    while (t < tl) {
      if (p < pl && pattern.charAt(p) == '*') {
        star = p++;
        resume = t;
      } else if (p < pl && one(pattern.charAt(p), text.charAt(t), ignoreCase, textIsPattern)) {
        p++;
        t++;
      } else if (star >= 0) {
        p = star + 1;
        t = ++resume;
      } else {
        return false;
      }
    }
    while (p < pl && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pl;
  }

  /** Whether one pattern character (not {@code *}) takes one text character. */
  private static boolean one(char p, char t, boolean ignoreCase, boolean textIsPattern) {
    if (p == '?') {
      return !(textIsPattern && t == '*');
    }
    return p == t || (ignoreCase && sameIgnoringCase(p, t));
  }

  /** As {@link String#equalsIgnoreCase} compares one character. */
  private static boolean sameIgnoringCase(char a, char b) {
    char ua = Character.toUpperCase(a);
    char ub = Character.toUpperCase(b);
    return ua == ub || Character.toLowerCase(ua) == Character.toLowerCase(ub);
  }

  /** True if some string is named by both patterns. Case-sensitive. */
  public static boolean overlaps(String a, String b) {
    return overlaps(a, b, false);
  }

  /** Like {@link #overlaps(String, String)}, ignoring case. */
  public static boolean overlapsIgnoreCase(String a, String b) {
    return overlaps(a, b, true);
  }

  private static boolean overlaps(String a, String b, boolean ignoreCase) {
    if (a.equals(b) || everything(a) || everything(b)) {
      return true;
    }
    int al = a.length();
    int bl = b.length();
    // next[j] is row i + 1, row[j] row i: some string is named by both a from i and b from j.
    boolean[] next = new boolean[bl + 1];
    boolean[] row = new boolean[bl + 1];
    for (int i = al; i >= 0; i--) {
      char ac = i < al ? a.charAt(i) : 0;
      for (int j = bl; j >= 0; j--) {
        if (i == al && j == bl) {
          row[j] = true;
          continue;
        }
        char bc = j < bl ? b.charAt(j) : 0;
        boolean ok = false;
        if (i < al && ac == '*') {
          ok = next[j] || (j < bl && bc != '*' && row[j + 1]);
        }
        if (!ok && j < bl && bc == '*') {
          ok = row[j + 1] || (i < al && ac != '*' && next[j]);
        }
        if (!ok && i < al && j < bl && ac != '*' && bc != '*') {
          ok =
              (ac == '?' || bc == '?' || ac == bc || (ignoreCase && sameIgnoringCase(ac, bc)))
                  && next[j + 1];
        }
        row[j] = ok;
      }
      boolean[] swap = next;
      next = row;
      row = swap;
    }
    return next[0];
  }

  /** True if the text has a wildcard. */
  public static boolean isPattern(String text) {
    return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
  }

  /** True if the pattern matches everything: {@code *}, {@code **}, ... */
  public static boolean everything(String pattern) {
    if (pattern.isEmpty()) {
      return false;
    }
    for (int i = 0; i < pattern.length(); i++) {
      if (pattern.charAt(i) != '*') {
        return false;
      }
    }
    return true;
  }

  /**
   * The pattern with IAM policy variables ({@code ${aws:username}}) read as {@code *}: what a
   * statement may name at run time. Used where over-reading is the safe side (a Deny).
   */
  public static String variablesAsWildcards(String pattern) {
    return pattern.replaceAll("\\$\\{[^}]*}", "*");
  }
}
