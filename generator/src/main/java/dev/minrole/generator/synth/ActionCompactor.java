package dev.minrole.generator.synth;

import dev.minrole.generator.catalog.IamAction;
import dev.minrole.generator.catalog.IamCatalog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * {@code --compact}: shortens a statement's action list with wildcards that expand, in the catalog,
 * to exactly actions of the list. {@code dynamodb:GetItem} and {@code dynamodb:GetRecords} stay as
 * they are unless {@code dynamodb:Get*} matches nothing else; {@code s3:*} is used only for a list
 * of every s3 action. The statement grants exactly what it granted before, as the catalog stands;
 * an action AWS adds later could match the wildcard, which is why this is opt-in.
 */
final class ActionCompactor {
  private final IamCatalog catalog;

  ActionCompactor(IamCatalog catalog) {
    this.catalog = catalog;
  }

  List<IamStatement> compact(List<IamStatement> statements) {
    List<IamStatement> out = new ArrayList<>();
    for (IamStatement s : statements) {
      List<String> actions = compactActions(s.actions().stream().map(a -> a.value()).toList());
      IamStatement.Builder b = s.toBuilder().actions(List.of());
      actions.forEach(b::addAction);
      out.add(b.build());
    }
    return out;
  }

  /** The shortest list of actions and exact wildcards that expands to the same actions. */
  List<String> compactActions(List<String> actions) {
    Map<String, Set<String>> byService = new TreeMap<>();
    List<String> out = new ArrayList<>();
    for (String action : actions) {
      if (action.contains("*") || action.contains("?") || !catalog.exists(action)) {
        out.add(action);
      } else {
        byService
            .computeIfAbsent(
                StatementGrouper.prefix(action).toLowerCase(Locale.ROOT), k -> new TreeSet<>())
            .add(catalog.action(action).orElseThrow().name());
      }
    }
    byService.forEach((service, names) -> out.addAll(compact(service, names)));
    return out.stream().distinct().sorted().toList();
  }

  private List<String> compact(String service, Set<String> names) {
    Set<String> wanted = lower(names);
    List<String> all =
        catalog.service(service).orElseThrow().actions().values().stream()
            .map(IamAction::name)
            .toList();
    List<String> allLower = all.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
    List<String> out = new ArrayList<>();
    Set<String> covered = new TreeSet<>();
    for (String name : names) {
      if (covered.contains(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      String chosen = service + ":" + name;
      for (int length = 0; length < name.length(); length++) {
        String start = name.substring(0, length).toLowerCase(Locale.ROOT);
        List<String> matched = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
          if (allLower.get(i).startsWith(start)) {
            matched.add(all.get(i));
          }
        }
        if (wanted.containsAll(lower(matched))) {
          if (matched.size() > 1) {
            chosen = service + ":" + commonPrefix(matched) + "*";
            covered.addAll(lower(matched));
          }
          break;
        }
      }
      covered.add(name.toLowerCase(Locale.ROOT));
      out.add(chosen);
    }
    Set<String> check = new TreeSet<>();
    out.forEach(p -> catalog.expand(p).forEach(a -> check.add(a.name().toLowerCase(Locale.ROOT))));
    if (!check.equals(wanted)) {
      throw new IllegalStateException(
          "compacting " + names + " would change the actions to " + check);
    }
    return out;
  }

  /**
   * The longest start all the actions share: the most readable wildcard for them, which matches no
   * more than the shortest one that selected them.
   */
  private static String commonPrefix(List<String> names) {
    String prefix = names.get(0);
    for (String name : names) {
      int n = 0;
      while (n < prefix.length()
          && n < name.length()
          && Character.toLowerCase(prefix.charAt(n)) == Character.toLowerCase(name.charAt(n))) {
        n++;
      }
      prefix = prefix.substring(0, n);
    }
    return prefix;
  }

  private static Set<String> lower(Collection<String> names) {
    Set<String> out = new TreeSet<>();
    names.forEach(n -> out.add(n.toLowerCase(Locale.ROOT)));
    return out;
  }
}
