package dev.minrole.generator.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minrole.generator.catalog.CoverIndex;
import dev.minrole.generator.catalog.Glob;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Statements and list entries that add nothing: a statement equal to another (apart from its {@code
 * Sid}), a statement whose every action and resource another statement with the same effect already
 * covers without narrower conditions, and actions or resources listed twice or covered by a
 * wildcard of the same list.
 *
 * <p>Nothing here compares every statement (or entry) with every other: equal statements are found
 * by hashing, and the statements that may cover one are looked up in {@link CoverIndex}es of all
 * actions and resources, through the entry of the statement with the fewest candidates. Only those
 * are compared, with {@link Glob}.
 */
final class DuplicateRule implements ValidationRule {
  private static final List<String> ONLY_EQUAL =
      List.of("NotAction", "NotResource", "Principal", "NotPrincipal");

  @Override
  public List<Problem> check(PolicyDocument document, ValidationContext context) {
    List<Problem> out = new ArrayList<>();
    List<PolicyDocument.Statement> statements = document.statements();
    for (PolicyDocument.Statement s : statements) {
      for (String field : List.of("Action", "NotAction", "Resource", "NotResource")) {
        repeated(s, field, out);
      }
    }
    List<Shape> shapes = new ArrayList<>();
    CoverIndex actions = new CoverIndex(true);
    CoverIndex resources = new CoverIndex(false);
    for (int i = 0; i < statements.size(); i++) {
      Shape shape = Shape.of(statements.get(i));
      shapes.add(shape);
      if (shape.coverable()) {
        for (String a : shape.actions()) {
          actions.add(a, i);
        }
        for (String r : shape.resources()) {
          resources.add(r, i);
        }
      }
    }
    Map<String, Integer> firstEqual = new HashMap<>();
    for (int j = 0; j < shapes.size(); j++) {
      Shape b = shapes.get(j);
      Integer equal = firstEqual.putIfAbsent(b.normalized(), j);
      Integer cover = null;
      if (b.coverable() && !b.actions().isEmpty() && !b.resources().isEmpty()) {
        for (int i : candidates(b, actions, resources)) {
          if (equal != null && i >= equal) {
            break;
          }
          Shape a = shapes.get(i);
          if (i != j
              && !a.normalized().equals(b.normalized())
              && a.covers(b)
              && (i < j || !b.covers(a))) {
            cover = i;
            break;
          }
        }
      }
      if (cover != null) {
        String other = shapes.get(cover).statement().path();
        out.add(
            Problems.warning(
                "REDUNDANT_STATEMENT",
                b.statement().path(),
                "everything this statement allows or denies, " + other + " already does",
                "remove it, or merge what differs into " + other));
      } else if (equal != null) {
        out.add(
            Problems.warning(
                "DUPLICATE_STATEMENT",
                b.statement().path(),
                "the statement is the same as " + shapes.get(equal).statement().path(),
                "remove it"));
      }
    }
    return out;
  }

  /**
   * The statements that may cover {@code b}, in order: those with a pattern that may cover b's most
   * selective action or resource. Each statement counts once, however many of its patterns do.
   */
  private static Set<Integer> candidates(Shape b, CoverIndex actions, CoverIndex resources) {
    CoverIndex index = actions;
    String pattern = b.actions().get(0);
    int fewest = Integer.MAX_VALUE;
    for (String a : b.actions()) {
      int n = actions.count(a);
      if (n < fewest) {
        fewest = n;
        index = actions;
        pattern = a;
      }
    }
    for (String r : b.resources()) {
      int n = resources.count(r);
      if (n < fewest) {
        fewest = n;
        index = resources;
        pattern = r;
      }
    }
    return new TreeSet<>(index.candidates(pattern));
  }

  /** Within one list: an entry listed twice, or covered by a wildcard entry of the same list. */
  private static void repeated(PolicyDocument.Statement s, String field, List<Problem> out) {
    List<PolicyDocument.Value> values = PolicyDocument.strings(s, field);
    boolean caseInsensitive = field.endsWith("Action");
    CoverIndex wildcards = new CoverIndex(caseInsensitive);
    for (int i = 0; i < values.size(); i++) {
      if (Glob.isPattern(values.get(i).text())) {
        wildcards.add(values.get(i).text(), i);
      }
    }
    Set<String> seen = new HashSet<>();
    for (PolicyDocument.Value v : values) {
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
      for (int i : new TreeSet<>(wildcards.candidates(v.text()))) {
        PolicyDocument.Value other = values.get(i);
        if (!other.text().equalsIgnoreCase(v.text())
            && covers(other.text(), v.text(), caseInsensitive)) {
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

  private static boolean covers(String broad, String narrow, boolean caseInsensitive) {
    return caseInsensitive ? Glob.coversIgnoreCase(broad, narrow) : Glob.covers(broad, narrow);
  }

  /** What the comparison needs of one statement, worked out once. */
  private record Shape(
      PolicyDocument.Statement statement,
      String normalized,
      boolean coverable,
      List<String> actions,
      List<String> resources) {

    static Shape of(PolicyDocument.Statement s) {
      boolean coverable = ONLY_EQUAL.stream().noneMatch(s::has);
      return new Shape(
          s,
          normalized(s),
          coverable,
          texts(PolicyDocument.strings(s, "Action")),
          texts(PolicyDocument.strings(s, "Resource")));
    }

    private static List<String> texts(List<PolicyDocument.Value> values) {
      return values.stream().map(PolicyDocument.Value::text).toList();
    }

    /**
     * True if this statement allows (or denies) everything {@code b} does, under no narrower
     * conditions.
     */
    boolean covers(Shape b) {
      PolicyDocument.Statement s = statement;
      PolicyDocument.Statement n = b.statement();
      if (!coverable || !b.coverable() || !s.get("Effect").equals(n.get("Effect"))) {
        return false;
      }
      if (s.has("Condition") && !s.get("Condition").equals(n.get("Condition"))) {
        return false;
      }
      return all(actions, b.actions(), true) && all(resources, b.resources(), false);
    }

    private static boolean all(List<String> broad, List<String> narrow, boolean caseInsensitive) {
      if (narrow.isEmpty()) {
        return false;
      }
      for (String n : narrow) {
        if (broad.stream().noneMatch(b -> DuplicateRule.covers(b, n, caseInsensitive))) {
          return false;
        }
      }
      return true;
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
  }
}
