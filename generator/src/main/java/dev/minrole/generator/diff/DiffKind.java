package dev.minrole.generator.diff;

import java.util.Locale;

/** How one action and resource pair compares, in the order output lists them. */
public enum DiffKind {
  /** Needed, not (reliably) granted: the function would fail at run time. */
  MISSING,
  /** Granted on a wider resource than needed ({@code *} where {@code table/orders} is enough). */
  BROADER,
  /** Granted, not needed. */
  EXCESS,
  /**
   * Granted, and not needed by the code minrole saw, but the function runs code minrole could not
   * see ({@code FunctionDiff#complete()} is false), which may need it. Only incomplete functions
   * have these; they take the place of {@code excess} and {@code broader}.
   */
  UNVERIFIED,
  /** Needed and granted on exactly the needed resource. */
  MATCHED;

  /** The lower-case name output uses. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
