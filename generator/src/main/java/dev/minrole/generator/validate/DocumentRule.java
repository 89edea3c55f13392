package dev.minrole.generator.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minrole.analyzer.model.Severity;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The policy's top level: an object with {@code Version}, optionally {@code Id}, and {@code
 * Statement} (an object or a non-empty list of objects); and only characters IAM accepts (tab, line
 * ends, U+0020 to U+00FF), which catches curly quotes pasted from documents.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
final class DocumentRule implements ValidationRule {
  static final String RULE = "GRAMMAR";
  private static final Set<String> ELEMENTS = Set.of("Version", "Id", "Statement");
  private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");

  @Override
  public List<Problem> check(PolicyDocument document, ValidationContext context) {
    List<Problem> out = new ArrayList<>();
    characters(document.text(), out);
    JsonNode root = document.root();
    if (!root.isObject()) {
      out.add(
          Problems.error(
              RULE,
              "$",
              "a policy is a JSON object",
              "write the policy as {\"Version\": ..., \"Statement\": [...]}"));
      return out;
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!ELEMENTS.contains(name)) {
        out.add(
            Problems.error(
                RULE,
                "$." + name,
                "\"" + name + "\" is not a policy element",
                Elements.fix(name, ELEMENTS)));
      }
    }
    JsonNode version = root.path("Version");
    if (version.isMissingNode()) {
      out.add(
          Problems.warning(
              RULE,
              "$",
              "the policy has no Version, so IAM reads it as 2008-10-17, which does not support"
                  + " policy variables",
              "add \"Version\": \"2012-10-17\""));
    } else if (!version.isTextual() || !VERSIONS.contains(version.asText())) {
      out.add(
          Problems.error(
              RULE,
              "$.Version",
              "Version must be \"2012-10-17\" (or the old \"2008-10-17\")",
              "use \"2012-10-17\""));
    } else if (version.asText().equals("2008-10-17")) {
      out.add(
          Problems.warning(
              RULE,
              "$.Version",
              "Version 2008-10-17 does not support policy variables such as ${aws:username}",
              "use \"2012-10-17\""));
    }
    JsonNode statement = root.path("Statement");
    if (statement.isMissingNode()) {
      out.add(
          Problems.error(RULE, "$", "the policy has no Statement", "add \"Statement\": [ ... ]"));
    } else if (statement.isArray()) {
      if (statement.isEmpty()) {
        out.add(
            Problems.error(
                RULE, "$.Statement", "Statement is empty", "add at least one statement"));
      }
      for (int i = 0; i < statement.size(); i++) {
        if (!statement.get(i).isObject()) {
          out.add(
              Problems.error(
                  RULE,
                  "$.Statement[" + i + "]",
                  "a statement is a JSON object",
                  "write it as {\"Effect\": ..., \"Action\": ..., \"Resource\": ...}"));
        }
      }
    } else if (!statement.isObject()) {
      out.add(
          Problems.error(
              RULE,
              "$.Statement",
              "Statement must be a list of statements (or one statement object)",
              "write \"Statement\": [ { ... } ]"));
    }
    return out;
  }

  private static void characters(String text, List<Problem> out) {
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
      } else if (c > 0xFF || (c < 0x20 && c != '\t' && c != '\r')) {
        out.add(
            new Problem(
                RULE,
                Severity.ERROR,
                "$",
                line,
                String.format(
                    "character U+%04X is not allowed in an IAM policy (only tab, line ends and"
                        + " U+0020 to U+00FF)",
                    (int) c),
                c == '\u201c' || c == '\u201d'
                    ? "replace the curly quotes with straight quotes (\")"
                    : "remove or replace the character"));
        return;
      }
    }
  }
}
