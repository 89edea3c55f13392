package dev.minrole.tools.sdkinventory;

import java.util.List;

/**
 * What became of one BOM artifact.
 *
 * @param artifact the artifact id
 * @param status what happened
 * @param clients the recorded clients (empty unless {@link Status#RECORDED})
 * @param reason why it was not recorded, for the failures
 */
record ArtifactOutcome(String artifact, Status status, List<ServiceClient> clients, String reason) {

  enum Status {
    /** The jar has no service client. */
    NOT_A_SERVICE,
    /** The jar has an async service client but no sync one. */
    ASYNC_ONLY,
    /** The jar itself could not be resolved, so whether it is a service is unknown. */
    JAR_UNRESOLVED,
    /** A service client jar whose dependencies did not resolve or whose classes did not load. */
    FAILED,
    /** A service client jar that was recorded. */
    RECORDED
  }

  static ArtifactOutcome of(String artifact, Status status, String reason) {
    return new ArtifactOutcome(artifact, status, List.of(), reason);
  }
}
