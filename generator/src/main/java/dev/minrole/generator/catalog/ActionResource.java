package dev.minrole.generator.catalog;

import java.util.List;

/** A resource type an action can be scoped to, and whether the action requires it. */
public record ActionResource(String type, boolean required, List<String> dependentActions) {
  public ActionResource {
    dependentActions = List.copyOf(dependentActions);
  }
}
