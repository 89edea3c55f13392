package dev.minrole.generator.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The one JSON writer of minrole: two-space indentation, {@code "key": value}, one array element
 * per line, LF line ends and a final newline. Key order is the order the caller built, which the
 * callers keep canonical; the same tree always gives the same bytes.
 */
public final class CanonicalJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

  private CanonicalJson() {}

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String write(JsonNode node) {
    try {
      StringWriter out = new StringWriter();
      try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
        generator.setPrettyPrinter(new Printer());
        MAPPER.writeTree(generator, node);
      }
      return out + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Jackson's pretty printer with {@code ": "} after keys and arrays broken over lines. */
  private static final class Printer extends DefaultPrettyPrinter {
    Printer() {
      DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
      indentObjectsWith(indenter);
      indentArraysWith(indenter);
      _objectFieldValueSeparatorWithSpaces = ": ";
    }

    private Printer(Printer base) {
      super(base);
      _objectFieldValueSeparatorWithSpaces = ": ";
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
      return new Printer(this);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
      if (!_objectIndenter.isInline()) {
        --_nesting;
      }
      if (nrOfEntries > 0) {
        _objectIndenter.writeIndentation(g, _nesting);
      }
      g.writeRaw('}');
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
      if (!_arrayIndenter.isInline()) {
        --_nesting;
      }
      if (nrOfValues > 0) {
        _arrayIndenter.writeIndentation(g, _nesting);
      }
      g.writeRaw(']');
    }
  }
}
