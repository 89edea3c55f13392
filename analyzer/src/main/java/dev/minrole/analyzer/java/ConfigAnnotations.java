package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Values a framework injects from configuration: Spring and Micronaut {@code @Value}, MicroProfile
 * {@code @ConfigProperty}, Micronaut {@code @Property}, Powertools {@code @Param}. The analyzer
 * cannot know them; it says where they come from, so the finding can tell the user what to set.
 */
final class ConfigAnnotations {
  private record Source(String annotation, String attribute, String label) {}

  private static final List<Source> SOURCES =
      List.of(
          new Source("Value", "value", "configuration property"),
          new Source("ConfigProperty", "name", "configuration property"),
          new Source("Property", "name", "configuration property"),
          new Source("Param", "key", "SSM parameter"));

  private ConfigAnnotations() {}

  static Optional<String> describe(Collection<AnnotationExpr> annotations) {
    for (Source source : SOURCES) {
      Optional<AnnotationExpr> found = Annotations.find(annotations, source.annotation());
      if (found.isPresent()) {
        String key =
            Annotations.attribute(found.get(), source.attribute())
                .map(ConfigAnnotations::text)
                .orElse("?");
        return Optional.of(
            source.label() + " " + key + " (injected by @" + source.annotation() + ")");
      }
    }
    return Optional.empty();
  }

  private static String text(Expression e) {
    String raw = e instanceof StringLiteralExpr s ? s.asString() : e.toString();
    if (raw.startsWith("${") && raw.endsWith("}")) {
      raw = raw.substring(2, raw.length() - 1);
    }
    int colon = raw.indexOf(':');
    return colon > 0 && !raw.startsWith("/") ? raw.substring(0, colon) : raw;
  }
}
