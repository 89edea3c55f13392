package dev.minrole.generator.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minrole.generator.synth.ResourceCover;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Statements and list entries that add nothing: a statement equal to another (apart from its {@code
 * Sid}), a statement whose every action and resource another statement with the same effect already
 * covers without narrower conditions, and actions or resources listed twice or covered by a
 * wildcard of the same list.
 */
final class DuplicateRule implements ValidationRule {
  @Override
  public List<Problem> check(PolicyDocument document, ValidationContext context) {
    List<Problem> out = new ArrayList<>();
    List<PolicyDocument.Statement> statements = document.statements();
    for (PolicyDocument.Statement s : statements) {
      for (String field : List.of("Action", "NotAction", "Resource", "NotResource")) {
        repeated(s, field, out);
      }
    }
    for (int j = 0; j < statements.size(); j++) {
      PolicyDocument.Statement b = statements.get(j);
      for (int i = 0; i < statements.size(); i++) {
        PolicyDocument.Statement a = statements.get(i);
        if (i == j) {
          continue;
        }
        if (normalized(a).equals(normalized(b))) {
          if (i < j) {
            out.add(
                Problems.warning(
                    "DUPLICATE_STATEMENT",
                    b.path(),
                    "the statement is the same as " + a.path(),
                    "remove it"));
            break;
          }
        } else if (covers(a, b) && (i < j || !covers(b, a))) {
          out.add(
              Problems.warning(
                  "REDUNDANT_STATEMENT",
                  b.path(),
                  "everything this statement allows or denies, " + a.path() + " already does",
                  "remove it, or merge what differs into " + a.path()));
          break;
        }
      }
    }
    return out;
  }

  private static void repeated(PolicyDocument.Statement s, String field, List<Problem> out) {
    List<PolicyDocument.Value> values = PolicyDocument.strings(s, field);
    Set<String> seen = new HashSet<>();
    for (PolicyDocument.Value v : values) {
      boolean caseInsensitive = field.endsWith("Action");
      String key = caseInsensitive ? v.text().toLowerCase(Locale.ROOT) : v.text();
      if (!seen.add(key)) {
        out.add(
            Problems.warning(
                "DUPLICATE_ENTRY",
                v.path(),
                v.text() + " is listed twice in " + field,
                "remove one"));
        continue;
      }
      for (PolicyDocument.Value other : values) {
        if (other != v
            && !other.text().equalsIgnoreCase(v.text())
            && ResourceCover.covers(
                lowerIf(other.text(), caseInsensitive), lowerIf(v.text(), caseInsensitive))) {
          out.add(
              Problems.warning(
                  "DUPLICATE_ENTRY",
                  v.path(),
                  v.text() + " is already covered by " + other.text() + " in the same list",
                  "remove it"));
          break;
        }
      }
    }
  }

  private static String lowerIf(String text, boolean lower) {
    return lower ? text.toLowerCase(Locale.ROOT) : text;
  }

  /** The statement without its Sid, with lists as sorted sets, for comparison. */
  private static String normalized(PolicyDocument.Statement s) {
    StringBuilder out = new StringBuilder();
    for (String field :
        List.of(
            "Effect",
            "Principal",
            "NotPrincipal",
            "Action",
            "NotAction",
            "Resource",
            "NotResource",
            "Condition")) {
      JsonNode node = s.get(field);
      out.append(field).append('=');
      if (node.isArray() || node.isTextual()) {
        Set<String> set = new TreeSet<>();
        PolicyDocument.strings(s, field)
            .forEach(
                v ->
                    set.add(
                        field.endsWith("Action") ? v.text().toLowerCase(Locale.ROOT) : v.text()));
        out.append(set);
      } else {
        out.append(node);
      }
      out.append(';');
    }
    return out.toString();
  }

  /**
   * True if {@code a} allows (or denies) everything {@code b} does, under no narrower conditions.
   */
  private static boolean covers(PolicyDocument.Statement a, PolicyDocument.Statement b) {
    for (String only : List.of("NotAction", "NotResource", "Principal", "NotPrincipal")) {
      if (a.has(only) || b.has(only)) {
        return false;
      }
    }
    if (!a.get("Effect").equals(b.get("Effect"))) {
      return false;
    }
    if (a.has("Condition") && !a.get("Condition").equals(b.get("Condition"))) {
      return false;
    }
    return all(PolicyDocument.strings(a, "Action"), PolicyDocument.strings(b, "Action"), true)
        && all(PolicyDocument.strings(a, "Resource"), PolicyDocument.strings(b, "Resource"), false);
  }

  private static boolean all(
      List<PolicyDocument.Value> broad,
      List<PolicyDocument.Value> narrow,
      boolean caseInsensitive) {
    if (narrow.isEmpty()) {
      return false;
    }
    for (PolicyDocument.Value n : narrow) {
      boolean covered = false;
      for (PolicyDocument.Value b : broad) {
        covered |=
            ResourceCover.covers(
                lowerIf(b.text(), caseInsensitive), lowerIf(n.text(), caseInsensitive));
      }
      if (!covered) {
        return false;
      }
    }
    return true;
  }
}
