package dev.minrole.engine;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.current.CurrentRoleFindings;
import dev.minrole.generator.declared.DeclaredPolicies;
import dev.minrole.generator.diff.CurrentPolicy;
import dev.minrole.generator.diff.DiffReport;
import dev.minrole.generator.diff.FunctionDiff;
import dev.minrole.generator.diff.HiddenCode;
import dev.minrole.generator.diff.PolicyDiff;
import dev.minrole.generator.diff.PolicyDocument;
import dev.minrole.generator.diff.PolicySize;
import dev.minrole.generator.diff.Tightened;
import dev.minrole.generator.diff.Tightener;
import dev.minrole.generator.mapping.OperationMapper;
import dev.minrole.generator.synth.FunctionPolicy;
import dev.minrole.generator.synth.PolicySynthesizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * minrole as a library: a request in, policies, findings and diffs out. The CLI, the Maven plugin
 * and the tests all call it; it prints nothing. Bad usage or unreadable input as a whole is a
 * {@link RequestException}; everything else minrole has to say is a {@code Finding} in the result.
 * Stateless and safe to call from several threads at once (the IAM data it reads is loaded once).
 *
 * <pre>{@code
 * Engine engine = Engine.bundled();
 * AnalysisRequest request =
 *     AnalysisRequest.builder().paths(List.of(Path.of("orders-app"))).region("eu-west-1").build();
 * Analysis analysis = engine.generate(request);
 * for (FunctionPolicy f : analysis.functions()) {
 *   System.out.println(f.name() + (f.complete() ? "" : " (incomplete)"));
 * }
 * Comparison diff = engine.diffWithTemplateRoles(engine.needed(request));
 * }</pre>
 */
public final class Engine {
  private static final Engine BUNDLED = new Engine();

  private Engine() {}

  /** The engine with the IAM and SDK knowledge shipped with minrole. */
  public static Engine bundled() {
    return BUNDLED;
  }

  /**
   * What {@code minrole generate} prints: each function's policy from code, template and, with
   * {@link AnalysisRequest#trails()}, CloudTrail. A template function's policy also carries the
   * findings about the role its template gives it (WILDCARD_GRANT, OVER_GRANT, ...).
   */
  public Analysis generate(AnalysisRequest request) {
    return Pipeline.generate(request);
  }

  /**
   * The policies the functions need, from code and template (CloudTrail is not read): the needed
   * side of {@link #diff}, {@link #diffWithTemplateRoles} and {@link #tighten}.
   */
  public Analysis needed(AnalysisRequest request) {
    return Pipeline.needed(request);
  }

  /** Each function's needs against one current policy (files, a live role). */
  public Comparison diff(Analysis needed, CurrentPolicy current) {
    PolicyDiff diff = new PolicyDiff(IamCatalog.bundled());
    List<FunctionDiff> functions = new ArrayList<>();
    for (FunctionPolicy f : withHiddenCode(needed)) {
      functions.add(diff.compare(f, current));
    }
    List<Finding> findings = new ArrayList<>(needed.findings());
    findings.addAll(current.findings());
    return new Comparison(
        new DiffReport(DiffReport.Baseline.CURRENT, current.description(), functions, findings),
        List.of(current));
  }

  /**
   * Each template function against the role its template gives it today; functions without a
   * template are left out. Empty when no function has one ({@code needed.declared()} is empty).
   */
  public Comparison diffWithTemplateRoles(Analysis needed) {
    PolicyDiff diff = new PolicyDiff(IamCatalog.bundled());
    CurrentRoleFindings roles = CurrentRoleFindings.bundled();
    List<FunctionDiff> functions = new ArrayList<>();
    List<CurrentPolicy> baselines = new ArrayList<>();
    List<Finding> findings = new ArrayList<>(needed.findings());
    for (FunctionPolicy f : withHiddenCode(needed)) {
      DeclaredPolicies.Declared declared = needed.declared().get(f.name());
      if (declared == null) {
        continue;
      }
      CurrentPolicy role = roles.current(declaring(f) + "'s role of " + f.name(), declared);
      functions.add(diff.compare(f, role));
      findings.addAll(role.findings());
      baselines.add(role);
    }
    List<String> sources = needed.functions().stream().map(Engine::declaring).distinct().toList();
    String against = sources.size() == 1 ? sources.get(0) : "the infrastructure code";
    return new Comparison(
        new DiffReport(DiffReport.Baseline.CURRENT, against, functions, findings), baselines);
  }

  /** What declares the function's role: the template, the Terraform configuration, ... */
  private static String declaring(FunctionPolicy f) {
    return switch (f.deployment().source()) {
      case TERRAFORM -> "the Terraform configuration";
      case SERVERLESS -> "the serverless.yml";
      default -> "the template";
    };
  }

  /**
   * What a change adds or removes: each function's needs against its needs at the git ref {@code
   * ref} (the same paths, taken with {@code git archive}; the working tree is not touched).
   */
  public Comparison diffWithBaseRef(AnalysisRequest request, Analysis needed, String ref) {
    Map<String, Optional<FunctionPolicy>> base = BaseRef.neededAt(ref, request, needed.functions());
    PolicyDiff diff = new PolicyDiff(IamCatalog.bundled());
    List<FunctionDiff> functions = new ArrayList<>();
    for (FunctionPolicy f : withHiddenCode(needed)) {
      List<PolicyDocument> documents =
          base.getOrDefault(f.name(), Optional.empty())
              .flatMap(FunctionPolicy::policy)
              .map(b -> List.of(PolicyDocument.of(ref, b)))
              .orElse(List.of());
      functions.add(diff.compare(f, new CurrentPolicy(ref, documents)));
    }
    return new Comparison(
        new DiffReport(DiffReport.Baseline.BASE_REF, ref, functions, needed.findings()), List.of());
  }

  /**
   * The functions, each with the findings that belong to no single function but hide code it may
   * run ({@link HiddenCode#spread}), so that diff and tighten treat it as incomplete.
   */
  private static List<FunctionPolicy> withHiddenCode(Analysis needed) {
    return HiddenCode.spread(needed.functions(), needed.findings());
  }

  /**
   * Each function's current policy cut down to what it needs (ADR 0003): never more than {@code
   * current} grants.
   */
  public List<TightenedFunction> tighten(
      AnalysisRequest request, Analysis needed, CurrentPolicy current, Tightener.Options options) {
    return tighten(request, needed, f -> Optional.of(current), options);
  }

  /**
   * Each function's role as its template declares it, cut down to what the function needs;
   * functions without a template role are left out.
   */
  public List<TightenedFunction> tightenTemplateRoles(
      AnalysisRequest request, Analysis needed, Tightener.Options options) {
    CurrentRoleFindings roles = CurrentRoleFindings.bundled();
    return tighten(
        request,
        needed,
        f ->
            Optional.ofNullable(needed.declared().get(f.name()))
                .map(d -> roles.current(declaring(f) + "'s role of " + f.name(), d)),
        options);
  }

  /**
   * Each function's current policy ({@code currentOf}; a function without one is left out) cut down
   * to what it needs. For an incomplete function the grants unseen code may use are kept as written
   * ({@link Tightened#keptAsWritten()}).
   */
  public List<TightenedFunction> tighten(
      AnalysisRequest request,
      Analysis needed,
      java.util.function.Function<FunctionPolicy, Optional<CurrentPolicy>> currentOf,
      Tightener.Options options) {
    IamCatalog catalog = IamCatalog.bundled();
    Tightener tightener =
        new Tightener(
            new PolicySynthesizer(OperationMapper.bundled(), request.arnContext()), catalog);
    List<TightenedFunction> out = new ArrayList<>();
    for (FunctionPolicy f : withHiddenCode(needed)) {
      Optional<CurrentPolicy> current = currentOf.apply(f);
      if (current.isEmpty()) {
        continue;
      }
      PolicySize before =
          PolicySize.of(
              current.get().identity().stream().map(PolicyDocument::policy).toList(), catalog);
      Tightened t = tightener.tighten(f, current.get(), options);
      FunctionDiff diff = new PolicyDiff(catalog).compare(f, current.get());
      PolicySize after =
          t.policy()
              .flatMap(FunctionPolicy::policy)
              .map(p -> PolicySize.of(List.of(p), catalog))
              .orElse(new PolicySize(0, 0, 0));
      out.add(new TightenedFunction(f, current.get(), t, diff, before, after));
    }
    return out;
  }
}
