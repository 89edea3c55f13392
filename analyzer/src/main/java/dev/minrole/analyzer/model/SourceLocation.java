package dev.minrole.analyzer.model;

import java.util.Comparator;

/**
 * A place in an input file: a Java source, a template or a log. Paths are relative to the directory
 * the user named, with forward slashes, so output does not depend on the machine.
 */
public record SourceLocation(String file, int line) implements Comparable<SourceLocation> {

  private static final Comparator<SourceLocation> ORDER =
      Comparator.comparing((SourceLocation l) -> l.file()).thenComparingInt(SourceLocation::line);

  public static final SourceLocation NONE = new SourceLocation("", 0);

  public SourceLocation {
    file = file == null ? "" : file.replace('\\', '/');
  }

  public static SourceLocation of(String file, int line) {
    return new SourceLocation(file, line);
  }

  public static SourceLocation file(String file) {
    return new SourceLocation(file, 0);
  }

  public boolean isKnown() {
    return !file.isEmpty();
  }

  @Override
  public int compareTo(SourceLocation other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    if (!isKnown()) {
      return "";
    }
    return line > 0 ? file + ":" + line : file;
  }
}
