package dev.minrole.generator.render;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one YAML writer: block style, two-space indentation, sequences indented under their key, LF
 * line ends and a final newline. A string is written plain only when every YAML 1.1 and 1.2 parser
 * reads it back as that same string; otherwise it is double-quoted. Jackson's YAML generator cannot
 * write CloudFormation's short-form tags ({@code !Sub}), hence this writer (see docs/adr/0002).
 */
public final class YamlWriter {
  /**
   * Starts with a letter or slash; then letters, digits and {@code _ . / : * ? - @ + =}; no
   * trailing colon.
   */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z/][A-Za-z0-9_./:*?@+=\\-]*");

  private static final Set<String> RESERVED =
      Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null", "~");

  private YamlWriter() {}

  public static String write(Yaml root) {
    StringBuilder out = new StringBuilder();
    if (root instanceof Yaml.Mapping m && !m.entries().isEmpty()) {
      mapping(out, m, 0);
    } else if (root instanceof Yaml.Seq s && !s.items().isEmpty()) {
      sequence(out, s, 0);
    } else {
      out.append(inline(root)).append('\n');
    }
    return out.toString();
  }

  private static void mapping(StringBuilder out, Yaml.Mapping m, int indent) {
    for (Map.Entry<String, Yaml> e : m.entries().entrySet()) {
      out.append("  ".repeat(indent)).append(scalar(e.getKey())).append(':');
      value(out, e.getValue(), indent);
    }
  }

  private static void sequence(StringBuilder out, Yaml.Seq s, int indent) {
    for (Yaml item : s.items()) {
      out.append("  ".repeat(indent)).append('-');
      if (item instanceof Yaml.Mapping m && !m.entries().isEmpty()) {
        StringBuilder nested = new StringBuilder();
        mapping(nested, m, indent + 1);
        out.append(' ').append(nested.substring(2 * (indent + 1)));
      } else {
        value(out, item, indent);
      }
    }
  }

  /** The value after {@code key:} or {@code -}: inline, or on the following lines. */
  private static void value(StringBuilder out, Yaml value, int indent) {
    if (value instanceof Yaml.Mapping m && !m.entries().isEmpty()) {
      out.append('\n');
      mapping(out, m, indent + 1);
    } else if (value instanceof Yaml.Seq s && !s.items().isEmpty()) {
      out.append('\n');
      sequence(out, s, indent + 1);
    } else {
      out.append(' ').append(inline(value)).append('\n');
    }
  }

  private static String inline(Yaml value) {
    if (value instanceof Yaml.Text t) {
      return scalar(t.value());
    }
    if (value instanceof Yaml.Tagged t) {
      return t.tag() + " " + scalar(t.value());
    }
    return value instanceof Yaml.Seq ? "[]" : "{}";
  }

  /** A string as a plain or double-quoted scalar. */
  public static String scalar(String text) {
    if (PLAIN.matcher(text).matches()
        && !text.endsWith(":")
        && !RESERVED.contains(text.toLowerCase(Locale.ROOT))) {
      return text;
    }
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
