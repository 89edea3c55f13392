package dev.minrole.generator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minrole.generator.catalog.Glob;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.mapping.MappingData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The indexed {@link DuplicateRule} finds exactly what comparing every statement (and list entry)
 * with every other finds: the naive pairwise rule is kept here as the reference, and both run on
 * generated policies whose actions and resources come from small pools, so that equal, covering and
 * overlapping statements are common.
 */
class DuplicateRuleProperties {
  private static final List<String> ACTIONS =
      List.of(
          "s3:GetObject",
          "S3:getobject",
          "s3:Get*",
          "s3:*",
          "*",
          "**",
          "s3:*Object",
          "s3:Put?bject",
          "sqs:SendMessage",
          "*:Send*");
  private static final List<String> RESOURCES =
      List.of(
          "*",
          "arn:aws:s3:::media/*",
          "arn:aws:s3:::media/in/*",
          "arn:aws:s3:::Media/in/a",
          "arn:aws:s3:::media/in/a",
          "arn:aws:s3:::*/in/a",
          "arn:aws:s3:::media/?n/a",
          "arn:aws:sqs:*:*:jobs");
  private static final ValidationContext CONTEXT =
      new ValidationContext(IamCatalog.bundled(), MappingData.bundled(), PolicyType.IDENTITY);

  @Provide
  Arbitrary<String> policies() {
    Arbitrary<String> statement =
        Combinators.combine(
                Arbitraries.of("Allow", "Deny"),
                Arbitraries.of(ACTIONS).list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.of(RESOURCES).list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.of(
                    "",
                    ", \"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"true\"}}",
                    ", \"NotResource\": \"arn:aws:s3:::secret/*\""))
            .as(
                (effect, actions, resources, extra) ->
                    "{\"Effect\": \""
                        + effect
                        + "\", \"Action\": "
                        + json(actions)
                        + ", \"Resource\": "
                        + json(resources)
                        + extra
                        + "}");
    return statement
        .list()
        .ofMinSize(1)
        .ofMaxSize(8)
        .map(s -> "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(", ", s) + "]}");
  }

  private static String json(List<String> values) {
    return values.stream()
        .map(v -> "\"" + v + "\"")
        .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
  }

  @Property(tries = 1500)
  void check_findsWhatComparingEveryPairFinds(@ForAll("policies") String text) {
    PolicyDocument document = PolicyDocument.read(text, new ArrayList<>()).orElseThrow();
    assertThat(new DuplicateRule().check(document, CONTEXT))
        .containsExactlyInAnyOrderElementsOf(Pairwise.check(document));
  }

  /** The rule as first written: every statement, and every list entry, against every other. */
  private static final class Pairwise {
    static List<Problem> check(PolicyDocument document) {
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

    static void repeated(PolicyDocument.Statement s, String field, List<Problem> out) {
      List<PolicyDocument.Value> values = PolicyDocument.strings(s, field);
      boolean actions = field.endsWith("Action");
      Set<String> seen = new HashSet<>();
      for (PolicyDocument.Value v : values) {
        if (!seen.add(actions ? v.text().toLowerCase(Locale.ROOT) : v.text())) {
          out.add(
              Problems.warning(
                  "DUPLICATE_ENTRY",
                  v.path(),
                  v.text() + " is listed twice in " + field,
                  "remove one"));
          continue;
        }
        for (PolicyDocument.Value other : values) {
          if (!other.text().equalsIgnoreCase(v.text()) && cover(other.text(), v.text(), actions)) {
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

    static boolean cover(String broad, String narrow, boolean actions) {
      return actions ? Glob.coversIgnoreCase(broad, narrow) : Glob.covers(broad, narrow);
    }

    static String normalized(PolicyDocument.Statement s) {
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

    static boolean covers(PolicyDocument.Statement a, PolicyDocument.Statement b) {
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
          && all(
              PolicyDocument.strings(a, "Resource"), PolicyDocument.strings(b, "Resource"), false);
    }

    static boolean all(
        List<PolicyDocument.Value> broad, List<PolicyDocument.Value> narrow, boolean actions) {
      if (narrow.isEmpty()) {
        return false;
      }
      for (PolicyDocument.Value n : narrow) {
        if (broad.stream().noneMatch(b -> cover(b.text(), n.text(), actions))) {
          return false;
        }
      }
      return true;
    }
  }
}
