package dev.minrole.analyzer.java;

import dev.minrole.analyzer.entry.ApplicationConfig;
import dev.minrole.analyzer.entry.EntryPointModels;
import dev.minrole.analyzer.entry.FrameworkModel;
import dev.minrole.analyzer.entry.FunctionContext;
import dev.minrole.analyzer.libraries.LibraryModels;
import dev.minrole.analyzer.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where a function's code starts, from its handler string and what its deployment says about it. A
 * handler in the sources starts there; a handler that is a framework's class (or that extends one)
 * starts where the framework's entry-point model says; a handler whose method comes from a library
 * base class with no model gets the sound approximation of {@link ApproximatedEntries}. A plain
 * handler that turns out to start a framework through a container type (found once its code is
 * reached) also gets that framework's entry points.
 */
final class EntryPointResolver {
  private static final String DEFAULT_METHOD = "handleRequest";

  sealed interface Resolution {}

  /** The handler is not in the sources and no model knows it. */
  record Missing(String message) implements Resolution {}

  /**
   * Where the code starts, with what was decided on the way; {@code plain} is true for a handler of
   * the user's own, whose code may start a framework's container.
   */
  record Resolved(EntryPoints entries, List<Finding> findings, boolean plain)
      implements Resolution {
    Resolved {
      findings = List.copyOf(findings);
    }
  }

  private final TypeIndex index;
  private final TypeNames names;
  private final EntryPointModels models;
  private final LibraryModels libraries;
  private final Supplier<ApplicationConfig> config;

  EntryPointResolver(
      TypeIndex index,
      TypeNames names,
      EntryPointModels models,
      LibraryModels libraries,
      Supplier<ApplicationConfig> config) {
    this.index = index;
    this.names = names;
    this.models = models;
    this.libraries = libraries;
    this.config = config;
  }

  Resolution resolve(String handler, FunctionContext context) {
    String trimmed = handler.strip();
    int sep = trimmed.indexOf("::");
    String className = (sep < 0 ? trimmed : trimmed.substring(0, sep)).replace('$', '.');
    String method = sep < 0 ? DEFAULT_METHOD : trimmed.substring(sep + 2);
    Optional<TypeInfo> type = index.get(className);
    if (type.isEmpty()) {
      Optional<FrameworkModel> framework = models.forHandler(className);
      if (framework.isPresent()) {
        FrameworkEntries.Result result =
            frameworks()
                .resolve(
                    framework.get(),
                    FrameworkModel.simpleName(className),
                    Optional.empty(),
                    context,
                    Optional.empty());
        return new Resolved(result.entries(), result.findings(), false);
      }
      return missing(handler);
    }
    HandlerResolver.Match match = new HandlerResolver(index).resolve(handler);
    EntryPoints own =
        match instanceof HandlerResolver.Found found
            ? EntryPoints.handler(found.type(), found.methods())
            : EntryPoints.handler(type.get(), List.of());
    Optional<String> frameworkBase = librarySupertype(type.get(), true);
    if (frameworkBase.isPresent()) {
      FrameworkModel framework = models.forHandler(frameworkBase.get()).orElseThrow();
      FrameworkEntries.Result result =
          frameworks()
              .resolve(
                  framework,
                  type.get().simpleName()
                      + " (a "
                      + FrameworkModel.simpleName(frameworkBase.get())
                      + ")",
                  type,
                  context,
                  Optional.empty());
      return new Resolved(own.plus(result.entries()), result.findings(), false);
    }
    if (match instanceof HandlerResolver.Found) {
      return new Resolved(own, List.of(), true);
    }
    Optional<String> unmodelled = librarySupertype(type.get(), false);
    if (unmodelled.isPresent()) {
      ApproximatedEntries.Result approximated =
          new ApproximatedEntries(index).of(type.get(), method, unmodelled.get());
      return new Resolved(approximated.entries(), List.of(approximated.finding()), true);
    }
    return missing(handler);
  }

  /**
   * A handler of the user's that starts a framework through its container: the same resolution with
   * the framework's entry points added, or empty when {@code reached} uses no container.
   */
  Optional<Resolved> throughContainers(
      Resolved resolved, Set<CodeUnit> reached, ExpressionTypes types, FunctionContext context) {
    List<FrameworkModel> frameworks = models.withContainers();
    if (!resolved.plain() || frameworks.isEmpty()) {
      return Optional.empty();
    }
    List<ContainerUse.Use> uses = new ContainerUse(index, names, types).in(reached, frameworks);
    if (uses.isEmpty()) {
      return Optional.empty();
    }
    EntryPoints entries = resolved.entries();
    List<Finding> findings = new ArrayList<>(resolved.findings());
    for (ContainerUse.Use use : uses) {
      Optional<ApplicationScan.Hint> hint =
          use.app()
              .map(
                  app ->
                      new ApplicationScan.Hint(
                          app, "the class handed to " + use.container(), use.at()));
      FrameworkEntries.Result result =
          frameworks().resolve(use.model(), use.container(), Optional.empty(), context, hint);
      entries = entries.plus(result.entries());
      findings.addAll(result.findings());
    }
    return Optional.of(new Resolved(entries, findings, false));
  }

  /**
   * A supertype of the handler class (or of its superclasses in the sources) that is not in the
   * sources: with {@code modelled}, one a framework model handles; without, one nothing models
   * (neither the JDK, nor the Lambda Java libraries, nor a library model).
   */
  private Optional<String> librarySupertype(TypeInfo type, boolean modelled) {
    for (TypeInfo t : index.hierarchy(type)) {
      for (JType s : t.supertypes()) {
        String name = s.name();
        if (index.contains(name)) {
          continue;
        }
        if (modelled && models.forHandler(name).isPresent()) {
          return Optional.of(name);
        }
        if (!modelled && !known(name)) {
          return Optional.of(name);
        }
      }
    }
    return Optional.empty();
  }

  private boolean known(String name) {
    return name.startsWith("java.")
        || name.equals("?")
        || libraries.isModelled(name)
        || models.knows(name)
        || name.startsWith("software.amazon.awssdk.");
  }

  private Missing missing(String handler) {
    HandlerResolver.Match match = new HandlerResolver(index).resolve(handler);
    return new Missing(
        match instanceof HandlerResolver.Missing m ? m.message() : "handler " + handler);
  }

  private FrameworkEntries frameworks() {
    return new FrameworkEntries(index, names, config.get());
  }
}
