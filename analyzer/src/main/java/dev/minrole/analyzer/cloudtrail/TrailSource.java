package dev.minrole.analyzer.cloudtrail;

/**
 * Somewhere CloudTrail events can be read from: local files, Athena, CloudTrail Lake, LookupEvents.
 */
public interface TrailSource {
  /** The observations of the roles' calls inside the window. */
  TrailScan scan(RoleSelector roles, TrailWindow window) throws TrailSourceException;
}
