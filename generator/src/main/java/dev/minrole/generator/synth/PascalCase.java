package dev.minrole.generator.synth;

/**
 * Text as one PascalCase word of letters and digits, the form IAM statement ids and CloudFormation
 * logical ids allow: {@code order-handler} and {@code order handler} become {@code OrderHandler},
 * and letters after the first of each word keep their case ({@code handleRequest} becomes {@code
 * HandleRequest}).
 */
public final class PascalCase {
  private PascalCase() {}

  public static String of(String text) {
    StringBuilder out = new StringBuilder();
    for (String word : text.split("[^A-Za-z0-9]+", -1)) {
      if (!word.isEmpty()) {
        out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return out.toString();
  }
}
