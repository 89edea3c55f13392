package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.minrole.analyzer.entry.FrameworkModel;
import dev.minrole.analyzer.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds, in the code a handler reaches, where it starts a framework through one of its container
 * types ({@code SpringBootLambdaContainerHandler.getAwsProxyHandler(Application.class)}, {@code
 * JerseyLambdaContainerHandler}): such a handler also runs the framework's entry points. A class
 * literal handed to the container names the application. Only files that import a container type
 * are looked at.
 */
final class ContainerUse {
  /** A framework the handler starts, where, and the application class it hands over, if any. */
  record Use(FrameworkModel model, String container, SourceLocation at, Optional<TypeInfo> app) {}

  private final TypeIndex index;
  private final TypeNames names;
  private final ExpressionTypes types;

  ContainerUse(TypeIndex index, TypeNames names, ExpressionTypes types) {
    this.index = index;
    this.names = names;
    this.types = types;
  }

  /**
   * One use of each framework's containers in {@code units}, in framework order: the first that
   * hands the container an application class, else the first.
   */
  List<Use> in(Set<CodeUnit> units, List<FrameworkModel> frameworks) {
    List<Use> out = new ArrayList<>();
    for (FrameworkModel model : frameworks) {
      Optional<Use> first = Optional.empty();
      for (CodeUnit unit : units) {
        if (!imports(unit.owner().scope(), model.containers())) {
          continue;
        }
        for (Node root : unit.roots()) {
          for (Use use : uses(root, model)) {
            if (use.app().isPresent()) {
              first = Optional.of(use);
              break;
            }
            first = first.or(() -> Optional.of(use));
          }
          if (first.isPresent() && first.get().app().isPresent()) {
            break;
          }
        }
        if (first.isPresent() && first.get().app().isPresent()) {
          break;
        }
      }
      first.ifPresent(out::add);
    }
    return out;
  }

  private List<Use> uses(Node root, FrameworkModel model) {
    List<Use> out = new ArrayList<>();
    for (MethodCallExpr call : root.findAll(MethodCallExpr.class)) {
      if (call.getScope().isPresent()) {
        String type = types.typeOf(call.getScope().get()).name();
        if (model.containers().contains(type)) {
          out.add(use(model, type, call));
        }
      }
    }
    for (ObjectCreationExpr creation : root.findAll(ObjectCreationExpr.class)) {
      String type = names.resolve(creation.getType(), creation).name();
      if (model.containers().contains(type)) {
        out.add(use(model, type, creation));
      }
    }
    return out;
  }

  private Use use(FrameworkModel model, String type, Expression at) {
    return new Use(
        model, FrameworkModel.simpleName(type), Locations.of(at, index), application(at));
  }

  /**
   * The first class of the sources given as a class literal in the whole expression around the use
   * ({@code getAwsProxyHandler(App.class)}, {@code builder().springBootApplication(App.class)}).
   */
  private Optional<TypeInfo> application(Expression use) {
    Node top = use;
    while (top.getParentNode().isPresent() && top.getParentNode().get() instanceof Expression) {
      top = top.getParentNode().get();
    }
    for (ClassExpr c : top.findAll(ClassExpr.class)) {
      Optional<TypeInfo> type = index.get(names.resolve(c.getType(), c).name());
      if (type.isPresent()) {
        return type;
      }
    }
    return Optional.empty();
  }

  private static boolean imports(FileScope scope, List<String> containers) {
    for (String container : containers) {
      String simple = FrameworkModel.simpleName(container);
      String pkg = container.substring(0, container.lastIndexOf('.'));
      if (container.equals(scope.singleImport(simple))
          || scope.onDemandImports().contains(pkg)
          || scope.packageName().equals(pkg)) {
        return true;
      }
    }
    return false;
  }
}
