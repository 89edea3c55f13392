package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.Expression;

/** A value written to a field, and the code unit that writes it. */
record Assignment(Expression value, CodeUnit unit) {}
