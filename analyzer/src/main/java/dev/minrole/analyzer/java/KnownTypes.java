package dev.minrole.analyzer.java;

/** Types from outside the sources that the analyzer knows by name: SDK and library classes. */
@FunctionalInterface
interface KnownTypes {
  boolean knows(String fqn);
}
