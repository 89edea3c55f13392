package dev.minrole.bench.generate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Renders one Java file from a template: the package, the imports in order, the body with its
 * values, and the filler helpers ({@code {{helpers}}}) the body may call as {@code {{h0}}}, {@code
 * {{h1}}} and {@code {{h2}}}.
 */
final class JavaFile {
  private JavaFile() {}

  static String render(
      String pkg, List<String> imports, String body, Map<String, String> values, Filler filler) {
    int baseLines = (int) body.lines().count() + imports.size() + 4;
    Filler.Helpers helpers = filler.helpers(baseLines);
    SortedSet<String> allImports = new TreeSet<>(imports);
    allImports.addAll(helpers.imports());
    Map<String, String> all = new HashMap<>(values);
    all.put("helpers", helpers.code());
    for (int i = 0; i < 3; i++) {
      all.put("h" + i, helpers.name(i));
    }
    StringBuilder out = new StringBuilder();
    out.append("package ").append(pkg).append(";\n\n");
    for (String imp : allImports) {
      out.append("import ").append(imp).append(";\n");
    }
    if (!allImports.isEmpty()) {
      out.append('\n');
    }
    out.append(Template.fill(body, all));
    return out.toString();
  }
}
