package dev.minrole.generator.synth;

import dev.minrole.analyzer.model.SourceLocation;
import java.time.Instant;
import java.util.Comparator;

/**
 * Why a permission is in a policy: a call in the code, a template property, CloudTrail, or the
 * platform.
 */
public sealed interface Evidence extends Comparable<Evidence> {

  /** An SDK call at a source location, e.g. {@code S3Client.getObject}. */
  record Code(SourceLocation site, String detail) implements Evidence {}

  /** A template property, e.g. {@code Resources.Fn.Properties.Environment.Variables.TABLE}. */
  record Template(SourceLocation location, String path) implements Evidence {}

  /** CloudTrail saw the role perform the action {@code count} times between the two dates. */
  record Trail(long count, Instant firstSeen, Instant lastSeen) implements Evidence {}

  /** Lambda itself needs it, e.g. to write the function's logs. */
  record Platform(String reason) implements Evidence {}

  /** The report's name for this kind of evidence. */
  default String kind() {
    if (this instanceof Code) {
      return "code";
    }
    if (this instanceof Template) {
      return "template";
    }
    if (this instanceof Trail) {
      return "observed";
    }
    return "platform";
  }

  /** A one-line description for messages and {@code --explain}. */
  default String describe() {
    if (this instanceof Code c) {
      return c.site() + " " + c.detail();
    }
    if (this instanceof Template t) {
      return t.location() + " " + t.path();
    }
    if (this instanceof Trail t) {
      return "CloudTrail: " + t.count() + " calls, " + t.firstSeen() + " to " + t.lastSeen();
    }
    return "platform: " + ((Platform) this).reason();
  }

  @Override
  default int compareTo(Evidence other) {
    return ORDER.compare(this, other);
  }

  Comparator<Evidence> ORDER =
      Comparator.comparing(Evidence::kind).thenComparing(Evidence::describe);
}
