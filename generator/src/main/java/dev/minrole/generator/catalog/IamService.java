package dev.minrole.generator.catalog;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** A service of the action catalog: its prefix, actions, resource types and condition keys. */
public final class IamService {
  private final String prefix;
  private final String name;
  private final SortedMap<String, IamAction> actions;
  private final Map<String, IamAction> actionsByLowerName = new TreeMap<>();
  private final SortedMap<String, ResourceType> resourceTypes;
  private final SortedMap<String, String> conditionKeys;

  IamService(
      String prefix,
      String name,
      Map<String, IamAction> actions,
      Map<String, ResourceType> resourceTypes,
      Map<String, String> conditionKeys) {
    this.prefix = prefix;
    this.name = name;
    this.actions = Collections.unmodifiableSortedMap(new TreeMap<>(actions));
    this.resourceTypes = Collections.unmodifiableSortedMap(new TreeMap<>(resourceTypes));
    this.conditionKeys = Collections.unmodifiableSortedMap(new TreeMap<>(conditionKeys));
    actions.values().forEach(a -> actionsByLowerName.put(a.name().toLowerCase(Locale.ROOT), a));
  }

  public String prefix() {
    return prefix;
  }

  public String name() {
    return name;
  }

  /** Actions by their documented name, sorted. */
  public SortedMap<String, IamAction> actions() {
    return actions;
  }

  /** An action by name; IAM action names are case-insensitive. */
  public Optional<IamAction> action(String actionName) {
    return Optional.ofNullable(actionsByLowerName.get(actionName.toLowerCase(Locale.ROOT)));
  }

  public SortedMap<String, ResourceType> resourceTypes() {
    return resourceTypes;
  }

  public Optional<ResourceType> resourceType(String type) {
    return Optional.ofNullable(resourceTypes.get(type));
  }

  /** Condition keys with their types ({@code String}, {@code ArrayOfString}, ...). */
  public SortedMap<String, String> conditionKeys() {
    return conditionKeys;
  }
}
