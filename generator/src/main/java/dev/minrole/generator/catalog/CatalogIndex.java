package dev.minrole.generator.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where each service's JSON is in the catalog's bytes, found without building any of it: most runs
 * need a few of the catalog's 400-odd services. The bundled catalog is laid out one service block
 * per indented run of lines ({@code scripts/derive_iam_catalog.py}), so its services are found by
 * looking at line starts alone; JSON laid out any other way is found by the JSON tokenizer.
 */
record CatalogIndex(String sourceVersion, SortedMap<String, Slice> services) {
  /** The bytes {@code [start, end)} of one service's JSON object. */
  record Slice(int start, int end) {}

  private static final String SERVICE_START = "    \"";
  private static final String SERVICE_OPEN = "\" : {";
  private static final String SERVICE_END = "    }";
  private static final String SERVICES_END = "  }";
  private static final String INNER_INDENT = "      ";

  /** The index of a catalog in the derived format. */
  static CatalogIndex of(byte[] bytes, ObjectMapper mapper) throws IOException {
    String version = "";
    try (JsonParser parser = mapper.getFactory().createParser(bytes)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("the IAM catalog is not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("source")) {
          version = mapper.<JsonNode>readTree(parser).path("version").asText("");
        } else if (field.equals("services")) {
          int open = (int) parser.currentTokenLocation().getByteOffset();
          Optional<SortedMap<String, Slice>> byLines = servicesByLines(bytes, open);
          if (byLines.isPresent()) {
            return new CatalogIndex(version, byLines.get());
          }
          return new CatalogIndex(version, servicesByTokens(parser));
        } else {
          parser.skipChildren();
        }
      }
    }
    return new CatalogIndex(version, new TreeMap<>());
  }

  /** The services after the {@code services} object's opening brace, by the JSON tokenizer. */
  static SortedMap<String, Slice> servicesByTokens(JsonParser parser) throws IOException {
    SortedMap<String, Slice> services = new TreeMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String prefix = parser.currentName();
      parser.nextToken();
      int start = (int) parser.currentTokenLocation().getByteOffset();
      parser.skipChildren();
      services.put(prefix, new Slice(start, (int) parser.currentLocation().getByteOffset()));
    }
    return services;
  }

  /**
   * The services of the {@code services} object whose opening brace is at {@code open}, when the
   * text is laid out as the derivation script writes it: the brace ends its line, each service
   * starts on a line <code>"prefix" : {</code> and ends on the next line that is <code>}</code>
   * (with or without a comma), and a line <code>}</code> closes the object. Empty if anything else
   * is found.
   */
  static Optional<SortedMap<String, Slice>> servicesByLines(byte[] bytes, int open) {
    int line = lineEnd(bytes, open) + 1;
    if (line != open + 2) {
      return Optional.empty();
    }
    SortedMap<String, Slice> services = new TreeMap<>();
    while (line < bytes.length) {
      int lineEnd = lineEnd(bytes, line);
      String text = new String(bytes, line, lineEnd - line, StandardCharsets.US_ASCII);
      if (text.equals(SERVICES_END)) {
        return services.isEmpty() ? Optional.empty() : Optional.of(services);
      }
      if (!text.startsWith(SERVICE_START) || !text.endsWith(SERVICE_OPEN)) {
        return Optional.empty();
      }
      String prefix = text.substring(SERVICE_START.length(), text.length() - SERVICE_OPEN.length());
      if (!prefix.chars().allMatch(c -> c > ' ' && c < 0x7f && c != '"' && c != '\\')) {
        return Optional.empty();
      }
      int start = lineEnd - 1;
      int end = -1;
      for (line = lineEnd + 1; line < bytes.length && end < 0; line = lineEnd(bytes, line) + 1) {
        if (startsWith(bytes, line, SERVICE_END + "\n")
            || startsWith(bytes, line, SERVICE_END + ",\n")) {
          end = line + SERVICE_END.length();
        } else if (!startsWith(bytes, line, INNER_INDENT)) {
          return Optional.empty();
        }
      }
      if (end < 0 || services.put(prefix, new Slice(start, end)) != null) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The index of the newline that ends the line holding {@code at}, or the text's length. */
  private static int lineEnd(byte[] bytes, int at) {
    int i = at;
    while (i < bytes.length && bytes[i] != '\n') {
      i++;
    }
    return i;
  }

  private static boolean startsWith(byte[] bytes, int at, String ascii) {
    if (at + ascii.length() > bytes.length) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (bytes[at + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
