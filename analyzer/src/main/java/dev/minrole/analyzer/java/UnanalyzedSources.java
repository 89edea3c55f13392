package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.minrole.analyzer.model.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which files that could not be analyzed (skipped or unparsable) a function may need: those whose
 * class, named after the file, the function's reachable code mentions. Each gives the function a
 * {@code SOURCE_SKIPPED} finding that hides code, so its policy is not called complete.
 */
final class UnanalyzedSources {
  private UnanalyzedSources() {}

  static List<Finding> of(List<String> unanalyzed, Collection<CodeUnit> reachable, Analysis a) {
    if (unanalyzed.isEmpty()) {
      return List.of();
    }
    Map<String, String> fileByClass = new LinkedHashMap<>();
    for (String path : unanalyzed) {
      String name = path.substring(path.lastIndexOf('/') + 1);
      if (name.endsWith(".java")) {
        fileByClass.putIfAbsent(name.substring(0, name.length() - ".java".length()), path);
      }
    }
    Map<String, Node> mentioned = new LinkedHashMap<>();
    for (CodeUnit unit : reachable) {
      for (Node root : unit.roots()) {
        root.walk(
            node -> {
              String name = nameOf(node);
              if (name != null && fileByClass.containsKey(name)) {
                mentioned.putIfAbsent(name, node);
              }
            });
      }
    }
    List<Finding> out = new ArrayList<>();
    for (String name : new TreeSet<>(mentioned.keySet())) {
      out.add(
          Finding.error(
              "SOURCE_SKIPPED",
              "the function uses "
                  + name
                  + ", whose file "
                  + fileByClass.get(name)
                  + " could not be analyzed, so AWS calls made there are not in the policy; fix"
                  + " or simplify that file",
              Locations.of(mentioned.get(name), a.index())));
    }
    return out;
  }

  private static String nameOf(Node node) {
    if (node instanceof ClassOrInterfaceType type) {
      return type.getNameAsString();
    }
    if (node instanceof SimpleName name && Character.isUpperCase(firstChar(name))) {
      return name.asString();
    }
    return null;
  }

  private static char firstChar(SimpleName name) {
    String s = name.asString();
    return s.isEmpty() ? 'a' : s.charAt(0);
  }
}
