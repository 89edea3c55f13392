package dev.minrole.generator.render;

/** Terminal text attributes for {@code --explain}; plain text when colour is off. */
final class Style {
  private final boolean colour;

  Style(boolean colour) {
    this.colour = colour;
  }

  String bold(String text) {
    return sgr("1", text);
  }

  String dim(String text) {
    return sgr("2", text);
  }

  String cyan(String text) {
    return sgr("36", text);
  }

  String severity(dev.minrole.analyzer.model.Severity severity, String text) {
    return switch (severity) {
      case ERROR -> sgr("1;31", text);
      case WARNING -> sgr("33", text);
      default -> dim(text);
    };
  }

  private String sgr(String code, String text) {
    return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
