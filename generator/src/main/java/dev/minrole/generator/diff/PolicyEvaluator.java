package dev.minrole.generator.diff;

import dev.minrole.generator.catalog.Glob;
import dev.minrole.generator.synth.Condition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides, on the safe side, whether a current policy lets a function do one needed thing: an
 * action on a resource pattern under the conditions the code guarantees.
 *
 * <ul>
 *   <li>An Allow counts when it names the action and every ARN of the needed pattern; with
 *       conditions the code does not guarantee, it only counts as conditional.
 *   <li>A Deny wins over any Allow. One that may apply (it has conditions, or names only part of
 *       the needed resources) makes the grant conditional; it is never ignored.
 *   <li>A permissions boundary intersects: it must allow the action too.
 *   <li>A needed ARN whose region or account is {@code *} only because it was not known (no {@code
 *       --region}/{@code --account}) takes the region and account a grant names, and the evaluation
 *       says so.
 * </ul>
 */
final class PolicyEvaluator {
  private final List<StatementView> identity;
  private final List<StatementView> boundary;

  PolicyEvaluator(CurrentPolicy current) {
    this.identity = StatementView.all(current.identity());
    this.boundary = StatementView.all(current.boundary());
  }

  List<StatementView> identityStatements() {
    return identity;
  }

  Evaluation evaluate(String action, String resource, List<Condition> conditions) {
    Evaluation plain = evaluateOn(action, resource, conditions, "");
    if (plain.access() == Access.GRANTED || !plain.allows().isEmpty()) {
      return plain;
    }
    for (String bound : bindings(action, resource)) {
      Evaluation attempt =
          evaluateOn(
              action,
              bound,
              conditions,
              "assumed the region and account the grant names: " + bound);
      if (!attempt.allows().isEmpty()) {
        return attempt;
      }
    }
    return plain;
  }

  private Evaluation evaluateOn(
      String action, String resource, List<Condition> conditions, String assumption) {
    List<StatementView> allows = new ArrayList<>();
    List<StatementView> conditionalAllows = new ArrayList<>();
    List<StatementView> denies = new ArrayList<>();
    boolean denied = false;
    for (StatementView s : identity) {
      if (!s.actions().matches(action)) {
        continue;
      }
      if (s.allow()) {
        if (s.resources().covers(resource)) {
          (s.conditionsHoldUnder(conditions) ? allows : conditionalAllows).add(s);
        }
      } else if (s.resources().mayOverlap(resource)) {
        denies.add(s);
        denied |= !s.conditional() && s.resources().covers(resource);
      }
    }
    List<StatementView> boundaryGrants = new ArrayList<>();
    for (StatementView s : boundary) {
      if (!s.actions().matches(action)) {
        continue;
      }
      if (s.allow()) {
        if (s.resources().covers(resource)) {
          boundaryGrants.add(s);
        }
      } else if (s.resources().mayOverlap(resource)) {
        denies.add(s);
        denied |= !s.conditional() && s.resources().covers(resource);
      }
    }
    boolean insideBoundary = boundary.isEmpty() || !boundaryGrants.isEmpty();
    boolean boundaryConditional =
        !boundaryGrants.isEmpty()
            && boundaryGrants.stream().noneMatch(s -> s.conditionsHoldUnder(conditions));
    Access access;
    if (denied) {
      access = Access.DENIED;
    } else if (allows.isEmpty() && conditionalAllows.isEmpty()) {
      access = Access.NOT_GRANTED;
    } else if (!insideBoundary) {
      access = Access.OUTSIDE_BOUNDARY;
    } else if (!allows.isEmpty() && denies.isEmpty() && !boundaryConditional) {
      access = Access.GRANTED;
    } else {
      access = Access.CONDITIONAL;
    }
    return new Evaluation(
        access, resource, allows, conditionalAllows, denies, boundaryGrants, assumption);
  }

  /**
   * The needed ARN with a {@code *} region or account replaced by what a grant of the action names,
   * for each distinct grant that names them without wildcards.
   */
  private Set<String> bindings(String action, String resource) {
    Set<String> out = new LinkedHashSet<>();
    String[] needed = resource.split(":", 6);
    if (needed.length < 6 || !(needed[3].equals("*") || needed[4].equals("*"))) {
      return out;
    }
    for (StatementView s : identity) {
      if (!s.allow()
          || !s.actions().matches(action)
          || !(s.resources() instanceof ResourceSet.Listed l)) {
        continue;
      }
      for (String pattern : l.patterns()) {
        String[] granted = pattern.split(":", 6);
        if (granted.length < 6 || !granted[2].equals(needed[2])) {
          continue;
        }
        String region =
            needed[3].equals("*") && !Glob.isPattern(granted[3]) ? granted[3] : needed[3];
        String account =
            needed[4].equals("*") && !Glob.isPattern(granted[4]) ? granted[4] : needed[4];
        String bound =
            String.join(":", needed[0], needed[1], needed[2], region, account, needed[5]);
        if (!bound.equals(resource)) {
          out.add(bound);
        }
      }
    }
    return out;
  }
}
