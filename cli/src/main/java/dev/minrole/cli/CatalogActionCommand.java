package dev.minrole.cli;

import dev.minrole.analyzer.java.NearestNames;
import dev.minrole.engine.RequestException;
import dev.minrole.generator.catalog.AccessLevel;
import dev.minrole.generator.catalog.ActionResource;
import dev.minrole.generator.catalog.IamAction;
import dev.minrole.generator.catalog.IamCatalog;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code minrole catalog action}: the IAM actions a pattern stands for. */
@Command(
    name = "action",
    mixinStandardHelpOptions = true,
    description = {
      "Expand IAM action patterns to the real actions, with their access level and resource",
      "types (* marks a required one).",
      "",
      "Examples:",
      "  minrole catalog action 's3:Get*'",
      "  minrole catalog action sqs:SendMessage 'dynamodb:*Item'",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Every pattern matched at least one action.",
      "1:Internal error (run again with --verbose for the stack trace).",
      "2:A pattern matches no action (the message names the closest ones)."
    })
final class CatalogActionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(
      paramLabel = "PATTERN",
      arity = "1..*",
      description = "An action or pattern: s3:GetObject, s3:Get*, s3:*Object?")
  List<String> patterns;

  @Override
  public Integer call() {
    IamCatalog catalog = IamCatalog.bundled();
    Map<String, IamAction> actions = new TreeMap<>();
    for (String pattern : patterns) {
      List<IamAction> matched = catalog.expand(pattern);
      if (matched.isEmpty()) {
        throw new RequestException(
            "no IAM action matches "
                + pattern
                + NearestNames.closest(pattern, allActions(catalog, pattern)));
      }
      matched.forEach(a -> actions.put(a.id(), a));
    }
    int width = actions.keySet().stream().mapToInt(String::length).max().orElse(0);
    int accessWidth = actions.values().stream().mapToInt(a -> access(a).length()).max().orElse(0);
    PrintWriter out = spec.commandLine().getOut();
    for (IamAction action : actions.values()) {
      out.println(
          String.format(
              "%-" + width + "s  %-" + accessWidth + "s  %s",
              action.id(),
              access(action),
              resources(action)));
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String access(IamAction action) {
    return String.join(", ", action.accessLevels().stream().map(AccessLevel::label).toList());
  }

  /** The action's resource types, {@code *} marking required ones; {@code *} alone for none. */
  static String resources(IamAction action) {
    if (action.resources().isEmpty()) {
      return "*";
    }
    List<String> types = new ArrayList<>();
    for (ActionResource r : action.resources()) {
      types.add(r.type() + (r.required() ? "*" : ""));
    }
    return String.join(", ", types);
  }

  /** The actions of the pattern's service, or every action when the service is unknown. */
  private static List<String> allActions(IamCatalog catalog, String pattern) {
    int colon = pattern.indexOf(':');
    String prefix = colon < 0 ? pattern : pattern.substring(0, colon);
    return catalog
        .service(prefix)
        .map(s -> s.actions().values().stream().map(IamAction::id).toList())
        .orElseGet(
            () ->
                new ArrayList<>(catalog.services().keySet().stream().map(p -> p + ":*").toList()));
  }
}
