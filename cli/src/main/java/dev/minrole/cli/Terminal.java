package dev.minrole.cli;

/** Whether stdout is an interactive terminal that wants colour. */
final class Terminal {
  private Terminal() {}

  static boolean isInteractive() {
    String term = System.getenv("TERM");
    return System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(term);
  }
}
