package dev.minrole.engine;

import dev.minrole.analyzer.cloudtrail.FileReport;
import dev.minrole.analyzer.cloudtrail.RoleSelector;
import dev.minrole.analyzer.cloudtrail.RoleTarget;
import dev.minrole.analyzer.cloudtrail.TrailProgress;
import dev.minrole.analyzer.cloudtrail.TrailScan;
import dev.minrole.analyzer.cloudtrail.TrailSource;
import dev.minrole.analyzer.cloudtrail.TrailSourceException;
import dev.minrole.analyzer.cloudtrail.TrailWindow;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.generator.mapping.OperationMapper;
import dev.minrole.generator.observed.TrailEvidence;
import dev.minrole.generator.observed.TrailFindings;
import dev.minrole.generator.synth.Deployment;
import dev.minrole.generator.synth.FunctionInput;
import dev.minrole.generator.synth.FunctionPolicy;
import dev.minrole.generator.synth.PolicySynthesizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The generate flow with CloudTrail: read the trail for the given roles, then merge each role's
 * observations with its function's code, or, without code, give each role an observed-only policy
 * named after the role.
 *
 * <p>Functions and roles are paired in order (the first {@code --handler} with the first {@code
 * --role-arn}); a single role applies to every function. The report names that role as the
 * function's current role ({@code role.arn}).
 */
final class TrailPipeline {
  private TrailPipeline() {}

  static Analysis generate(AnalysisRequest options, TrailInput trail, TrailProgress progress) {
    if (!trail.hasSources()) {
      throw new RequestException(
          "--role-arn names whose CloudTrail events to read; give the trail too, e.g. --cloudtrail"
              + " AWSLogs/");
    }
    boolean hasCode = !options.paths().isEmpty() || !options.handlers().isEmpty();
    Pipeline.Inputs code =
        hasCode ? Pipeline.inputs(options) : new Pipeline.Inputs(List.of(), List.of());
    List<RoleTarget> roles = trail.roleTargets();
    if (roles.isEmpty()) {
      roles = templateRoles(code.functions());
    }
    List<RoleTarget> pairing = pair(code.functions(), roles, hasCode);
    TrailWindow window = trail.window();
    TrailEvidence evidence = TrailEvidence.bundled();
    TrailScan scan = read(trail, options, roles, window, evidence, progress);
    List<Finding> global = new ArrayList<>(code.findings());
    global.addAll(TrailFindings.ofScan(scan));
    PolicySynthesizer synthesizer =
        new PolicySynthesizer(
            OperationMapper.bundled(), options.arnContext(), options.synthesisOptions());
    TrailEvidence.Options merge = new TrailEvidence.Options(hasCode, trail.codeOnly(), window);
    List<FunctionPolicy> functions = new ArrayList<>();
    if (hasCode) {
      for (int i = 0; i < code.functions().size(); i++) {
        FunctionInput input = code.functions().get(i);
        RoleTarget role = pairing.get(i);
        FunctionInput withRole =
            input.withDeployment(input.deployment().withRoleArn(role.roleArn()));
        functions.add(
            code.reviewed(input, evidence.policy(withRole, synthesizer, role, scan, merge)));
      }
    } else {
      for (RoleTarget role : roles) {
        FunctionInput observedOnly =
            FunctionInput.ofCode(role.roleName(), "", List.of(), List.of())
                .withDeployment(Deployment.NONE.withRoleArn(role.roleArn()));
        FunctionPolicy observed = evidence.policy(observedOnly, synthesizer, role, scan, merge);
        if (observed.isEmpty()) {
          throw new RequestException(
              inputErrors(scan)
                  + "role "
                  + role.roleArn()
                  + " made no allowed call in "
                  + window.describe()
                  + " ("
                  + scan.events()
                  + " events read), so there is nothing to put in an observed-only policy; check"
                  + " --role-arn, --since/--until and the trail, or give the function's code");
        }
        functions.add(observed);
      }
    }
    return new Analysis(functions, global, scan.partial());
  }

  /**
   * What could not be read of the trail, first in a message about an empty result: when every input
   * is bad, that is the reason, not the role. Empty when every input was read; at most three files
   * are named.
   */
  private static String inputErrors(TrailScan scan) {
    List<String> bad =
        scan.files().stream()
            .filter(FileReport::partial)
            .map(f -> f.file() + ": " + f.describe())
            .toList();
    if (bad.isEmpty()) {
      return "";
    }
    String shown = String.join("; ", bad.subList(0, Math.min(bad.size(), 3)));
    String more = bad.size() > 3 ? " and " + (bad.size() - 3) + " more files" : "";
    return "the trail input could not be read completely (" + shown + more + "); ";
  }

  /**
   * Without --role-arn, the role each template function runs with, when the template names it by
   * ARN or by a role with a fixed RoleName; a usage error naming the first function whose role ARN
   * is not known (a role SAM or CloudFormation names at deploy time).
   */
  private static List<RoleTarget> templateRoles(List<FunctionInput> functions) {
    if (functions.isEmpty()) {
      throw new RequestException(
          "CloudTrail needs the function's execution role: add --role-arn"
              + " arn:aws:iam::<account>:role/<name>");
    }
    List<RoleTarget> out = new ArrayList<>();
    for (FunctionInput function : functions) {
      Optional<RoleTarget> role =
          function.deployment().role().stream()
              .flatMap(r -> r.arns().stream())
              .filter(arn -> !arn.contains("*"))
              .map(arn -> RoleTarget.parse(arn, Optional.empty()))
              .flatMap(Optional::stream)
              .findFirst();
      if (role.isEmpty()) {
        throw new RequestException(
            "CloudTrail needs the execution role of "
                + function.name()
                + ", and its template does not fix the role's ARN (the name is generated at"
                + " deploy time, or --account is not given); add --role-arn arn:aws:iam::<account>:role/<name>, once per"
                + " function in --handler order, or one for all");
      }
      out.add(role.get());
    }
    return out;
  }

  /** The role of each analyzed function. */
  private static List<RoleTarget> pair(
      List<FunctionInput> analyses, List<RoleTarget> roles, boolean hasCode) {
    if (!hasCode || roles.size() == analyses.size()) {
      return roles;
    }
    if (roles.size() == 1) {
      List<RoleTarget> same = new ArrayList<>();
      analyses.forEach(a -> same.add(roles.get(0)));
      return same;
    }
    throw new RequestException(
        roles.size()
            + " --role-arn for "
            + analyses.size()
            + " functions: give one role per --handler, in the same"
            + " order, or one role for all");
  }

  private static TrailScan read(
      TrailInput trail,
      AnalysisRequest options,
      List<RoleTarget> roles,
      TrailWindow window,
      TrailEvidence evidence,
      TrailProgress progress) {
    List<TrailScan> scans = new ArrayList<>();
    RoleSelector selector = new RoleSelector(roles);
    for (TrailSource source :
        trail.open(options.region(), evidence.data().resourceParameterNames(), progress)) {
      try {
        scans.add(source.scan(selector, window));
      } catch (TrailSourceException e) {
        throw new RequestException(e.getMessage());
      }
    }
    return TrailScan.combine(scans, roles);
  }
}
