package dev.minrole.analyzer.java;

import dev.minrole.analyzer.entry.ApplicationConfig;
import dev.minrole.analyzer.entry.EntrySpec;
import dev.minrole.analyzer.entry.FrameworkModel;
import dev.minrole.analyzer.entry.FunctionContext;
import dev.minrole.analyzer.entry.Selector;
import dev.minrole.analyzer.entry.SettingValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The user code a framework runs for one function, found the way the framework finds it: the
 * candidates of each of its model's entry specs in the application it starts, narrowed by the
 * setting that selects one by name. What configuration chose is an info finding ({@code
 * FRAMEWORK_ENTRY_SELECTED}) at the setting's file and line. When the choice cannot be read, every
 * candidate counts and a {@code FRAMEWORK_ENTRY_UNKNOWN} finding names the setting to add; it hides
 * code only when there is no candidate at all.
 */
final class FrameworkEntries {
  private static final int LISTED = 5;

  /** What the framework runs, what was decided and how, and whether any user code was found. */
  record Result(EntryPoints entries, List<Finding> findings, boolean found) {
    Result {
      findings = List.copyOf(findings);
    }
  }

  private final TypeIndex index;
  private final EntryCandidates candidates;
  private final ApplicationScan scan;
  private final ApplicationConfig config;

  FrameworkEntries(TypeIndex index, TypeNames names, ApplicationConfig config) {
    this.index = index;
    this.candidates = new EntryCandidates(index, names);
    this.scan = new ApplicationScan(index, names);
    this.config = config;
  }

  /**
   * The entry points {@code model} gives a function whose handler is {@code handlerName} ({@code
   * handler}: the user's class, when the handler is one).
   */
  Result resolve(
      FrameworkModel model,
      String handlerName,
      Optional<TypeInfo> handler,
      FunctionContext context,
      Optional<ApplicationScan.Hint> hint) {
    List<Finding> findings = new ArrayList<>(config.findings());
    ApplicationScan.Scope scope =
        model
            .application()
            .map(a -> scan.of(handlerName, a, context, config, hint))
            .orElse(ApplicationScan.Scope.EVERYWHERE);
    Pass first = pass(model, handlerName, handler, context, scope, false);
    Pass used = first;
    if (first.candidates == 0 && model.entries().stream().anyMatch(EntrySpec::otherwise)) {
      used = pass(model, handlerName, handler, context, scope, true);
    }
    boolean found = used.candidates > 0;
    if (found) {
      findings.addAll(scope.findings());
    }
    findings.addAll(used.findings);
    if (!found && !model.entriesOptional()) {
      findings.add(nothingFound(model, handlerName, handler, context));
    }
    return new Result(used.entries, findings, found);
  }

  private static final class Pass {
    EntryPoints entries = EntryPoints.NONE;
    final List<Finding> findings = new ArrayList<>();
    int candidates;
  }

  private Pass pass(
      FrameworkModel model,
      String handlerName,
      Optional<TypeInfo> handler,
      FunctionContext context,
      ApplicationScan.Scope scope,
      boolean otherwise) {
    Pass pass = new Pass();
    for (EntrySpec spec : model.entries()) {
      if (spec.otherwise() != otherwise) {
        continue;
      }
      List<EntryCandidate> all =
          candidates.of(spec, handler).stream().filter(c -> scope.includes(c.owner())).toList();
      pass.candidates += all.size();
      List<EntryCandidate> chosen =
          spec.select().isEmpty() || all.isEmpty()
              ? all
              : select(spec, spec.select().get(), all, handlerName, context, pass.findings);
      for (EntryCandidate c : chosen) {
        pass.entries = pass.entries.plus(c.entries());
      }
    }
    return pass;
  }

  /** The candidates a selecting setting (or, without one, the framework's default) chooses. */
  private List<EntryCandidate> select(
      EntrySpec spec,
      Selector selector,
      List<EntryCandidate> all,
      String handlerName,
      FunctionContext context,
      List<Finding> findings) {
    Optional<SettingValue> setting = SettingValue.find(selector.settings(), context, config);
    if (setting.isPresent() && !setting.get().isKnown()) {
      findings.add(
          unknown(
              handlerName
                  + " runs the "
                  + spec.what()
                  + " that "
                  + setting.get().name()
                  + " names, whose value is only known at deployment; all "
                  + all.size()
                  + " "
                  + spec.what()
                  + "s are included ("
                  + list(all)
                  + "). Give "
                  + setting.get().name()
                  + " a literal value (or --env "
                  + setting.get().name()
                  + "=NAME) to analyze only the one it names",
              setting.get().location(),
              context));
      return all;
    }
    if (setting.isPresent()) {
      Set<String> wanted = new LinkedHashSet<>();
      setting.get().values().forEach(v -> wanted.addAll(selector.names(v)));
      List<String> order = new ArrayList<>(wanted);
      List<EntryCandidate> chosen =
          all.stream()
              .filter(c -> wanted.contains(c.name()))
              .sorted(java.util.Comparator.comparingInt(c -> order.indexOf(c.name())))
              .toList();
      Set<String> missing = new LinkedHashSet<>(wanted);
      chosen.forEach(c -> missing.remove(c.name()));
      if (!missing.isEmpty() || chosen.isEmpty()) {
        findings.add(
            unknown(
                setting.get().describe()
                    + " names "
                    + String.join(", ", missing)
                    + ", which is no "
                    + spec.what()
                    + " in the sources (one from a library, or a typo), so minrole cannot tell"
                    + " which code "
                    + handlerName
                    + " runs; all "
                    + all.size()
                    + " "
                    + spec.what()
                    + "s are included ("
                    + list(all)
                    + "). Name one of them in "
                    + setting.get().name(),
                setting.get().location(),
                context));
        return all;
      }
      findings.add(
          selected(
              handlerName
                  + " runs the "
                  + spec.what()
                  + (chosen.size() > 1 ? "s " : " ")
                  + list(chosen)
                  + ", chosen by "
                  + setting.get().describe(),
              setting.get().location()));
      return chosen;
    }
    if (selector.byFunctionName() && context.functionName().isPresent()) {
      String name = context.functionName().get();
      List<EntryCandidate> chosen = all.stream().filter(c -> c.name().equals(name)).toList();
      if (!chosen.isEmpty()) {
        findings.add(
            selected(
                handlerName
                    + " runs the "
                    + spec.what()
                    + " "
                    + list(chosen)
                    + ", chosen by the Lambda function's name "
                    + name,
                context.declaredAt()));
        return chosen;
      }
    }
    if (all.size() == 1) {
      EntryCandidate only = all.get(0);
      findings.add(
          selected(
              handlerName
                  + " runs the "
                  + spec.what()
                  + " "
                  + only.label()
                  + ", the only one in the sources",
              Locations.of(only.at(), index)));
      return all;
    }
    findings.add(
        unknown(
            handlerName
                + " runs one of "
                + all.size()
                + " "
                + spec.what()
                + "s ("
                + list(all)
                + "), chosen at run time; all are included. Set "
                + selector.advice()
                + " to the one this function runs",
            SourceLocation.NONE,
            context));
    return all;
  }

  private Finding nothingFound(
      FrameworkModel model,
      String handlerName,
      Optional<TypeInfo> handler,
      FunctionContext context) {
    List<String> kinds = new ArrayList<>();
    model.entries().forEach(s -> kinds.add(s.what()));
    String setting =
        model.entries().stream()
            .flatMap(s -> s.select().stream())
            .map(Selector::advice)
            .filter(a -> !a.isEmpty())
            .findFirst()
            .map(a -> "; set " + a + " to the one it runs")
            .orElse("");
    SourceLocation where =
        handler.map(h -> Locations.of(h.node(), index)).orElse(SourceLocation.NONE);
    return Finding.warning(
        "FRAMEWORK_ENTRY_UNKNOWN",
        handlerName
            + " ("
            + model.name()
            + ") runs user code that minrole cannot find: no "
            + String.join(", no ", new LinkedHashSet<>(kinds))
            + " is in the sources, so the code it runs and the permissions that code needs are"
            + " missing. Analyze the directory that holds the application's sources"
            + setting,
        where.isKnown() ? where : context.declaredAt());
  }

  private static Finding unknown(String message, SourceLocation where, FunctionContext context) {
    return Finding.warning(
            "FRAMEWORK_ENTRY_UNKNOWN", message, where.isKnown() ? where : context.declaredAt())
        .hidingCode(false);
  }

  private static Finding selected(String message, SourceLocation where) {
    return Finding.info("FRAMEWORK_ENTRY_SELECTED", message, where);
  }

  private static String list(List<EntryCandidate> candidates) {
    List<String> labels = candidates.stream().map(EntryCandidate::label).distinct().toList();
    if (labels.size() <= LISTED) {
      return String.join(", ", labels);
    }
    return String.join(", ", labels.subList(0, LISTED))
        + " and "
        + (labels.size() - LISTED)
        + " more";
  }
}
