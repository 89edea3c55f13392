package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import dev.minrole.analyzer.model.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds AWS SDK clients, credentials providers and requests that the function's code hands to code
 * that is not in the sources (a class from a dependency jar): that code may make AWS calls minrole
 * cannot see, so each such hand-off is a {@code CLIENT_ESCAPES} finding and the function is
 * incomplete. Handing them to the JDK, to the AWS SDK itself, or to a library minrole models (or
 * knows makes no AWS calls) is not a hand-off.
 */
final class ClientEscapes {
  private static final String SDK2 = "software.amazon.awssdk.";
  private static final String SDK1 = "com.amazonaws.";

  private final Analysis analysis;

  private ClientEscapes(Analysis analysis) {
    this.analysis = analysis;
  }

  static List<Finding> of(Collection<CodeUnit> reachable, Analysis analysis) {
    ClientEscapes escapes = new ClientEscapes(analysis);
    Map<Node, Finding> out = new LinkedHashMap<>();
    for (CodeUnit unit : reachable) {
      for (Node root : unit.roots()) {
        root.walk(node -> escapes.check(node).ifPresent(f -> out.putIfAbsent(node, f)));
      }
    }
    return new ArrayList<>(out.values());
  }

  private Optional<Finding> check(Node node) {
    if (isInNestedType(node)) {
      return Optional.empty();
    }
    if (node instanceof MethodCallExpr call) {
      return external(call).flatMap(target -> handedOff(node, call.getArguments(), target));
    }
    if (node instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isEmpty()) {
      JType type = analysis.types().typeOf(creation);
      return isExternal(type)
          ? handedOff(node, creation.getArguments(), "new " + type.simpleName())
          : Optional.empty();
    }
    if (node instanceof ExplicitConstructorInvocationStmt invocation && !invocation.isThis()) {
      TypeInfo owner = analysis.names().enclosingType(invocation);
      if (owner != null) {
        for (JType supertype : owner.supertypes()) {
          if (!analysis.index().contains(supertype.name()) && isExternal(supertype)) {
            return handedOff(
                node, invocation.getArguments(), "super(...) of " + supertype.simpleName());
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The method a call runs, named for the message, if it is outside the sources. */
  private Optional<String> external(MethodCallExpr call) {
    if (!analysis.targets().resolve(call).declared().isEmpty()) {
      return Optional.empty();
    }
    Optional<Expression> scope = call.getScope();
    if (scope.isEmpty() || scope.get() instanceof ThisExpr) {
      return Optional.empty();
    }
    JType receiver = analysis.types().typeOf(scope.get());
    return isExternal(receiver)
        ? Optional.of(receiver.simpleName() + "." + call.getNameAsString())
        : Optional.empty();
  }

  /**
   * True for a type that is neither in the sources, the JDK, the AWS SDK nor modelled: a known
   * class of a dependency, or a class name the sources import but do not declare.
   */
  private boolean isExternal(JType type) {
    String name = type.isKnown() ? type.name() : type.simpleName();
    if (!type.isKnown() && (name.isEmpty() || !Character.isUpperCase(name.charAt(0)))) {
      return false;
    }
    if (analysis.index().contains(name) || name.startsWith("java")) {
      return false;
    }
    if (name.startsWith(SDK2) || name.startsWith(SDK1)) {
      return false;
    }
    return !analysis.sdk().libraries().isModelled(name)
        && !analysis.sdk().utilities().isUtility(name);
  }

  private Optional<Finding> handedOff(Node at, List<Expression> args, String target) {
    for (Expression arg : args) {
      Optional<String> what = awsObject(analysis.types().typeOf(arg));
      if (what.isPresent()) {
        return Optional.of(
            Finding.warning(
                "CLIENT_ESCAPES",
                "the code hands "
                    + what.get()
                    + " to "
                    + target
                    + ", which is not in the sources, so the AWS calls made there are not in the"
                    + " policy; add that library's sources to the analysis, or add what it needs by"
                    + " hand",
                Locations.of(at, analysis.index())));
      }
    }
    return Optional.empty();
  }

  /** What an argument of this type is, if it is an SDK client, credentials or a request. */
  private Optional<String> awsObject(JType type) {
    String name = type.name();
    if (!type.isKnown() || type.isArray()) {
      return Optional.empty();
    }
    if (analysis.sdk().inventory().serviceByClient(name).isPresent()
        || analysis.sdk().sdk1().inventory().client(name).isPresent()) {
      return Optional.of("an AWS SDK client (" + type.simpleName() + ")");
    }
    boolean sdk = name.startsWith(SDK2) || name.startsWith(SDK1);
    if (sdk && type.simpleName().endsWith("CredentialsProvider")) {
      return Optional.of("an AWS credentials provider (" + type.simpleName() + ")");
    }
    if (sdk && name.contains(".model.") && type.simpleName().endsWith("Request")) {
      return Optional.of("an AWS SDK request (" + type.simpleName() + ")");
    }
    return Optional.empty();
  }

  /** True if the node belongs to a class declared inside the unit, which is a unit of its own. */
  private static boolean isInNestedType(Node node) {
    for (Node n = node.getParentNode().orElse(null);
        n != null;
        n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?>) {
        return false;
      }
      if (n instanceof ObjectCreationExpr creation
          && creation.getAnonymousClassBody().isPresent()) {
        return true;
      }
    }
    return false;
  }
}
