package dev.minrole.generator.catalog;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One IAM action, e.g. {@code s3:GetObject}: its access level, the resource types it can be scoped
 * to, and the condition keys it supports.
 */
public record IamAction(
    String service,
    String name,
    Set<AccessLevel> accessLevels,
    List<ActionResource> resources,
    List<String> conditionKeys,
    List<String> dependentActions) {

  public IamAction {
    accessLevels = Collections.unmodifiableSet(EnumSet.copyOf(accessLevels));
    resources = List.copyOf(resources);
    conditionKeys = List.copyOf(conditionKeys);
    dependentActions = List.copyOf(dependentActions);
  }

  /**
   * The access level that says most about the action. The catalog gives a few actions two levels
   * ({@code Tagging, Write}); the more specific one wins: permissions management, then tagging,
   * write, read, list.
   */
  public AccessLevel access() {
    for (AccessLevel level :
        List.of(
            AccessLevel.PERMISSIONS_MANAGEMENT,
            AccessLevel.TAGGING,
            AccessLevel.WRITE,
            AccessLevel.READ)) {
      if (accessLevels.contains(level)) {
        return level;
      }
    }
    return AccessLevel.LIST;
  }

  /** {@code service:Name}. */
  public String id() {
    return service + ":" + name;
  }

  /** True if the action can be scoped to specific resources, so {@code "*"} would over-grant. */
  public boolean supportsResourceLevel() {
    return !resources.isEmpty();
  }

  public boolean supportsResourceType(String type) {
    return resources.stream().anyMatch(r -> r.type().equals(type));
  }

  @Override
  public String toString() {
    return id();
  }
}
