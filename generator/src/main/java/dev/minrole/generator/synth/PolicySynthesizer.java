package dev.minrole.generator.synth;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SdkCall;
import dev.minrole.generator.catalog.AccessLevel;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.mapping.ConditionTemplate;
import dev.minrole.generator.mapping.MappedCall;
import dev.minrole.generator.mapping.OperationMapper;
import dev.minrole.generator.mapping.RequiredAction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

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
  private final IamCatalog catalog;
  private final ArnBuilder arns;
  private final ArnContext context;

  public PolicySynthesizer(OperationMapper mapper, ArnContext context) {
    this.mapper = mapper;
    this.catalog = mapper.catalog();
    this.context = context;
    this.arns = new ArnBuilder(context);
  }

  /** The permissions the calls need, and the findings met while mapping them. */
  public record Needs(List<Permission> permissions, List<Finding> findings, Map<String, String> labels) {}

  public Needs needs(List<SdkCall> calls) {
    return needs(calls, call -> List.of());
  }

  /** As {@link #needs(List)}, with more evidence for some calls (the template values they used). */
  public Needs needs(List<SdkCall> calls, java.util.function.Function<SdkCall, List<Evidence>> moreEvidence) {
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
            new Permission(required.action(), resource, conditions(required.conditions(), call), evidence));
      }
    }
    return new Needs(permissions, findings, labels);
  }

  /** The whole policy for a function from its SDK calls and any other permissions it needs. */
  public FunctionPolicy synthesize(
      String name, String handler, List<SdkCall> calls, List<Permission> extra, List<Finding> findings) {
    return synthesize(name, handler, calls, call -> List.of(), extra, findings);
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
              "the code of " + name + " makes no AWS call that needs a permission; the policy has no statements",
              dev.minrole.analyzer.model.SourceLocation.NONE));
      return new FunctionPolicy(name, handler, Optional.empty(), merged, allFindings);
    }
    return new FunctionPolicy(name, handler, Optional.of(policy(merged, needs.labels())), merged, allFindings);
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
        out.add(new Condition(t.operator(), t.key(), List.of(text)));
      } else if (t.value().isPresent()) {
        out.add(
            new Condition(
                t.operator(),
                t.key(),
                List.of(t.value().get().replace("${Region}", context.regionOrWildcard()))));
      }
    }
    return out;
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
    List<Permission> distinct = new ArrayList<>(byGrant.values());
    List<Permission> kept = new ArrayList<>();
    for (Permission p : distinct) {
      Optional<Permission> broader =
          distinct.stream()
              .filter(o -> o != p && o.action().equalsIgnoreCase(p.action()) && coversConditions(o, p))
              .filter(o -> ResourceCover.covers(o.resource(), p.resource()))
              .filter(o -> !o.resource().equals(p.resource()) || o.conditions().isEmpty())
              .findFirst();
      if (broader.isEmpty()) {
        kept.add(p);
      }
    }
    List<Permission> out = new ArrayList<>();
    for (Permission p : kept) {
      List<Evidence> evidence = new ArrayList<>(p.evidence());
      for (Permission d : distinct) {
        if (!kept.contains(d)
            && d.action().equalsIgnoreCase(p.action())
            && coversConditions(p, d)
            && ResourceCover.covers(p.resource(), d.resource())) {
          evidence.addAll(d.evidence());
        }
      }
      out.add(p.withEvidence(evidence));
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  private static boolean coversConditions(Permission broad, Permission narrow) {
    return broad.conditions().isEmpty() || broad.conditions().equals(narrow.conditions());
  }

  /** Groups permissions into statements with identical resources and conditions. */
  private IamPolicy policy(List<Permission> permissions, Map<String, String> labels) {
    Map<String, Set<String>> resourcesByAction = new TreeMap<>();
    Map<String, List<Condition>> conditionsByKey = new HashMap<>();
    for (Permission p : permissions) {
      String key = p.action() + "\u0000" + p.conditions();
      resourcesByAction.computeIfAbsent(key, k -> new TreeSet<>()).add(p.resource());
      conditionsByKey.put(key, p.conditions());
    }
    Map<String, Set<String>> actionsByGroup = new TreeMap<>();
    Map<String, List<String>> groupResources = new HashMap<>();
    Map<String, List<Condition>> groupConditions = new HashMap<>();
    for (Map.Entry<String, Set<String>> e : resourcesByAction.entrySet()) {
      String action = e.getKey().substring(0, e.getKey().indexOf('\u0000'));
      List<Condition> conditions = conditionsByKey.get(e.getKey());
      String group = action.substring(0, action.indexOf(':')) + "\u0000" + e.getValue() + "\u0000" + conditions;
      actionsByGroup.computeIfAbsent(group, k -> new TreeSet<>()).add(action);
      groupResources.put(group, List.copyOf(e.getValue()));
      groupConditions.put(group, conditions);
    }
    List<IamStatement> statements = new ArrayList<>();
    Map<String, Integer> sidCount = new LinkedHashMap<>();
    List<Map.Entry<String, Set<String>>> groups = new ArrayList<>(actionsByGroup.entrySet());
    groups.sort(Comparator.comparing((Map.Entry<String, Set<String>> g) -> g.getValue().iterator().next()).thenComparing(Map.Entry::getKey));
    for (Map.Entry<String, Set<String>> group : groups) {
      Set<String> actions = group.getValue();
      List<String> resources = groupResources.get(group.getKey());
      String prefix = actions.iterator().next().substring(0, actions.iterator().next().indexOf(':'));
      Set<AccessLevel> levels = EnumSet.noneOf(AccessLevel.class);
      actions.forEach(a -> catalog.action(a).ifPresent(x -> levels.add(x.access())));
      List<String> resourceLabels = new ArrayList<>();
      resources.forEach(r -> resourceLabels.add(labels.getOrDefault(r, ArnBuilder.labelOf(r))));
      String sid = StatementIds.of(prefix, levels, resourceLabels);
      int n = sidCount.merge(sid, 1, Integer::sum);
      String uniqueSid = n == 1 ? sid : sid + n;
      IamStatement.Builder statement =
          IamStatement.builder().sid(uniqueSid).effect(IamEffect.ALLOW);
      actions.forEach(statement::addAction);
      resources.forEach(statement::addResource);
      for (Condition c : groupConditions.get(group.getKey())) {
        for (String value : c.values()) {
          statement.addCondition(IamConditionOperator.create(c.operator()), c.key(), value);
        }
      }
      statements.add(statement.build());
    }
    return IamPolicy.builder().version(VERSION).statements(statements).build();
  }
}
