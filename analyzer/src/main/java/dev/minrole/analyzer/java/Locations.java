package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import dev.minrole.analyzer.model.SourceLocation;

/** Where a node is, in the terms users see: the file's display path and the line. */
final class Locations {
  private Locations() {}

  static SourceLocation of(Node node, TypeIndex index) {
    String file = index.scopeOf(node).displayPath();
    int line = node.getBegin().map(p -> p.line).orElse(0);
    return SourceLocation.of(file, line);
  }
}
