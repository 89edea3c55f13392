package dev.minrole.generator.diff;

import java.util.ArrayList;
import java.util.List;

/** One-line explanations of why a needed permission is not reliably granted. */
final class Reasons {
  private Reasons() {}

  static String missing(Evaluation ev, String current) {
    return switch (ev.access()) {
      case NOT_GRANTED -> "not granted by " + current;
      case DENIED ->
          "denied by " + describe(ev.denies().stream().filter(d -> !d.conditional()).toList());
      case OUTSIDE_BOUNDARY -> "granted, but not allowed by the permissions boundary";
      case CONDITIONAL -> conditional(ev);
      case GRANTED -> "";
    };
  }

  private static String conditional(Evaluation ev) {
    List<String> parts = new ArrayList<>();
    if (ev.allows().isEmpty()) {
      for (StatementView s : ev.conditionalAllows()) {
        parts.add("granted only when " + s.describeConditions() + " (" + s.ref().where() + ")");
      }
    }
    for (StatementView d : ev.denies()) {
      parts.add(
          d.conditional()
              ? "may be denied when " + d.describeConditions() + " (" + d.ref().where() + ")"
              : "partly denied by " + d.ref().where() + " on " + d.resources().describe());
    }
    if (!ev.boundaryGrants().isEmpty() && parts.isEmpty()) {
      parts.add(
          "the permissions boundary allows it only when "
              + ev.boundaryGrants().get(0).describeConditions());
    }
    if (!ev.assumption().isEmpty()) {
      parts.add(ev.assumption());
    }
    return String.join("; ", parts);
  }

  private static String describe(List<StatementView> statements) {
    return String.join(", ", statements.stream().map(s -> s.ref().where()).toList());
  }
}
