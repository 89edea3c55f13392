package dev.minrole.generator.synth;

import java.util.Comparator;
import java.util.List;

/** One condition of a statement: {@code "StringLike": {"s3:prefix": ["uploads/*"]}}. */
public record Condition(String operator, String key, List<String> values)
    implements Comparable<Condition> {
  private static final Comparator<Condition> ORDER =
      Comparator.comparing(Condition::operator)
          .thenComparing(Condition::key)
          .thenComparing(c -> String.join("\u0000", c.values()));

  public Condition {
    values = values.stream().distinct().sorted().toList();
  }

  @Override
  public int compareTo(Condition other) {
    return ORDER.compare(this, other);
  }
}
