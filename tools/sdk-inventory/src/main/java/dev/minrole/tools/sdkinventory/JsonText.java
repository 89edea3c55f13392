package dev.minrole.tools.sdkinventory;

import java.util.List;

/** A tiny JSON writer for one-line objects, so the files' layout is ours and stable. */
final class JsonText {

  private final StringBuilder out = new StringBuilder("{ ");
  private boolean empty = true;

  /** Adds a string field; null values are left out. */
  JsonText field(String name, String value) {
    return value == null ? this : raw(name, quote(value));
  }

  JsonText field(String name, long value) {
    return raw(name, Long.toString(value));
  }

  /** Adds {@code "name" : true}; false is left out. */
  JsonText flag(String name, boolean value) {
    return value ? raw(name, "true") : this;
  }

  JsonText field(String name, List<String> values) {
    return raw(name, array(values));
  }

  private JsonText raw(String name, String json) {
    if (!empty) {
      out.append(", ");
    }
    out.append(quote(name)).append(" : ").append(json);
    empty = false;
    return this;
  }

  @Override
  public String toString() {
    return empty ? "{ }" : out + " }";
  }

  static String array(List<String> values) {
    if (values.isEmpty()) {
      return "[ ]";
    }
    var text = new StringBuilder("[ ");
    for (int i = 0; i < values.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
    }
    return text.append(" ]").toString();
  }

  /** A JSON string literal; everything outside printable ASCII is escaped. */
  static String quote(String value) {
    var text = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            text.append(String.format("\\u%04x", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
    return text.append('"').toString();
  }
}
