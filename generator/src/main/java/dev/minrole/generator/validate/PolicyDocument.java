package dev.minrole.generator.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.minrole.analyzer.model.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A policy file read for validation: its JSON tree, the line of every element by JSON path, and the
 * problems of reading it (JSON syntax, duplicate keys). Read with Jackson's streaming parser rather
 * than {@code IamPolicy.fromJson}, which stops at the first error and cannot say where an element
 * is (see docs/adr/0001).
 */
public final class PolicyDocument {
  private static final JsonFactory JSON = new JsonFactory();

  private final String text;
  private final JsonNode root;
  private final Map<String, Integer> lines;
  private final List<Problem> readProblems;

  private PolicyDocument(
      String text, JsonNode root, Map<String, Integer> lines, List<Problem> readProblems) {
    this.text = text;
    this.root = root;
    this.lines = Map.copyOf(lines);
    this.readProblems = List.copyOf(readProblems);
  }

  /** The document, or empty with the syntax problem in {@code problems}. */
  public static Optional<PolicyDocument> read(String text, List<Problem> problems) {
    Map<String, Integer> lines = new HashMap<>();
    List<Problem> readProblems = new ArrayList<>();
    try (JsonParser parser = JSON.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        problems.add(invalid(1, "the file is empty"));
        return Optional.empty();
      }
      JsonNode root = value(parser, "$", lines, readProblems);
      if (parser.nextToken() != null) {
        problems.add(
            invalid(
                parser.currentLocation().getLineNr(),
                "there is more after the policy's closing brace"));
        return Optional.empty();
      }
      problems.addAll(readProblems);
      return Optional.of(new PolicyDocument(text, root, lines, readProblems));
    } catch (JsonProcessingException e) {
      String message = firstLine(e.getOriginalMessage());
      problems.add(invalid(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), message));
      return Optional.empty();
    } catch (IOException e) {
      problems.add(invalid(0, e.getMessage()));
      return Optional.empty();
    }
  }

  private static Problem invalid(int line, String message) {
    return new Problem(
        "INVALID_JSON",
        Severity.ERROR,
        "$",
        line,
        "not valid JSON: " + message,
        "fix the JSON syntax at that line");
  }

  private static JsonNode value(
      JsonParser p, String path, Map<String, Integer> lines, List<Problem> problems)
      throws IOException {
    lines.putIfAbsent(path, p.currentTokenLocation().getLineNr());
    JsonToken token = p.currentToken();
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = nodes.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          int line = p.currentTokenLocation().getLineNr();
          p.nextToken();
          String child = path + "." + name;
          if (object.has(name)) {
            problems.add(
                new Problem(
                    "GRAMMAR",
                    Severity.ERROR,
                    child,
                    line,
                    "\""
                        + name
                        + "\" appears twice in the same object; only one of them would count",
                    "merge the two into one " + name));
          }
          lines.put(child, line);
          object.set(name, value(p, child, lines, problems));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = nodes.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(p, path + "[" + i++ + "]", lines, problems));
        }
        return array;
      }
      case VALUE_STRING -> {
        return nodes.textNode(p.getText());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return nodes.nullNode();
      }
      default -> {
        return nodes.numberNode(p.getDecimalValue());
      }
    }
  }

  public String text() {
    return text;
  }

  public JsonNode root() {
    return root;
  }

  /** The line of the element at {@code path}, or of its nearest enclosing element; 0 if unknown. */
  public int line(String path) {
    String p = path;
    while (!p.isEmpty()) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut <= 0 ? "" : p.substring(0, cut);
    }
    return lines.getOrDefault("$", 0);
  }

  /** The problems met while reading (duplicate keys). */
  public List<Problem> readProblems() {
    return readProblems;
  }

  /**
   * A statement with its path: {@code $.Statement[0]}, or {@code $.Statement} for a single object.
   */
  public record Statement(String path, JsonNode node) {
    public JsonNode get(String field) {
      return node.path(field);
    }

    public boolean has(String field) {
      return node.has(field);
    }
  }

  /** The statements that are JSON objects. */
  public List<Statement> statements() {
    JsonNode statement = root.path("Statement");
    List<Statement> out = new ArrayList<>();
    if (statement.isObject()) {
      out.add(new Statement("$.Statement", statement));
    } else if (statement.isArray()) {
      for (int i = 0; i < statement.size(); i++) {
        if (statement.get(i).isObject()) {
          out.add(new Statement("$.Statement[" + i + "]", statement.get(i)));
        }
      }
    }
    return out;
  }

  /** A string of a value that is a string or a list of strings, with its path. */
  public record Value(String path, String text) {}

  /** The strings of {@code field} in a statement: one for a string, one per string of a list. */
  public static List<Value> strings(Statement s, String field) {
    JsonNode node = s.get(field);
    String path = s.path() + "." + field;
    List<Value> out = new ArrayList<>();
    if (node.isTextual()) {
      out.add(new Value(path, node.asText()));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        if (node.get(i).isTextual()) {
          out.add(new Value(path + "[" + i + "]", node.get(i).asText()));
        }
      }
    }
    return out;
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
