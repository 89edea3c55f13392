package dev.minrole.generator.synth;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SdkCall;
import dev.minrole.generator.catalog.Glob;
import dev.minrole.generator.mapping.ConditionTemplate;
import dev.minrole.generator.mapping.MappedCall;
import dev.minrole.generator.mapping.OperationMapper;
import dev.minrole.generator.mapping.RequiredAction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns what a function does into its least-privilege policy: every SDK call is mapped to IAM
 * actions, every action scoped to the resources the call names, and the resulting permissions
 * merged (a permission covered by a broader one of the same action is dropped, its evidence kept)
 * and grouped into statements by identical resources and conditions. The output is sorted, so the
 * same input always gives the same policy.
 */
public final class PolicySynthesizer {
  public static final String VERSION = "2012-10-17";

  private final OperationMapper mapper;
  private final ArnBuilder arns;
  private final ArnContext context;
  private final PolicyShaper shaper;

  public PolicySynthesizer(OperationMapper mapper, ArnContext context) {
    this(mapper, context, SynthesisOptions.defaults());
  }

  public PolicySynthesizer(OperationMapper mapper, ArnContext context, SynthesisOptions options) {
    this.mapper = mapper;
    this.context = context;
    this.arns = new ArnBuilder(context);
    this.shaper = new PolicyShaper(mapper.catalog(), options);
  }

  /** The permissions the calls need, and the findings met while mapping them. */
  public record Needs(
      List<Permission> permissions, List<Finding> findings, Map<String, String> labels) {}

  public Needs needs(List<SdkCall> calls) {
    return needs(calls, call -> List.of());
  }

  /** As {@link #needs(List)}, with more evidence for some calls (the template values they used). */
  public Needs needs(
      List<SdkCall> calls, java.util.function.Function<SdkCall, List<Evidence>> moreEvidence) {
    List<Permission> permissions = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    Map<String, String> labels = new HashMap<>();
    for (SdkCall call : calls) {
      MappedCall mapped = mapper.map(call);
      findings.addAll(mapped.findings());
      for (RequiredAction required : mapped.actions()) {
        String resource = "*";
        if (required.resource().isPresent()) {
          BuiltArn built = arns.build(required.resource().get(), call, required.action());
          resource = built.arn();
          labels.putIfAbsent(resource, built.label());
          findings.addAll(built.findings());
        }
        List<Evidence> evidence = new ArrayList<>(moreEvidence.apply(call));
        evidence.add(new Evidence.Code(call.site(), call.detail()));
        permissions.add(
            new Permission(
                required.action(), resource, conditions(required.conditions(), call), evidence));
      }
    }
    return new Needs(permissions, findings, labels);
  }

  /** The whole policy for a function from its SDK calls and any other permissions it needs. */
  public FunctionPolicy synthesize(
      String name,
      String handler,
      List<SdkCall> calls,
      List<Permission> extra,
      List<Finding> findings) {
    return synthesize(name, handler, calls, call -> List.of(), extra, findings);
  }

  /** The policy of one function from everything known about it. */
  public FunctionPolicy synthesize(FunctionInput input) {
    return synthesize(
            input.name(),
            input.handler(),
            input.calls(),
            input::templateEvidence,
            input.extra(),
            input.findings())
        .withDeployment(input.deployment());
  }

  /** As above, with more evidence for some calls. */
  public FunctionPolicy synthesize(
      String name,
      String handler,
      List<SdkCall> calls,
      java.util.function.Function<SdkCall, List<Evidence>> moreEvidence,
      List<Permission> extra,
      List<Finding> findings) {
    Needs needs = needs(calls, moreEvidence);
    List<Permission> all = new ArrayList<>(needs.permissions());
    all.addAll(extra);
    List<Finding> allFindings = new ArrayList<>(findings);
    allFindings.addAll(needs.findings());
    List<Permission> merged = merge(all);
    if (merged.isEmpty()) {
      allFindings.add(
          Finding.info(
              "NO_PERMISSIONS_NEEDED",
              "the code of "
                  + name
                  + " makes no AWS call that needs a permission; the policy has no statements",
              dev.minrole.analyzer.model.SourceLocation.NONE));
      return new FunctionPolicy(name, handler, Optional.empty(), merged, allFindings, List.of());
    }
    PolicyShaper.Shaped shaped = shaper.shape(merged, needs.labels());
    allFindings.addAll(shaped.findings());
    return new FunctionPolicy(
        name, handler, Optional.of(shaped.policy()), merged, allFindings, shaped.parts());
  }

  private List<Condition> conditions(List<ConditionTemplate> templates, SdkCall call) {
    List<Condition> out = new ArrayList<>();
    for (ConditionTemplate t : templates) {
      if (t.member().isPresent()) {
        Optional<ArgValue> value = call.arg(t.member().get()).map(arns::resolve);
        if (value.isEmpty() || value.get().pattern().equals("*")) {
          continue;
        }
        String text = value.get().pattern();
        if (t.pattern() && !text.endsWith("*")) {
          text = text + "*";
        }
        condition(t, text).ifPresent(out::add);
      } else if (t.value().isPresent()) {
        condition(t, t.value().get().replace("${Region}", context.regionOrWildcard()))
            .ifPresent(out::add);
      }
    }
    return out;
  }

  /**
   * The condition with its value, under the {@code Like} form of the operator when the value holds
   * a wildcard (an unknown region makes {@code kms:ViaService} {@code s3.*.amazonaws.com}), or none
   * when the operator has no such form: leaving a condition out grants more, a condition that
   * matches nothing would break the function.
   */
  private static Optional<Condition> condition(ConditionTemplate t, String value) {
    return ConditionOperators.forValue(t.operator(), value)
        .map(operator -> new Condition(operator, t.key(), List.of(value)));
  }

  /**
   * Joins permissions that grant the same thing, and drops those another permission of the same
   * action already grants on a broader resource (an unconditional grant covers a conditional one).
   */
  static List<Permission> merge(List<Permission> permissions) {
    Map<String, Permission> byGrant = new TreeMap<>();
    for (Permission p : permissions) {
      String key = p.action() + "\u0000" + p.resource() + "\u0000" + p.conditions();
      byGrant.merge(key, p, (a, b) -> a.withEvidence(b.evidence()));
    }
    Map<String, List<Permission>> byAction = new TreeMap<>();
    for (Permission p : byGrant.values()) {
      byAction.computeIfAbsent(p.action().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(p);
    }
    List<Permission> out = new ArrayList<>();
    for (List<Permission> distinct : byAction.values()) {
      out.addAll(mergeOneAction(distinct));
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  /** {@link #merge} for the distinct permissions of one action. */
  private static List<Permission> mergeOneAction(List<Permission> distinct) {
    List<Permission> kept = new ArrayList<>();
    Set<Permission> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Permission p : distinct) {
      Optional<Permission> broader =
          distinct.stream()
              .filter(o -> !o.equals(p) && coversConditions(o, p))
              .filter(o -> Glob.covers(o.resource(), p.resource()))
              .filter(o -> !o.resource().equals(p.resource()) || o.conditions().isEmpty())
              .findFirst();
      if (broader.isEmpty()) {
        kept.add(p);
      } else {
        dropped.add(p);
      }
    }
    List<Permission> out = new ArrayList<>();
    for (Permission p : kept) {
      List<Evidence> evidence = new ArrayList<>(p.evidence());
      for (Permission d : dropped) {
        if (coversConditions(p, d) && Glob.covers(p.resource(), d.resource())) {
          evidence.addAll(d.evidence());
        }
      }
      out.add(p.withEvidence(evidence));
    }
    return out;
  }

  private static boolean coversConditions(Permission broad, Permission narrow) {
    return broad.conditions().isEmpty() || broad.conditions().equals(narrow.conditions());
  }
}
