package dev.minrole.cli;

/** {@code --color}: whether {@code --explain} uses colour. */
enum ColorMode {
  auto,
  always,
  never;

  /**
   * True for {@code always}; for {@code auto}, true when stdout is a terminal ({@code
   * System.console()} is the JDK's test for it) and neither {@code NO_COLOR} nor {@code TERM=dumb}
   * asks for plain text.
   */
  boolean enabled() {
    return switch (this) {
      case always -> true;
      case never -> false;
      case auto -> Terminal.isInteractive();
    };
  }
}
