package dev.minrole.analyzer.java;

import dev.minrole.analyzer.build.BuildFiles;
import dev.minrole.analyzer.entry.ApplicationConfig;
import dev.minrole.analyzer.entry.EntryPointModels;
import dev.minrole.analyzer.entry.FunctionContext;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.analyzer.sdk.SdkInventory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * The Java sources of one application, parsed and indexed once, ready to analyze any number of its
 * functions. Each analysis follows only the code its handler can reach; every function of the
 * sources shares the findings about their module's build file (libraries that call AWS that minrole
 * does not model).
 */
public final class JavaProject {
  private final SourceSet sources;
  private final TypeIndex index;
  private final TypeNames names;
  private final SdkTypes sdk;
  private final DependencyInjection injection;
  private volatile ApplicationConfig config;
  private final long budget;
  private final List<Finding> buildFindings;

  private JavaProject(JavaProject other, long budget) {
    this.sources = other.sources;
    this.buildFindings = other.buildFindings;
    this.index = other.index;
    this.sdk = other.sdk;
    this.names = other.names;
    this.injection = other.injection;
    this.config = other.config;
    this.budget = budget;
  }

  private JavaProject(SourceSet sources, SdkInventory inventory, List<Finding> buildFindings) {
    this.budget = ValueEvaluator.DEFAULT_BUDGET;
    this.sources = sources;
    this.buildFindings = List.copyOf(buildFindings);
    this.index = new TypeIndex(sources.files());
    this.sdk =
        new SdkTypes(
            inventory,
            dev.minrole.analyzer.sdk.SdkUtilities.bundled(),
            dev.minrole.analyzer.libraries.LibraryModels.bundled(),
            dev.minrole.analyzer.sdk.SdkResponses.bundled());
    this.names = new TypeNames(index, sdk);
    index.linkSupertypes(names);
    this.injection = new DependencyInjection(index, names);
  }

  /** Parses every Java file under {@code roots} and indexes its declarations. */
  public static JavaProject load(List<Path> roots, SdkInventory inventory) throws IOException {
    return new JavaProject(
        new JavaSourceLoader().load(roots), inventory, BuildFiles.check(roots, null));
  }

  /**
   * Loads as {@link #load(List, SdkInventory)}, with paths shown relative to {@code displayBase}.
   */
  public static JavaProject load(List<Path> roots, Path displayBase, SdkInventory inventory)
      throws IOException {
    return new JavaProject(
        new JavaSourceLoader().load(roots, displayBase),
        inventory,
        BuildFiles.check(roots, displayBase));
  }

  public static JavaProject of(SourceSet sources, SdkInventory inventory) {
    return new JavaProject(sources, inventory, List.of());
  }

  public SourceSet sources() {
    return sources;
  }

  /**
   * The same project, analyzing each function within {@code steps} evaluation steps (the default is
   * {@value ValueEvaluator#DEFAULT_BUDGET}). A function that spends its budget gets an {@code
   * ANALYSIS_BUDGET} finding and is incomplete.
   */
  public JavaProject withEvaluationBudget(long steps) {
    return new JavaProject(this, steps);
  }

  /** The result of analyzing one handler: its analysis, or why the handler was not found. */
  public sealed interface Outcome {}

  public record Analyzed(FunctionAnalysis analysis) implements Outcome {}

  public record HandlerNotFound(String message) implements Outcome {}

  /** Analyzes the function whose handler is {@code handler} ({@code pkg.Class::method}). */
  public Outcome analyze(String handler) {
    return analyze(handler, FunctionContext.NONE);
  }

  /**
   * Analyzes the function whose handler is {@code handler}, deployed as {@code context} says: its
   * environment and name choose the user code a framework handler runs.
   */
  public Outcome analyze(String handler, FunctionContext context) {
    return runAll(List.of(() -> analyzeHere(handler, context)), 1).get(0);
  }

  /** Analyzes on the calling thread, which must have a deep stack ({@link Workers}). */
  private Outcome analyzeHere(String handler, FunctionContext context) {
    try {
      return analyzeOrFail(handler, context);
    } catch (StackOverflowError e) {
      Finding tooDeep =
          Finding.error(
              "PARTIAL_ANALYSIS",
              "the code of "
                  + handler
                  + " nests calls or expressions too deeply to follow, so its analysis stopped and"
                  + " the policy may lack what that code needs; simplify the deepest nesting",
              SourceLocation.NONE);
      return new Analyzed(new FunctionAnalysis(handler, List.of(), List.of(tooDeep)));
    }
  }

  private Outcome analyzeOrFail(String handler, FunctionContext context) {
    EntryPointResolver entryPoints =
        new EntryPointResolver(
            index,
            names,
            EntryPointModels.bundled(),
            dev.minrole.analyzer.libraries.LibraryModels.bundled(),
            this::config);
    EntryPointResolver.Resolution resolution = entryPoints.resolve(handler, context);
    if (resolution instanceof EntryPointResolver.Missing missing) {
      return new HandlerNotFound(missing.message() + unanalyzedHint(handler));
    }
    EntryPointResolver.Resolved resolved = (EntryPointResolver.Resolved) resolution;
    Analysis analysis = Analysis.over(index, names, sdk, injection);
    Reachability.Result reach = newReachability(analysis).fromEntryPoints(resolved.entries());
    Optional<EntryPointResolver.Resolved> framework =
        entryPoints.throughContainers(resolved, reach.units(), analysis.types(), context);
    if (framework.isPresent()) {
      resolved = framework.get();
      reach = newReachability(analysis).fromEntryPoints(resolved.entries());
    }
    return new Analyzed(collect(handler, analysis, reach, resolved.findings()));
  }

  /** One function to analyze: its handler and what its deployment says about it. */
  public record Target(String handler, FunctionContext context) {}

  /**
   * Analyzes several functions of these sources on all cores, each with its own context: one
   * outcome per target, in the order given.
   */
  public List<Outcome> analyzeEach(List<Target> targets) {
    List<Callable<Outcome>> tasks = new ArrayList<>(targets.size());
    for (Target target : targets) {
      tasks.add(() -> analyzeHere(target.handler(), target.context()));
    }
    return runAll(tasks, Runtime.getRuntime().availableProcessors());
  }

  /** The application's configuration files beside its sources, read once, when first needed. */
  private ApplicationConfig config() {
    ApplicationConfig result = config;
    if (result == null) {
      synchronized (this) {
        result = config;
        if (result == null) {
          List<Path> paths = new ArrayList<>();
          List<String> shown = new ArrayList<>();
          for (ParsedFile file : sources.files()) {
            paths.add(file.path());
            shown.add(file.displayPath());
          }
          result = ApplicationConfig.besideSources(paths, shown);
          config = result;
        }
      }
    }
    return result;
  }

  /**
   * Analyzes several functions of these sources on all cores: one outcome per handler, in the order
   * given, the same as {@link #analyze} gives one after the other.
   */
  public List<Outcome> analyzeAll(List<String> handlers) {
    return analyzeAll(handlers, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Analyzes on up to {@code threads} threads. Each analysis has its own state and only reads what
   * they share: the index, the trees (whose printers the loader installed) and the bundled data,
   * which caches in concurrent maps. If analyses fail, the first failure in handler order is
   * thrown.
   */
  public List<Outcome> analyzeAll(List<String> handlers, int threads) {
    List<Callable<Outcome>> tasks = new ArrayList<>(handlers.size());
    for (String handler : handlers) {
      tasks.add(() -> analyzeHere(handler, FunctionContext.NONE));
    }
    return runAll(tasks, threads);
  }

  private static List<Outcome> runAll(List<Callable<Outcome>> tasks, int threads) {
    try {
      return Workers.run("minrole-analyze", threads, tasks);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while analyzing", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException unchecked) {
        throw unchecked;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Analyzes every public method of the sources as an entry point, for when no handler is known.
   * The result says so in a {@code NO_HANDLER} finding.
   */
  public FunctionAnalysis analyzeAllPublicMethods(String name) {
    Analysis analysis = Analysis.over(index, names, sdk, injection);
    List<MethodInfo> entries = new ArrayList<>();
    int classes = 0;
    for (TypeInfo type : index.types()) {
      List<MethodInfo> publicMethods =
          type.methods().stream().filter(m -> m.isPublic() && !m.isAbstract()).toList();
      if (!publicMethods.isEmpty()) {
        classes++;
      }
      entries.addAll(publicMethods);
      if (type.isConcrete()) {
        type.constructors().stream()
            .filter(c -> c.isImplicit() || c.isPublic())
            .forEach(entries::add);
      }
    }
    Reachability.Result reach = newReachability(analysis).fromMethods(entries);
    Finding noHandler =
        Finding.info(
            "NO_HANDLER",
            "no handler was given, so every public method of the "
                + classes
                + " classes in the sources is treated as an entry point; name the handler with"
                + " --handler to get one function's policy",
            SourceLocation.NONE);
    return collect(name, analysis, reach, List.of(noHandler));
  }

  /** Why a handler may be missing: its class's file could not be analyzed. */
  private String unanalyzedHint(String handler) {
    String type = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
    String file = type.replace('.', '/') + ".java";
    String simple = type.substring(type.lastIndexOf('.') + 1) + ".java";
    for (String path : sources.unanalyzed()) {
      if (path.endsWith(file) || path.endsWith("/" + simple) || path.equals(simple)) {
        return " (its file " + path + " could not be analyzed: see the finding about it)";
      }
    }
    return "";
  }

  private Reachability newReachability(Analysis analysis) {
    return new Reachability(
        index, names, analysis.targets(), analysis.types(), analysis.variables(), injection);
  }

  private FunctionAnalysis collect(
      String handler, Analysis analysis, Reachability.Result reach, List<Finding> extra) {
    List<Finding> findings = new ArrayList<>(extra);
    findings.addAll(buildFindings);
    findings.addAll(reach.findings());
    ValueEvaluator evaluator = new ValueEvaluator(analysis, reach, budget);
    RecognitionContext context = new RecognitionContext(analysis, evaluator, findings);
    var calls = SdkCallCollector.standard().collect(reach.units(), context);
    findings.addAll(EvaluationFindings.of(evaluator, analysis));
    findings.addAll(UnanalyzedSources.of(sources.unanalyzed(), reach.units(), analysis));
    findings.addAll(ClientEscapes.of(reach.units(), analysis));
    return new FunctionAnalysis(handler, calls, findings, evaluator.limits().steps());
  }

  /** The fully qualified names of the classes in the sources, for messages. */
  public List<String> classNames() {
    return index.types().stream()
        .filter(t -> t.kind() != TypeInfo.Kind.ANONYMOUS)
        .map(TypeInfo::fqn)
        .sorted()
        .toList();
  }

  Optional<TypeInfo> type(String fqn) {
    return index.get(fqn);
  }
}
