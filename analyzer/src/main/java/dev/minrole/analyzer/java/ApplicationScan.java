package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import dev.minrole.analyzer.entry.ApplicationConfig;
import dev.minrole.analyzer.entry.ApplicationScope;
import dev.minrole.analyzer.entry.FunctionContext;
import dev.minrole.analyzer.entry.SettingKey;
import dev.minrole.analyzer.entry.SettingValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The application a framework starts, and the packages it scans for components: the class {@code
 * MAIN_CLASS} names, else the class the user's handler hands the container, else the only class
 * with {@code @SpringBootApplication}. Its package is scanned, with the packages {@code
 * scanBasePackages} or {@code @ComponentScan} name and those of the classes {@code @Import} names.
 * When no application is known, nothing is excluded.
 */
final class ApplicationScan {
  /** Packages scanned (empty: no limit), and why, as an info finding. */
  record Scope(Set<String> packages, List<Finding> findings) {
    static final Scope EVERYWHERE = new Scope(Set.of(), List.of());

    Scope {
      packages = Set.copyOf(packages);
      findings = List.copyOf(findings);
    }

    boolean includes(TypeInfo type) {
      if (packages.isEmpty()) {
        return true;
      }
      String pkg = type.scope().packageName();
      for (String p : packages) {
        if (pkg.equals(p) || pkg.startsWith(p + ".")) {
          return true;
        }
      }
      return false;
    }
  }

  private static final List<String> SCAN_ANNOTATIONS =
      List.of("SpringBootApplication", "ComponentScan");
  private static final List<String> SCAN_ATTRIBUTES =
      List.of("scanBasePackages", "basePackages", "value");

  private final TypeIndex index;
  private final TypeNames names;

  ApplicationScan(TypeIndex index, TypeNames names) {
    this.index = index;
    this.names = names;
  }

  Scope of(
      String framework,
      ApplicationScope model,
      FunctionContext context,
      ApplicationConfig config,
      Optional<Hint> hint) {
    Optional<SettingValue> named =
        SettingValue.find(List.of(new SettingKey("", model.env())), context, config);
    if (named.isPresent() && named.get().values().size() == 1) {
      Optional<TypeInfo> app = index.get(named.get().values().get(0));
      if (app.isPresent()) {
        return scope(
            framework, app.get(), "chosen by " + named.get().describe(), named.get().location());
      }
    }
    if (hint.isPresent()) {
      return scope(framework, hint.get().type(), hint.get().why(), hint.get().location());
    }
    List<TypeInfo> annotated =
        index.types().stream()
            .filter(t -> Annotations.hasAny(t.annotations(), model.annotations()))
            .toList();
    if (annotated.size() == 1) {
      TypeInfo app = annotated.get(0);
      return scope(
          framework,
          app,
          "the only class with @" + String.join(" or @", model.annotations()),
          Locations.of(app.node(), index));
    }
    return Scope.EVERYWHERE;
  }

  /**
   * An application class the user's code names itself, such as {@code getAwsProxyHandler(X.class)}.
   */
  record Hint(TypeInfo type, String why, SourceLocation location) {}

  private Scope scope(String framework, TypeInfo app, String why, SourceLocation where) {
    Set<String> packages = new LinkedHashSet<>();
    packages.add(app.scope().packageName());
    for (String annotation : SCAN_ANNOTATIONS) {
      Optional<AnnotationExpr> found = Annotations.find(app.annotations(), annotation);
      if (found.isEmpty()) {
        continue;
      }
      for (String attribute : SCAN_ATTRIBUTES) {
        Annotations.attribute(found.get(), attribute)
            .ifPresent(e -> strings(e).forEach(packages::add));
      }
    }
    Annotations.find(app.annotations(), "Import")
        .flatMap(a -> Annotations.attribute(a, "value"))
        .ifPresent(e -> imported(e, app).forEach(t -> packages.add(t.scope().packageName())));
    if (packages.contains("")) {
      return Scope.EVERYWHERE;
    }
    Finding chosen =
        Finding.info(
            "FRAMEWORK_ENTRY_SELECTED",
            framework
                + " starts the application "
                + app.fqn()
                + " ("
                + why
                + "), so only components in "
                + String.join(", ", packages.stream().sorted().toList())
                + " are its entry points",
            where);
    return new Scope(packages, List.of(chosen));
  }

  private static List<String> strings(Expression e) {
    List<String> out = new ArrayList<>();
    if (e.isStringLiteralExpr()) {
      out.add(e.asStringLiteralExpr().asString());
    } else if (e instanceof ArrayInitializerExpr array) {
      array.getValues().forEach(v -> out.addAll(strings(v)));
    }
    return out;
  }

  private List<TypeInfo> imported(Expression e, TypeInfo app) {
    List<TypeInfo> out = new ArrayList<>();
    if (e instanceof ClassExpr c) {
      index.get(names.resolve(c.getType(), app.node()).name()).ifPresent(out::add);
    } else if (e instanceof ArrayInitializerExpr array) {
      array.getValues().forEach(v -> out.addAll(imported(v, app)));
    }
    return out;
  }
}
