package dev.minrole.generator.diff;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;

/**
 * Reads identity policies users give: a policy object, a list of them, or the output of {@code aws
 * iam get-role-policy} ({@code {"PolicyDocument": {...}}}). The JSON is checked first, element by
 * element, so a mistake is reported as one line naming the JSON path; then the policy is built with
 * {@code IamPolicy.fromJson} (docs/adr/0001). The check also protects the meaning: {@code fromJson}
 * silently drops condition values that are JSON booleans or numbers ({@code "Bool":
 * {"aws:SecureTransport": false}}), which would turn a conditional grant into an unconditional one,
 * so they are passed on as the strings IAM compares them as.
 */
public final class PolicyReader {
  private static final JsonFactory JSON = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> POLICY_KEYS = Set.of("Version", "Id", "Statement");
  private static final Set<String> STATEMENT_KEYS =
      Set.of(
          "Sid",
          "Effect",
          "Action",
          "NotAction",
          "Resource",
          "NotResource",
          "Condition",
          "Principal",
          "NotPrincipal");

  private final String name;
  private final String file;
  private final Map<String, Integer> lines = new HashMap<>();

  private PolicyReader(String name, String file) {
    this.name = name;
    this.file = file;
  }

  /**
   * The policies in {@code text}. {@code name} says what the text is in messages; {@code file} is
   * the relative path for locations, or empty when the text did not come from a file.
   */
  public static List<PolicyDocument> read(String text, String name, String file)
      throws PolicyInputException {
    return new PolicyReader(name, file).read(text);
  }

  private List<PolicyDocument> read(String text) throws PolicyInputException {
    JsonNode root;
    try (JsonParser parser = JSON.createParser(text)) {
      if (parser.nextToken() == null) {
        throw error(
            "$", "is empty; expected an IAM policy document (a JSON object with a Statement list)");
      }
      root = value(parser, "$");
      if (parser.nextToken() != null) {
        throw error("$", "has more than one JSON value; put several policies in one JSON list");
      }
    } catch (JsonParseException e) {
      throw new PolicyInputException(
          name
              + ":"
              + e.getLocation().getLineNr()
              + ":"
              + e.getLocation().getColumnNr()
              + ": not valid JSON ("
              + shortMessage(e)
              + ")");
    } catch (IOException e) {
      throw new PolicyInputException(name + ": cannot read (" + e.getMessage() + ")", e);
    }
    List<PolicyDocument> out = new ArrayList<>();
    if (root.isArray()) {
      if (root.isEmpty()) {
        throw error("$", "is an empty list; expected IAM policy documents");
      }
      for (int i = 0; i < root.size(); i++) {
        out.add(document(root.get(i), "$[" + i + "]"));
      }
    } else if (root.isObject() && root.has("PolicyDocument") && !root.has("Statement")) {
      out.add(document(root.get("PolicyDocument"), "$.PolicyDocument"));
    } else {
      out.add(document(root, "$"));
    }
    return out;
  }

  /** Jackson's message without the parser-internal source description. */
  private static String shortMessage(JsonParseException e) {
    String message = e.getOriginalMessage().lines().findFirst().orElse("");
    int source = message.indexOf(" (for ");
    int marker = message.indexOf(" (start marker");
    int cut = source >= 0 ? source : marker;
    return cut >= 0 ? message.substring(0, cut) : message;
  }

  private PolicyDocument document(JsonNode node, String path) throws PolicyInputException {
    ObjectNode policy =
        object(node, path, "an IAM policy document (a JSON object with a Statement list)");
    for (Iterator<String> keys = policy.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!POLICY_KEYS.contains(key)) {
        throw error(
            path + "." + key, "is not a policy element; a policy has Version, Id and Statement");
      }
    }
    if (policy.has("Version") && !policy.get("Version").isTextual()) {
      throw error(path + ".Version", "must be a string such as \"2012-10-17\"");
    }
    JsonNode statements = policy.get("Statement");
    if (statements == null) {
      throw error(path, "has no Statement; an identity policy needs at least one statement");
    }
    List<String> paths = new ArrayList<>();
    ArrayNode normalized = NODES.arrayNode();
    if (statements.isArray()) {
      if (statements.isEmpty()) {
        throw error(
            path + ".Statement", "is empty; an identity policy needs at least one statement");
      }
      for (int i = 0; i < statements.size(); i++) {
        String p = path + ".Statement[" + i + "]";
        normalized.add(statement(statements.get(i), p));
        paths.add(p);
      }
    } else {
      normalized.add(statement(statements, path + ".Statement"));
      paths.add(path + ".Statement");
    }
    ObjectNode clean = NODES.objectNode();
    if (policy.has("Version")) {
      clean.put("Version", policy.get("Version").asText());
    }
    if (policy.has("Id")) {
      clean.put("Id", policy.get("Id").asText());
    }
    clean.set("Statement", normalized);
    IamPolicy parsed;
    try {
      parsed = IamPolicy.fromJson(clean.toString());
    } catch (RuntimeException e) {
      throw error(path, "is not an IAM policy (" + e.getMessage() + ")");
    }
    List<Integer> statementLines = paths.stream().map(p -> lines.getOrDefault(p, 0)).toList();
    return new PolicyDocument(name, file, parsed, paths, statementLines);
  }

  private ObjectNode statement(JsonNode node, String path) throws PolicyInputException {
    ObjectNode statement = object(node, path, "a statement object");
    for (Iterator<String> keys = statement.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!STATEMENT_KEYS.contains(key)) {
        throw error(
            path + "." + key,
            "is not a statement element; a statement has Sid, Effect, Action or"
                + " NotAction, Resource or NotResource, and Condition");
      }
    }
    for (String principal : List.of("Principal", "NotPrincipal")) {
      if (statement.has(principal)) {
        throw error(
            path + "." + principal,
            "is not allowed in an identity policy; give the role's permission"
                + " policies, not a trust policy or a resource policy");
      }
    }
    ObjectNode clean = NODES.objectNode();
    if (statement.has("Sid")) {
      clean.put("Sid", text(statement.get("Sid"), path + ".Sid"));
    }
    JsonNode effect = statement.get("Effect");
    if (effect == null) {
      throw error(path, "has no Effect; add \"Effect\": \"Allow\" or \"Deny\"");
    }
    String effectText = text(effect, path + ".Effect");
    if (!effectText.equals("Allow") && !effectText.equals("Deny")) {
      throw error(
          path + ".Effect",
          "is \"" + effectText + "\"; it must be \"Allow\" or \"Deny\" (case matters)");
    }
    clean.put("Effect", effectText);
    exactlyOne(statement, clean, path, "Action", "NotAction");
    exactlyOne(statement, clean, path, "Resource", "NotResource");
    if (statement.has("Condition")) {
      clean.set("Condition", condition(statement.get("Condition"), path + ".Condition"));
    }
    return clean;
  }

  private void exactlyOne(
      ObjectNode statement, ObjectNode clean, String path, String field, String notField)
      throws PolicyInputException {
    boolean has = statement.has(field);
    boolean hasNot = statement.has(notField);
    if (has == hasNot) {
      throw error(
          path,
          has
              ? "has both " + field + " and " + notField + "; keep one"
              : "has neither "
                  + field
                  + " nor "
                  + notField
                  + "; an identity policy statement needs one");
    }
    String key = has ? field : notField;
    clean.set(key, strings(statement.get(key), path + "." + key, false));
  }

  private ObjectNode condition(JsonNode node, String path) throws PolicyInputException {
    ObjectNode operators = object(node, path, "an object of condition operators");
    ObjectNode clean = NODES.objectNode();
    for (Map.Entry<String, JsonNode> op : operators.properties()) {
      String opPath = path + "." + op.getKey();
      ObjectNode keys = object(op.getValue(), opPath, "an object of condition keys and values");
      if (keys.isEmpty()) {
        throw error(opPath, "names no condition key; remove it or add a key and its values");
      }
      ObjectNode cleanKeys = clean.putObject(op.getKey());
      for (Map.Entry<String, JsonNode> key : keys.properties()) {
        cleanKeys.set(key.getKey(), strings(key.getValue(), opPath + "." + key.getKey(), true));
      }
    }
    return clean;
  }

  /** A string or a non-empty list of strings; condition values may also be booleans and numbers. */
  private ArrayNode strings(JsonNode node, String path, boolean scalarsAllowed)
      throws PolicyInputException {
    ArrayNode out = NODES.arrayNode();
    if (node.isArray()) {
      if (node.isEmpty()) {
        throw error(path, "is an empty list; give at least one value");
      }
      for (int i = 0; i < node.size(); i++) {
        out.add(scalar(node.get(i), path + "[" + i + "]", scalarsAllowed));
      }
    } else {
      out.add(scalar(node, path, scalarsAllowed));
    }
    return out;
  }

  private String scalar(JsonNode node, String path, boolean scalarsAllowed)
      throws PolicyInputException {
    if (node.isTextual()) {
      return node.asText();
    }
    if (scalarsAllowed && (node.isBoolean() || node.isNumber())) {
      return node.asText();
    }
    throw error(
        path,
        "is " + kind(node) + "; expected a string" + (scalarsAllowed ? ", number or boolean" : ""));
  }

  private String text(JsonNode node, String path) throws PolicyInputException {
    if (!node.isTextual()) {
      throw error(path, "is " + kind(node) + "; expected a string");
    }
    return node.asText();
  }

  private ObjectNode object(JsonNode node, String path, String expected)
      throws PolicyInputException {
    if (!node.isObject()) {
      throw error(path, "is " + kind(node) + "; expected " + expected);
    }
    return (ObjectNode) node;
  }

  private static String kind(JsonNode node) {
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isNull()) {
      return "null";
    }
    return node.isTextual() ? "a string" : node.isBoolean() ? "a boolean" : "a number";
  }

  private PolicyInputException error(String path, String message) {
    Integer line = lines.get(path);
    String where = line == null || line == 0 ? name : name + ":" + line;
    return new PolicyInputException(where + ": " + path + " " + message);
  }

  /** Builds the tree while recording the line every object and list starts on, by JSON path. */
  private JsonNode value(JsonParser parser, String path) throws IOException, PolicyInputException {
    JsonToken token = parser.currentToken();
    lines.put(path, parser.currentTokenLocation().getLineNr());
    switch (token) {
      case START_OBJECT -> {
        ObjectNode node = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          parser.nextToken();
          String child = path + "." + key;
          if (node.has(key)) {
            throw error(child, "appears twice; IAM would use only one of them, so merge them");
          }
          node.set(key, value(parser, child));
        }
        return node;
      }
      case START_ARRAY -> {
        ArrayNode node = NODES.arrayNode();
        int i = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          node.add(value(parser, path + "[" + i++ + "]"));
        }
        return node;
      }
      case VALUE_STRING -> {
        return NODES.textNode(parser.getText());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return NODES.booleanNode(parser.getBooleanValue());
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(parser.getDecimalValue());
      }
      default -> {
        return NODES.nullNode();
      }
    }
  }
}
