package dev.minrole.engine;

import dev.minrole.analyzer.cloudtrail.RoleTarget;
import dev.minrole.analyzer.cloudtrail.TrailProgress;
import dev.minrole.analyzer.cloudtrail.TrailSource;
import dev.minrole.analyzer.cloudtrail.TrailWindow;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The CloudTrail part of a request: whose events count, over which window, and the sources to read
 * them from. The engine asks for each part when it needs it, in this order: {@link #hasSources},
 * (the code is analyzed), {@link #roleTargets}, {@link #window}, {@link #open}; so a front end may
 * check its options lazily and build AWS clients only when the trail is read. Each method may throw
 * a {@link RequestException}.
 */
public interface TrailInput {
  /** True if some trail source is given; false makes the request a usage error. */
  boolean hasSources();

  /** The roles whose events count; empty: the roles the template names by ARN. */
  List<RoleTarget> roleTargets();

  TrailWindow window();

  /** True to leave out permissions the trail shows but no code needs (they are only reported). */
  boolean codeOnly();

  /** The sources to read. */
  List<TrailSource> open(
      Optional<String> region, Set<String> resourceParameters, TrailProgress progress);
}
