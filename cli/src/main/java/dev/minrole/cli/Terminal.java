package dev.minrole.cli;

import java.io.Console;

/** Whether stdout is an interactive terminal that wants colour. */
final class Terminal {
  private Terminal() {}

  static boolean isInteractive() {
    String term = System.getenv("TERM");
    return isTerminal() && System.getenv("NO_COLOR") == null && !"dumb".equals(term);
  }

  /**
   * True when the JVM is attached to a terminal: up to JDK 21 that is when {@code System.console()}
   * is not null; from JDK 22 the console is there even when output is redirected, and {@code
   * Console.isTerminal()} (called reflectively, as the build targets Java 17) tells.
   */
  @SuppressWarnings("SystemConsoleNull") // the null test is the JDK 17-21 way; 22+ is handled
  static boolean isTerminal() {
    Console console = System.console();
    if (console == null || Runtime.version().feature() < 22) {
      return console != null;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      throw new LinkageError(e.getMessage(), e);
    }
  }
}
