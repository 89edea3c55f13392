package dev.minrole.generator.diff;

/** Whether a current policy lets the function do one needed thing. */
public enum Access {
  /** Allowed, whatever the request's context: no condition, no Deny, inside the boundary. */
  GRANTED,
  /**
   * Allowed only sometimes: a conditional grant, a Deny that may apply, or a conditional boundary.
   */
  CONDITIONAL,
  /** An unconditional Deny covers it. */
  DENIED,
  /** The identity policies grant it, the permissions boundary does not. */
  OUTSIDE_BOUNDARY,
  /** Nothing grants it. */
  NOT_GRANTED
}
