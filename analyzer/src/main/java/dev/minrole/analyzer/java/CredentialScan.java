package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.analyzer.template.Credentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds AWS credentials written into the sources: access key ids in any string literal, and secret
 * access keys in literals assigned to something named like a secret or passed to a credentials
 * factory. Every file is checked, reachable or not: a key in the repository is exposed either way.
 */
public final class CredentialScan {
  private CredentialScan() {}

  public static List<Finding> scan(SourceSet sources) {
    List<Finding> out = new ArrayList<>();
    for (ParsedFile file : sources.files()) {
      for (Node literal :
          file.unit()
              .findAll(
                  Node.class,
                  n -> n instanceof StringLiteralExpr || n instanceof TextBlockLiteralExpr)) {
        String text =
            literal instanceof StringLiteralExpr s
                ? s.getValue()
                : ((TextBlockLiteralExpr) literal).getValue();
        Optional<String> found = Credentials.find(text, nameAround(literal));
        found.ifPresent(
            what ->
                out.add(
                    Finding.error(
                        "HARDCODED_CREDENTIAL",
                        "the code holds an AWS "
                            + what
                            + "; remove it, deactivate the key, and let the function use its execution role",
                        SourceLocation.of(
                            file.displayPath(), literal.getBegin().map(p -> p.line).orElse(0)))));
      }
    }
    return out;
  }

  /** The variable, field or call the literal is given to, which says what it is. */
  private static String nameAround(Node literal) {
    Node parent = literal.getParentNode().orElse(null);
    if (parent instanceof VariableDeclarator v) {
      return v.getNameAsString();
    }
    if (parent instanceof AssignExpr a) {
      return nameOf(a.getTarget());
    }
    if (parent instanceof MethodCallExpr call) {
      String scope = call.getScope().map(CredentialScan::nameOf).orElse("");
      return call.getNameAsString()
          + " "
          + scope
          + (call.getNameAsString().equals("create") && scope.contains("Credentials")
              ? " secret"
              : "");
    }
    return "";
  }

  /**
   * The name an expression ends in ({@code creds.secretKey} gives {@code secretKey}), without
   * printing it: a long call chain would print recursively.
   */
  private static String nameOf(Expression e) {
    if (e instanceof NameExpr n) {
      return n.getNameAsString();
    }
    if (e instanceof FieldAccessExpr f) {
      return nameOf(f.getScope()) + "." + f.getNameAsString();
    }
    if (e instanceof MethodCallExpr m) {
      return m.getNameAsString();
    }
    return "";
  }
}
