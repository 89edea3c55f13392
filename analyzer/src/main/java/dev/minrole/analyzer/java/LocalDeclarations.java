package dev.minrole.analyzer.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classes a file declares inside code rather than as members: local classes and records (by the
 * type declaration they are written in) and anonymous classes, each in source order. The loader
 * finds them in the walk it makes over every parsed tree anyway, so the index never walks a tree.
 */
final class LocalDeclarations {
  private static final DataKey<LocalDeclarations> KEY = new DataKey<>() {};

  private final IdentityHashMap<Node, List<TypeDeclaration<?>>> localClasses =
      new IdentityHashMap<>();
  private final IdentityHashMap<Node, List<TypeDeclaration<?>>> localRecords =
      new IdentityHashMap<>();
  private final List<ObjectCreationExpr> anonymous = new ArrayList<>();

  /** Notes one node; called for every node of a tree in pre-order (source order). */
  void visit(Node node) {
    if (node instanceof LocalClassDeclarationStmt local) {
      add(localClasses, local, local.getClassDeclaration());
    } else if (node instanceof LocalRecordDeclarationStmt local) {
      add(localRecords, local, local.getRecordDeclaration());
    } else if (node instanceof ObjectCreationExpr creation
        && creation.getAnonymousClassBody().isPresent()) {
      anonymous.add(creation);
    }
  }

  private static void add(
      Map<Node, List<TypeDeclaration<?>>> byOwner, Node statement, TypeDeclaration<?> declared) {
    Node owner = statement.getParentNode().orElse(null);
    while (owner != null && !(owner instanceof TypeDeclaration<?>)) {
      owner = owner.getParentNode().orElse(null);
    }
    byOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(declared);
  }

  /** Keeps these with the unit they were found in, for {@link #of}. */
  void attachTo(CompilationUnit unit) {
    unit.setData(KEY, this);
  }

  /** What the loader found in {@code unit}, or, for a tree it did not load, a walk's result. */
  static LocalDeclarations of(CompilationUnit unit) {
    if (unit.containsData(KEY)) {
      return unit.getData(KEY);
    }
    LocalDeclarations found = new LocalDeclarations();
    unit.walk(found::visit);
    return found;
  }

  /**
   * The local classes, then the local records, declared in the bodies of {@code type} itself (not
   * in those of the types nested in it).
   */
  List<TypeDeclaration<?>> localTypesOf(TypeDeclaration<?> type) {
    List<TypeDeclaration<?>> out = new ArrayList<>(localClasses.getOrDefault(type, List.of()));
    out.addAll(localRecords.getOrDefault(type, List.of()));
    return out;
  }

  /** Every {@code new X(...) {...}} in the file, outer before inner. */
  List<ObjectCreationExpr> anonymousClasses() {
    return anonymous;
  }
}
