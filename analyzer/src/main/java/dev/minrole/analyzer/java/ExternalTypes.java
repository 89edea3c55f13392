package dev.minrole.analyzer.java;

/**
 * Types from outside the sources: which names exist, and what a call on them returns. The SDK and
 * library knowledge implements this, so the typing itself holds no service-specific rules.
 */
interface ExternalTypes extends KnownTypes {
  /** The type a call on a receiver outside the sources returns, or {@link JType#UNKNOWN}. */
  JType returnType(JType receiver, String method, int argCount);
}
