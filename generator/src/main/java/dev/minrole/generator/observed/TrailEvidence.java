package dev.minrole.generator.observed;

import dev.minrole.analyzer.cloudtrail.Observation;
import dev.minrole.analyzer.cloudtrail.RoleActivity;
import dev.minrole.analyzer.cloudtrail.RoleTarget;
import dev.minrole.analyzer.cloudtrail.TrailScan;
import dev.minrole.analyzer.cloudtrail.TrailWindow;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.generator.catalog.Glob;
import dev.minrole.generator.mapping.EventMapper;
import dev.minrole.generator.mapping.OperationMapper;
import dev.minrole.generator.synth.Evidence;
import dev.minrole.generator.synth.FunctionInput;
import dev.minrole.generator.synth.FunctionPolicy;
import dev.minrole.generator.synth.Permission;
import dev.minrole.generator.synth.PolicySynthesizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Merges what a role did (CloudTrail) with what its function's code needs. Every permission ends up
 * marked {@code code}, {@code observed} or both, with counts and dates:
 *
 * <ul>
 *   <li>An observed call a code permission of the same action covers (its resource pattern matches
 *       the observed ARN) adds its counts to that permission; the code's pattern stays.
 *   <li>An observed call no code permission covers is added as its own permission ({@code
 *       OBSERVED_NOT_IN_CODE}), unless {@code codeOnly}; S3 object keys are generalized first
 *       ({@link ObjectKeyFolding}).
 *   <li>A code permission never observed is listed ({@code IN_CODE_NOT_OBSERVED}, information
 *       only), unless the trail cannot show it because it holds no data events of its source
 *       ({@code DATA_EVENTS_NOT_LOGGED}).
 *   <li>Denied calls are never granted; {@code ACCESS_DENIED} says what to add if it is needed.
 *   <li>A role with no event in the window is {@code INACTIVE_ROLE}.
 * </ul>
 */
public final class TrailEvidence {
  private final EventMapper events;
  private final OperationMapper operations;
  private final ObservedData data;

  public TrailEvidence(EventMapper events, OperationMapper operations, ObservedData data) {
    this.events = events;
    this.operations = operations;
    this.data = data;
  }

  public static TrailEvidence bundled() {
    return new TrailEvidence(
        EventMapper.bundled(), OperationMapper.bundled(), ObservedData.bundled());
  }

  public ObservedData data() {
    return data;
  }

  /**
   * How the merge runs: whether there is code at all, and whether observed-only grants are left
   * out.
   */
  public record Options(boolean hasCode, boolean codeOnly, TrailWindow window) {}

  /** The function's policy from its code (possibly none) and its role's observed calls. */
  public FunctionPolicy policy(
      FunctionInput input,
      PolicySynthesizer synthesizer,
      RoleTarget role,
      TrailScan scan,
      Options options) {
    List<Permission> code = synthesizer.needs(input.calls(), input::templateEvidence).permissions();
    List<Finding> findings = new ArrayList<>();
    EventInterpreter interpreter = new EventInterpreter(events, operations, data);
    Map<String, ObservedCall> allowed = new TreeMap<>();
    Map<String, ObservedCall> denied = new TreeMap<>();
    for (Observation o : scan.observations()) {
      if (!o.key().role().equals(role.roleArn())) {
        continue;
      }
      EventInterpreter.Interpreted meaning = interpreter.interpret(o, role.partition());
      findings.addAll(meaning.findings());
      meaning.allowed().forEach(c -> add(allowed, c));
      meaning.denied().forEach(c -> add(denied, c));
    }
    List<Permission> extra = new ArrayList<>();
    List<ObservedCall> observedOnly = new ArrayList<>();
    Map<Permission, TrailStats> confirmed = new LinkedHashMap<>();
    for (ObservedCall c : allowed.values()) {
      Optional<Permission> covering = covering(code, c);
      if (covering.isPresent()) {
        Permission p =
            new Permission(
                covering.get().action(),
                covering.get().resource(),
                covering.get().conditions(),
                List.of());
        confirmed.merge(p, c.stats(), TrailStats::plus);
      } else {
        observedOnly.add(c);
      }
    }
    confirmed.forEach((p, stats) -> extra.add(p.withEvidence(List.of(stats.evidence()))));
    for (ObservedGrant g : ObservedGrant.generalize(observedOnly)) {
      if (!options.codeOnly()) {
        extra.add(
            new Permission(g.action(), g.resource(), List.of(), List.of(g.stats().evidence())));
      }
      findings.add(TrailFindings.observedNotInCode(g, options));
    }
    denied
        .values()
        .forEach(
            d -> findings.add(TrailFindings.accessDenied(role, d, covering(code, d).isPresent())));
    RoleActivity activity =
        scan.activity().stream()
            .filter(a -> a.role().equals(role.roleArn()))
            .findFirst()
            .orElse(new RoleActivity(role.roleArn(), 0, Optional.empty(), Optional.empty()));
    if (activity.inactive()) {
      findings.add(TrailFindings.inactiveRole(role, options.window(), scan));
    }
    FunctionPolicy merged = synthesizer.synthesize(input.plus(extra, findings));
    if (!options.hasCode()) {
      return merged;
    }
    return merged.withFindings(
        TrailFindings.unobservedCode(merged.permissions(), data, scan, activity, options.window()));
  }

  private static void add(Map<String, ObservedCall> into, ObservedCall c) {
    into.merge(
        c.action() + "\u0000" + c.resource(),
        c,
        (a, b) -> new ObservedCall(a.action(), a.resource(), a.stats().plus(b.stats())));
  }

  /**
   * The code permission that already grants an observed call: same action and a resource pattern
   * that matches the observed ARN. A code permission's conditions (an {@code s3:prefix} from the
   * code) are kept: the record does not say whether the call met them, and the code's call is the
   * likely one.
   */
  private static Optional<Permission> covering(List<Permission> code, ObservedCall c) {
    return code.stream()
        .filter(p -> p.action().equalsIgnoreCase(c.action()))
        .filter(p -> Glob.covers(p.resource(), c.resource()))
        .filter(p -> p.evidence().stream().anyMatch(e -> e instanceof Evidence.Code))
        .sorted()
        .findFirst();
  }
}
