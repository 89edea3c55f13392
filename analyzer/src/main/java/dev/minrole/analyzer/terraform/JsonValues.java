package dev.minrole.analyzer.terraform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.SourceLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * JSON text as a {@link TfValue}, each object and array located at its line: a heredoc or a file
 * holding a policy, a plan. Strings go through {@code strings} (a heredoc's {@code ${...}} are
 * Terraform template interpolations inside JSON strings).
 */
public final class JsonValues {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonValues() {}

  /**
   * The JSON value of {@code text}, whose first line is line {@code firstLine} of {@code file};
   * {@code strings} turns each string (with its line) into a value. Empty if it is not JSON.
   */
  public static Optional<TfValue> parse(
      String text, String file, int firstLine, BiFunction<String, Integer, TfValue> strings) {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return Optional.empty();
      }
      TfValue value = read(p, file, firstLine - 1, strings);
      if (p.nextToken() != null) {
        return Optional.empty();
      }
      return Optional.of(value);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Plain JSON, strings as they are. */
  public static Optional<TfValue> parse(String text, String file, int firstLine) {
    return parse(
        text, file, firstLine, (s, line) -> TfValue.text(s, SourceLocation.of(file, line)));
  }

  private static TfValue read(
      JsonParser p, String file, int offset, BiFunction<String, Integer, TfValue> strings)
      throws IOException {
    int line = p.currentTokenLocation().getLineNr() + offset;
    SourceLocation at = SourceLocation.of(file, line);
    JsonToken token = p.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, TfValue> fields = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          fields.put(name, read(p, file, offset, strings));
        }
        return new TfValue.Obj(fields, at);
      }
      case START_ARRAY -> {
        List<TfValue> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p, file, offset, strings));
        }
        return new TfValue.Tuple(items, at);
      }
      case VALUE_STRING -> {
        return strings.apply(p.getText(), line);
      }
      case VALUE_NULL -> {
        return new TfValue.Null(at);
      }
      default -> {
        return new TfValue.Text(List.of(ArgValue.literal(p.getText())), at);
      }
    }
  }
}
