package dev.minrole.generator.synth;

/**
 * How policies are written beyond what the code needs: {@code compact} lets an action list be
 * shortened to a wildcard that expands, in the catalog, to exactly the same actions; {@code limits}
 * are the size quotas a policy must fit.
 */
public record SynthesisOptions(boolean compact, SizeLimits limits) {
  public static SynthesisOptions defaults() {
    return new SynthesisOptions(false, SizeLimits.IAM);
  }
}
