package dev.minrole.analyzer.java;

/**
 * The calling context an expression is evaluated in: the method it belongs to, the call site that
 * invoked it, and the caller's own frame. A frame without a site is unbound: a parameter read there
 * takes the values of every reachable call site.
 */
record Frame(MethodInfo method, CallSite site, Frame parent) {
  static final Frame NONE = new Frame(null, null, null);

  static Frame unbound(MethodInfo method) {
    return method == null ? NONE : new Frame(method, null, null);
  }

  boolean binds(MethodInfo m) {
    return method == m && site != null && site.arguments().isPresent();
  }

  /** How many call sites deep this frame is bound. */
  int depth() {
    int d = 0;
    for (Frame f = this; f != null && f.site != null; f = f.parent) {
      d++;
    }
    return d;
  }
}
