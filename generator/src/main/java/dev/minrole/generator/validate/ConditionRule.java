package dev.minrole.generator.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minrole.generator.catalog.IamService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Conditions: every operator is one IAM knows (with {@code ForAnyValue:}/{@code ForAllValues:} and
 * {@code IfExists}); values are strings, numbers or booleans, or lists of them, of the kind the
 * operator compares; and a service condition key exists in the catalog (global {@code aws:} keys
 * are not checked).
 */
final class ConditionRule implements ValidationRule {
  private static final Pattern DATE =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?|\\d+");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern IP =
      Pattern.compile(
          "(\\d{1,3}\\.){3}\\d{1,3}(/\\d{1,2})?|[0-9A-Fa-f:]+:[0-9A-Fa-f:.]*(/\\d{1,3})?");

  @Override
  public List<Problem> check(PolicyDocument document, ValidationContext context) {
    List<Problem> out = new ArrayList<>();
    for (PolicyDocument.Statement s : document.statements()) {
      JsonNode condition = s.get("Condition");
      if (!condition.isObject()) {
        continue;
      }
      for (Map.Entry<String, JsonNode> op : condition.properties()) {
        String path = s.path() + ".Condition." + op.getKey();
        Optional<String> kind = ConditionOperators.kind(op.getKey());
        if (kind.isEmpty()) {
          Optional<String> close = Suggestions.closest(op.getKey(), ConditionOperators.names());
          out.add(
              Problems.error(
                  "CONDITION_OPERATOR",
                  path,
                  "\"" + op.getKey() + "\" is not an IAM condition operator",
                  close
                      .map(c -> "did you mean " + c + "?")
                      .orElse("use an operator such as StringEquals, StringLike or ArnLike")));
          continue;
        }
        if (!op.getValue().isObject() || op.getValue().isEmpty()) {
          out.add(
              Problems.error(
                  "GRAMMAR",
                  path,
                  op.getKey() + " must map condition keys to values",
                  "write {\"" + op.getKey() + "\": {\"key\": \"value\"}}"));
          continue;
        }
        for (Map.Entry<String, JsonNode> key : op.getValue().properties()) {
          String keyPath = path + "." + key.getKey();
          key(key.getKey(), keyPath, context, out);
          values(kind.get(), op.getKey(), key.getValue(), keyPath, out);
        }
      }
    }
    return out;
  }

  private static void key(String key, String path, ValidationContext context, List<Problem> out) {
    int colon = key.indexOf(':');
    if (colon <= 0) {
      out.add(
          Problems.error(
              "GRAMMAR",
              path,
              "condition key \"" + key + "\" has no service prefix",
              "write it as service:Key, e.g. aws:SourceArn or s3:prefix"));
      return;
    }
    String prefix = key.substring(0, colon).toLowerCase(Locale.ROOT);
    Optional<IamService> service = context.catalog().service(prefix);
    if (prefix.equals("aws") || service.isEmpty()) {
      return;
    }
    for (String known : service.get().conditionKeys().keySet()) {
      String regex = Pattern.quote(known).replaceAll("\\$\\{[^}]+}|<[^>]+>", "\\\\E.+\\\\Q");
      if (Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(key).matches()) {
        return;
      }
    }
    Optional<String> close = Suggestions.closest(key, service.get().conditionKeys().keySet());
    out.add(
        Problems.warning(
            "UNKNOWN_CONDITION_KEY",
            path,
            service.get().prefix()
                + " has no condition key \""
                + key
                + "\", so the condition never matches",
            close
                .map(c -> "did you mean " + c + "?")
                .orElse("check the key in the Service Authorization Reference")));
  }

  private static void values(
      String kind, String operator, JsonNode value, String path, List<Problem> out) {
    List<JsonNode> items = new ArrayList<>();
    if (value.isArray()) {
      if (value.isEmpty()) {
        out.add(
            Problems.error(
                "GRAMMAR",
                path,
                "the condition has an empty list of values",
                "give at least one value"));
      }
      value.forEach(items::add);
    } else {
      items.add(value);
    }
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String itemPath = value.isArray() ? path + "[" + i + "]" : path;
      if (!item.isValueNode() || item.isNull()) {
        out.add(
            Problems.error(
                "GRAMMAR",
                itemPath,
                "a condition value is a string, number or boolean",
                "write the value as a string"));
        continue;
      }
      String text = item.asText();
      String expected = expectation(kind, text);
      if (expected != null) {
        out.add(
            Problems.error(
                "CONDITION_VALUE",
                itemPath,
                operator + " compares " + expected + ", not \"" + text + "\"",
                "use " + expected + ", or an operator for this kind of value"));
      }
    }
  }

  /** What the operator expects, if the text is not that; null if it is fine. */
  private static String expectation(String kind, String text) {
    return switch (kind) {
      case "Bool", "Null" ->
          text.equals("true") || text.equals("false") ? null : "\"true\" or \"false\"";
      case "Numeric" -> NUMBER.matcher(text).matches() ? null : "numbers";
      case "Date" ->
          DATE.matcher(text).matches() ? null : "dates (2026-01-31T00:00:00Z) or epoch seconds";
      case "IpAddress" ->
          IP.matcher(text).matches() ? null : "IP addresses or CIDR ranges (203.0.113.0/24)";
      case "Arn" ->
          text.startsWith("arn:") || text.equals("*") || text.startsWith("${") ? null : "ARNs";
      default -> null;
    };
  }
}
