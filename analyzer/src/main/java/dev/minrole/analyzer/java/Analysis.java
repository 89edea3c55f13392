package dev.minrole.analyzer.java;

/**
 * The shared parts of one analysis of a source set: the type index and the name, variable, type and
 * call resolution built on it. Expression types are cached, so an instance serves one thread.
 */
record Analysis(
    TypeIndex index,
    TypeNames names,
    Variables variables,
    ExpressionTypes types,
    CallTargets targets,
    SdkTypes sdk,
    DependencyInjection injection) {

  /** Builds the resolvers over an index whose supertypes are already linked. */
  static Analysis over(
      TypeIndex index, TypeNames names, SdkTypes sdk, DependencyInjection injection) {
    Variables variables = new Variables(index);
    CallTargets targets = new CallTargets(index, names);
    ExpressionTypes types = new ExpressionTypes(index, names, variables, targets, sdk);
    targets.useTypes(types);
    return new Analysis(index, names, variables, types, targets, sdk, injection);
  }
}
