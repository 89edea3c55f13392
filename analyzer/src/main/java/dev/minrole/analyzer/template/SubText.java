package dev.minrole.analyzer.template;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of an {@code Fn::Sub} cut into its pieces: plain text and {@code ${Name}} variables, a
 * plain piece before each variable and one at the end (any of them possibly empty). {@code
 * ${!Literal}} is the plain text {@code ${Literal}}; a dollar-brace that is never closed, and the
 * text after it, stay plain.
 */
final class SubText {
  /** One piece of the text. */
  sealed interface Piece {}

  /** Text as it is. */
  record Plain(String text) implements Piece {}

  /** {@code ${name}}: a parameter, resource, {@code Resource.Attribute} or local variable. */
  record Variable(String name) implements Piece {}

  private SubText() {}

  static List<Piece> pieces(String text) {
    List<Piece> out = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int start = text.indexOf("${", i);
      if (start < 0) {
        plain.append(text.substring(i));
        break;
      }
      int end = text.indexOf('}', start);
      if (end < 0) {
        plain.append(text.substring(i));
        break;
      }
      plain.append(text, i, start);
      String name = text.substring(start + 2, end);
      i = end + 1;
      if (name.startsWith("!")) {
        plain.append("${").append(name.substring(1)).append('}');
        continue;
      }
      out.add(new Plain(plain.toString()));
      plain.setLength(0);
      out.add(new Variable(name));
    }
    out.add(new Plain(plain.toString()));
    return out;
  }
}
