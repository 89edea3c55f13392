package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;

/**
 * One entry point a framework may run, with the name configuration selects it by ({@code
 * placeOrder}, a {@code @Named} value, a Funqy function name), how to show it in messages, where it
 * is declared, and the code it starts.
 */
record EntryCandidate(String name, String label, TypeInfo owner, Node at, EntryPoints entries) {}
