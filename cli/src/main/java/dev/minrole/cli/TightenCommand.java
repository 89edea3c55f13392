package dev.minrole.cli;

import dev.minrole.generator.aws.AccessAnalyzerCheck;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.diff.CurrentPolicy;
import dev.minrole.generator.diff.FunctionDiff;
import dev.minrole.generator.diff.PolicyDiff;
import dev.minrole.generator.diff.PolicyDocument;
import dev.minrole.generator.diff.PolicyInputException;
import dev.minrole.generator.diff.PolicySize;
import dev.minrole.generator.diff.Tightened;
import dev.minrole.generator.diff.Tightener;
import dev.minrole.generator.mapping.OperationMapper;
import dev.minrole.generator.render.PolicyJson;
import dev.minrole.generator.render.TightenReport;
import dev.minrole.generator.synth.FunctionPolicy;
import dev.minrole.generator.synth.PolicySynthesizer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;

/** {@code minrole tighten}: the current policy cut down to what the function needs. */
@Command(
    name = "tighten",
    mixinStandardHelpOptions = true,
    description = {
      "Cut a current policy (files or a deployed role) down to what the function needs: permissions needed by",
      "the code, observed in use or required by the platform are kept where the current policy grants them,",
      "scoped to the needed resources; everything else is removed. The result never grants more than the",
      "current policy. What was removed, and why, goes to stderr; the policy goes to stdout.",
      "",
      "Examples:",
      "  minrole tighten src/main/java --handler com.example.Handler --current policy.json > tight.json",
      "  minrole tighten . --handler com.example.Handler --function orders --region eu-west-1 --access-analyzer",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:A tightened policy was written.",
      "1:Internal error (run again with --verbose for the stack trace).",
      "2:Bad usage or unreadable input, e.g. a policy file that is not an IAM policy.",
      "3:Something the code needs is not granted by the current policy; it is reported, not added"
          + " (the policy is still written; --add-missing adds it).",
      "5:--access-analyzer: CheckNoNewAccess or ValidatePolicy failed."
    })
final class TightenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Mixin CurrentOptions current;

  @Mixin CommonOptions common;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "json",
      description =
          "Output, as for generate: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(
      names = "--add-missing",
      description = "Add needed permissions the current policy does not grant.")
  boolean addMissing;

  @Option(
      names = "--drop-observed",
      description =
          "Also remove permissions only CloudTrail saw in use (by default they are never removed).")
  boolean dropObserved;

  @Option(
      names = "--access-analyzer",
      description =
          "Check the result with IAM Access Analyzer (CheckNoNewAccess against the current policy, and"
              + " ValidatePolicy); fail if either fails.")
  boolean accessAnalyzer;

  @Override
  public Integer call() {
    current.bind(source).requireOne(false, "");
    Pipeline.Result result = Pipeline.generate(source);
    PrintWriter err = spec.commandLine().getErr();
    Diagnostics.print(err, result, common.verbose);
    CurrentPolicy policy = current.read(source);
    Diagnostics.print(err, policy.findings(), common.verbose);
    IamCatalog catalog = IamCatalog.bundled();
    Tightener tightener =
        new Tightener(new PolicySynthesizer(OperationMapper.bundled(), source.arnContext()));
    PolicySize before =
        PolicySize.of(policy.identity().stream().map(PolicyDocument::policy).toList(), catalog);
    List<FunctionPolicy> tightened = new ArrayList<>();
    boolean missing = false;
    for (FunctionPolicy f : result.functions()) {
      Tightened t = tightener.tighten(f, policy, new Tightener.Options(addMissing, dropObserved));
      FunctionDiff diff = new PolicyDiff(catalog).compare(f, policy);
      PolicySize after =
          t.policy()
              .flatMap(FunctionPolicy::policy)
              .map(p -> PolicySize.of(List.of(p), catalog))
              .orElse(new PolicySize(0, 0, 0));
      TightenReport.lines(policy.description(), diff, t, before, after)
          .forEach(l -> err.println("minrole: " + l));
      missing |= !t.missing().isEmpty() && !t.missingAdded();
      if (t.policy().isPresent()) {
        tightened.add(t.policy().get());
      } else {
        tightened.add(nothingKept(f));
        err.println(
            f.permissions().isEmpty()
                ? "minrole: "
                    + f.name()
                    + " needs no permission; its tightened policy has no statements"
                : Diagnostics.ERROR
                    + "nothing "
                    + f.name()
                    + " needs is granted by "
                    + policy.description()
                    + ", so its tightened policy has no statements (IAM does not accept an"
                    + " empty policy): grant what is missing, or give --add-missing");
      }
    }
    err.flush();
    List<FunctionPolicy> withStatements = tightened.stream().filter(f -> !f.isEmpty()).toList();
    if (accessAnalyzer
        && !withStatements.isEmpty()
        && !checkWithAccessAnalyzer(withStatements, policy, err)) {
      return ExitCodes.ACCESS_ANALYZER;
    }
    if (!tightened.isEmpty()) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(format.renderer(source.arnContext()).render(tightened, result.findings()));
      out.flush();
    }
    return missing ? ExitCodes.MISSING : ExitCodes.OK;
  }

  /**
   * The function's tightened policy when nothing is kept: no statements, as generate prints one.
   */
  private static FunctionPolicy nothingKept(FunctionPolicy needed) {
    return new FunctionPolicy(
            needed.name(),
            needed.handler(),
            Optional.empty(),
            List.of(),
            needed.findings(),
            List.of())
        .withDeployment(needed.deployment());
  }

  private boolean checkWithAccessAnalyzer(
      List<FunctionPolicy> tightened, CurrentPolicy policy, PrintWriter err) {
    List<software.amazon.awssdk.policybuilder.iam.IamStatement> statements = new ArrayList<>();
    policy.identity().forEach(d -> statements.addAll(d.policy().statements()));
    String existing =
        PolicyJson.write(
            IamPolicy.builder().version(PolicySynthesizer.VERSION).statements(statements).build());
    boolean passed = true;
    try (AccessAnalyzerClient client = current.aws(source).accessAnalyzer()) {
      AccessAnalyzerCheck check = new AccessAnalyzerCheck(client);
      for (FunctionPolicy f : tightened) {
        List<String> problems = check.check(PolicyJson.write(f.policy()), existing);
        problems.forEach(
            p -> err.println(Diagnostics.ERROR + "Access Analyzer, " + f.name() + ": " + p));
        passed &= problems.isEmpty();
      }
    } catch (PolicyInputException | IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    if (passed) {
      err.println("minrole: Access Analyzer: CheckNoNewAccess and ValidatePolicy passed");
    }
    err.flush();
    return passed;
  }
}
