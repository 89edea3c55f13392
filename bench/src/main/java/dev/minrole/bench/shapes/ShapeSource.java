package dev.minrole.bench.shapes;

import java.util.Map;
import java.util.TreeMap;

/**
 * The sources of one generated shape: file paths (relative to the source root) and their text, and
 * the handler to analyze.
 */
public record ShapeSource(String handler, Map<String, String> files) {
  public ShapeSource {
    files = Map.copyOf(new TreeMap<>(files));
  }

  /** A project of one file, {@code app/Handler.java}, analyzed from {@code handleRequest}. */
  static ShapeSource handler(String source) {
    return new ShapeSource("app.Handler::handleRequest", Map.of("app/Handler.java", source));
  }

  /** The number of lines of all the files. */
  public long lines() {
    return files.values().stream().mapToLong(text -> text.lines().count()).sum();
  }

  /** The number of characters of all the files. */
  public long chars() {
    return files.values().stream().mapToLong(String::length).sum();
  }
}
