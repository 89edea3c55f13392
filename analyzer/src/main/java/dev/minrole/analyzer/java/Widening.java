package dev.minrole.analyzer.java;

import dev.minrole.analyzer.model.ArgValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Widens strings the evaluator will not carry exactly: more alternatives than {@link
 * #MAX_ALTERNATIVES}, or a value whose pattern is longer than {@link #MAX_LENGTH} characters. The
 * result keeps what every alternative starts and ends with and makes the middle unknown, so {@code
 * exports/a.json} and {@code exports/b.json} widen to {@code exports/*.json}. It always covers
 * every alternative.
 */
final class Widening {
  /** The alternatives a value may carry before it is widened. */
  static final int MAX_ALTERNATIVES = 16;

  /**
   * The longest string carried exactly. No AWS resource name is longer (an S3 key is at most 1,024
   * bytes, an ARN at most 2,048 characters), so a longer value is kept only as far as it can
   * matter.
   */
  static final int MAX_LENGTH = 2048;

  private Widening() {}

  /** One value that covers all of {@code alternatives}. */
  static ArgValue widen(List<ArgValue> alternatives, String reason) {
    List<List<ArgValue>> parts = new ArrayList<>();
    for (ArgValue a : alternatives) {
      parts.add(partsOf(a));
    }
    List<ArgValue> prefix = commonPrefix(parts);
    List<List<ArgValue>> rests = new ArrayList<>();
    for (List<ArgValue> p : parts) {
      rests.add(dropPrefix(p, prefix));
    }
    List<ArgValue> suffix = commonSuffix(rests);
    List<ArgValue> out = new ArrayList<>(prefix);
    out.add(ArgValue.unknown(reason));
    out.addAll(suffix);
    return ArgValue.concat(out);
  }

  /** {@code value} itself, or, if it is too long, its start with the rest unknown. */
  static ArgValue shorten(ArgValue value) {
    if (length(value) <= MAX_LENGTH) {
      return value;
    }
    List<ArgValue> kept = new ArrayList<>();
    int room = MAX_LENGTH - 1; // and one for the unknown rest, so the result is not too long
    for (ArgValue part : partsOf(value)) {
      if (part instanceof ArgValue.Literal l) {
        if (l.value().length() >= room) {
          kept.add(ArgValue.literal(l.value().substring(0, room)));
          break;
        }
        room -= l.value().length();
      } else if (--room <= 0) {
        break;
      }
      kept.add(part);
    }
    kept.add(ArgValue.unknown("longer than " + MAX_LENGTH + " characters"));
    return ArgValue.concat(kept);
  }

  /**
   * The length of a value's pattern: its known characters, and one for each unknown part (a {@code
   * *}). Counting the unknown parts bounds how many a value carries, so a key appended to in a long
   * chain ({@code key = key + "/" + part}) stops growing at the limit.
   */
  static int length(ArgValue value) {
    int n = 0;
    for (ArgValue part : partsOf(value)) {
      n += part instanceof ArgValue.Literal l ? l.value().length() : 1;
    }
    return n;
  }

  private static List<ArgValue> partsOf(ArgValue value) {
    return value instanceof ArgValue.Concat c ? c.parts() : List.of(value);
  }

  private static List<ArgValue> commonPrefix(List<List<ArgValue>> all) {
    List<ArgValue> first = all.get(0);
    List<ArgValue> out = new ArrayList<>();
    for (int i = 0; i < first.size(); i++) {
      ArgValue candidate = first.get(i);
      boolean same = true;
      String literalPrefix = candidate instanceof ArgValue.Literal l ? l.value() : null;
      for (List<ArgValue> other : all) {
        if (i >= other.size() || !other.get(i).equals(candidate)) {
          same = false;
        }
        if (literalPrefix != null) {
          literalPrefix =
              i < other.size() && other.get(i) instanceof ArgValue.Literal ol
                  ? commonStart(literalPrefix, ol.value())
                  : "";
        }
      }
      if (same) {
        out.add(candidate);
        continue;
      }
      if (literalPrefix != null && !literalPrefix.isEmpty()) {
        out.add(ArgValue.literal(literalPrefix));
      }
      break;
    }
    return out;
  }

  private static List<ArgValue> commonSuffix(List<List<ArgValue>> all) {
    List<List<ArgValue>> reversed = new ArrayList<>();
    for (List<ArgValue> parts : all) {
      List<ArgValue> r = new ArrayList<>();
      for (int i = parts.size() - 1; i >= 0; i--) {
        ArgValue part = parts.get(i);
        r.add(
            part instanceof ArgValue.Literal l
                ? ArgValue.literal(new StringBuilder(l.value()).reverse().toString())
                : part);
      }
      reversed.add(r);
    }
    if (reversed.stream().anyMatch(List::isEmpty)) {
      return List.of();
    }
    List<ArgValue> common = commonPrefix(reversed);
    List<ArgValue> out = new ArrayList<>();
    for (int i = common.size() - 1; i >= 0; i--) {
      ArgValue part = common.get(i);
      out.add(
          part instanceof ArgValue.Literal l
              ? ArgValue.literal(new StringBuilder(l.value()).reverse().toString())
              : part);
    }
    return out;
  }

  /** {@code parts} without the leading {@code prefix} (whose last literal may be partial). */
  private static List<ArgValue> dropPrefix(List<ArgValue> parts, List<ArgValue> prefix) {
    List<ArgValue> out = new ArrayList<>(parts.subList(prefix.size(), parts.size()));
    if (!prefix.isEmpty()
        && prefix.get(prefix.size() - 1) instanceof ArgValue.Literal last
        && !parts.get(prefix.size() - 1).equals(last)) {
      ArgValue.Literal whole = (ArgValue.Literal) parts.get(prefix.size() - 1);
      String rest = whole.value().substring(last.value().length());
      if (!rest.isEmpty()) {
        out.add(0, ArgValue.literal(rest));
      }
    }
    return out;
  }

  private static String commonStart(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return a.substring(0, i);
  }
}
