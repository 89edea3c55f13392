package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.type.Type;
import java.util.Optional;

/** What a simple name in an expression refers to. */
sealed interface VarRef {

  /** A local variable, with its declarator (and so its initializer). */
  record Local(VariableDeclarator declarator) implements VarRef {}

  /** A parameter of a method or constructor in the sources. */
  record Param(MethodInfo method, Parameter parameter, int index) implements VarRef {}

  /** A parameter of a lambda expression; its type is often implicit. */
  record LambdaParam(LambdaExpr lambda, Parameter parameter, int index) implements VarRef {}

  /** A field, record component or enum constant. */
  record Field(FieldInfo field) implements VarRef {}

  /** A for-each variable, catch parameter, pattern variable or try resource. */
  record Other(Node declaration, Optional<Type> type) implements VarRef {}
}
