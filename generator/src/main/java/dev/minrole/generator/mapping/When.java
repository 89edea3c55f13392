package dev.minrole.generator.mapping;

import dev.minrole.analyzer.model.ArgValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * When a mapping rule applies, decided from the request members the code sets. Member paths may
 * contain {@code [*]}, bound to one index for the whole rule.
 */
public sealed interface When {

  /** True if the rule applies to a call with these arguments, made by {@code waiter} if any. */
  boolean test(Map<String, ArgValue> args, Optional<String> waiter);

  /** True if the rule applies to a call with these arguments, made directly. */
  default boolean test(Map<String, ArgValue> args) {
    return test(args, Optional.empty());
  }

  /** The condition in words, e.g. {@code VersionId is set}. */
  String describe();

  /**
   * The call is made by one of these SDK waiters ({@code ObjectExists}), not by the code directly.
   * A waiter is not a request member: the analyzer reports it with the call.
   */
  record Waiter(List<String> names) implements When {
    public Waiter {
      names = List.copyOf(names);
    }

    @Override
    public boolean test(Map<String, ArgValue> args, Optional<String> waiter) {
      return waiter.map(names::contains).orElse(false);
    }

    @Override
    public String describe() {
      return "the " + String.join(" or ", names) + " waiter makes the call";
    }
  }

  /** Any of the members is set. */
  record AnyPresent(List<String> members) implements When {
    public AnyPresent {
      members = List.copyOf(members);
    }

    @Override
    public boolean test(Map<String, ArgValue> args, Optional<String> waiter) {
      return members.stream().anyMatch(m -> present(args, m));
    }

    @Override
    public String describe() {
      return members.size() == 1
          ? members.get(0) + " is set"
          : "any of " + String.join(", ", members) + " is set";
    }
  }

  /** None of the members is set. */
  record Absent(List<String> members) implements When {
    public Absent {
      members = List.copyOf(members);
    }

    @Override
    public boolean test(Map<String, ArgValue> args, Optional<String> waiter) {
      return members.stream().noneMatch(m -> present(args, m));
    }

    @Override
    public String describe() {
      return members.size() == 1
          ? members.get(0) + " is not set"
          : "none of " + String.join(", ", members) + " is set";
    }
  }

  /** The member is set to one of the values (compared ignoring case). */
  record Equals(String member, List<String> values) implements When {
    public Equals {
      values = List.copyOf(values);
    }

    @Override
    public boolean test(Map<String, ArgValue> args, Optional<String> waiter) {
      ArgValue v = args.get(member);
      return v != null
          && v.literal().map(s -> values.stream().anyMatch(s::equalsIgnoreCase)).orElse(false);
    }

    @Override
    public String describe() {
      return member + " is " + String.join(" or ", values);
    }
  }

  /** The member's known text starts with one of the prefixes (ignoring case and leading space). */
  record StartsWith(String member, List<String> prefixes) implements When {
    public StartsWith {
      prefixes = List.copyOf(prefixes);
    }

    @Override
    public boolean test(Map<String, ArgValue> args, Optional<String> waiter) {
      ArgValue v = args.get(member);
      if (v == null) {
        return false;
      }
      String text = v.pattern().stripLeading().toUpperCase(Locale.ROOT);
      return prefixes.stream().anyMatch(p -> text.startsWith(p.toUpperCase(Locale.ROOT)));
    }

    @Override
    public String describe() {
      return member + " starts with " + String.join(" or ", prefixes);
    }
  }

  /**
   * The member's known text starts with none of the prefixes: it is unset, unknown, or something
   * else. Used with {@link StartsWith} to assume every variant when the text does not say which.
   */
  record NotStartsWith(String member, List<String> prefixes) implements When {
    public NotStartsWith {
      prefixes = List.copyOf(prefixes);
    }

    @Override
    public boolean test(Map<String, ArgValue> args, Optional<String> waiter) {
      return !new StartsWith(member, prefixes).test(args, waiter);
    }

    @Override
    public String describe() {
      return member + " starts with none of " + String.join(", ", prefixes);
    }
  }

  /**
   * The member's text has one of the words (whole words, ignoring case), or the member is set but
   * its text is not fully known, so the word must be assumed: an Athena query that reads a table
   * says {@code FROM}.
   */
  record MayContain(String member, List<String> words) implements When {
    public MayContain {
      words = List.copyOf(words);
    }

    @Override
    public boolean test(Map<String, ArgValue> args, Optional<String> waiter) {
      ArgValue v = args.get(member);
      if (v == null) {
        return false;
      }
      if (!v.isKnown()) {
        return true;
      }
      String text = " " + v.pattern().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", " ") + " ";
      return words.stream().anyMatch(w -> text.contains(" " + w.toUpperCase(Locale.ROOT) + " "));
    }

    @Override
    public String describe() {
      return member + " may contain " + String.join(" or ", words);
    }
  }

  /** The member is set but its value is not known, so every variant must be assumed. */
  record Unknown(String member) implements When {
    @Override
    public boolean test(Map<String, ArgValue> args, Optional<String> waiter) {
      ArgValue v = args.get(member);
      return v == null || !v.isKnown();
    }

    @Override
    public String describe() {
      return member + " is not known";
    }
  }

  /** Every condition holds. */
  record All(List<When> conditions) implements When {
    public All {
      conditions = List.copyOf(conditions);
    }

    @Override
    public boolean test(Map<String, ArgValue> args, Optional<String> waiter) {
      return conditions.stream().allMatch(c -> c.test(args, waiter));
    }

    @Override
    public String describe() {
      return String.join(" and ", conditions.stream().map(When::describe).toList());
    }
  }

  /** At least one condition holds. */
  record AnyOf(List<When> conditions) implements When {
    public AnyOf {
      conditions = List.copyOf(conditions);
    }

    @Override
    public boolean test(Map<String, ArgValue> args, Optional<String> waiter) {
      return conditions.stream().anyMatch(c -> c.test(args, waiter));
    }

    @Override
    public String describe() {
      return "(" + String.join(" or ", conditions.stream().map(When::describe).toList()) + ")";
    }
  }

  /** True if the member, or anything nested under it, is set. */
  static boolean present(Map<String, ArgValue> args, String member) {
    if (args.containsKey(member)) {
      return true;
    }
    for (String key : args.keySet()) {
      if (key.startsWith(member + ".") || key.startsWith(member + "[")) {
        return true;
      }
    }
    return false;
  }
}
