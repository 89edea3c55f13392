package dev.minrole.bench.generate;

import java.util.List;

/** An app's {@code util} package: input validation and a generic batching helper. */
final class UtilFiles {
  private UtilFiles() {}

  static void write(AppPlan plan, SourceTree tree, Filler filler) {
    plan.add(tree, filler, "util", "Validation", VALIDATION, List.of("java.util.regex.Pattern"));
    plan.add(
        tree, filler, "util", "Batches", BATCHES, List.of("java.util.ArrayList", "java.util.List"));
  }

  private static final String VALIDATION =
"""
/** Checks on input, with messages a caller can act on. */
public final class Validation {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{3,64}");

  private Validation() {}

  public static String requireId(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("bad id " + {{h0}}(String.valueOf(id)) + ": use 3 to 64 letters, digits or -");
    }
    return id;
  }

  public static long requireAmount(long cents) {
    if (cents < 0 || cents > 10_000_000_00L) {
      throw new IllegalArgumentException("amount out of range: " + cents);
    }
    return cents;
  }
{{helpers}}}
""";

  private static final String BATCHES =
      """
      /** Splits lists into batches of a fixed size. */
      public final class Batches {
        private Batches() {}

        public static <T> List<List<T>> of(List<T> items, int size) {
          if (size <= 0) {
            throw new IllegalArgumentException("batch size must be positive");
          }
          List<List<T>> out = new ArrayList<>();
          for (int from = 0; from < items.size(); from += size) {
            out.add(List.copyOf(items.subList(from, Math.min(items.size(), from + size))));
          }
          return out;
        }
      {{helpers}}}
      """;
}
