package dev.minrole.generator.diff;

/**
 * Where the current policy comes from: policy files ({@link PolicyFiles}), a live role ({@code
 * dev.minrole.generator.aws.LiveRole}), and later a template's declared permissions for the
 * function. Every source gives the same value, so diff and tighten do not care which it was.
 */
public interface CurrentPolicySource {
  /**
   * Reads the current policy; a problem with the input is a one-line {@link PolicyInputException}.
   */
  CurrentPolicy read() throws PolicyInputException;
}
