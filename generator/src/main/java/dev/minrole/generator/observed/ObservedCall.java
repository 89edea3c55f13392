package dev.minrole.generator.observed;

/**
 * An IAM action on a resource that CloudTrail shows a role used (or was denied), with how often and
 * when.
 */
record ObservedCall(String action, String resource, TrailStats stats) {}
