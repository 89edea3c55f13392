package dev.minrole.cli;

import dev.minrole.engine.Analysis;
import dev.minrole.engine.AnalysisRequest;
import dev.minrole.engine.Engine;
import dev.minrole.engine.OutputFormat;
import dev.minrole.engine.RequestException;
import dev.minrole.engine.TightenedFunction;
import dev.minrole.generator.aws.AccessAnalyzerCheck;
import dev.minrole.generator.diff.CurrentPolicy;
import dev.minrole.generator.diff.PolicyInputException;
import dev.minrole.generator.diff.Tightened;
import dev.minrole.generator.diff.Tightener;
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
import software.amazon.awssdk.policybuilder.iam.IamStatement;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;

/**
 * {@code minrole tighten}: the current policy cut down to what the function needs. The current
 * policy is the one named (files, a role, a function), or by default each template function's role
 * as its template declares it, as for {@code diff}.
 */
@Command(
    name = "tighten",
    mixinStandardHelpOptions = true,
    description = {
      "Cut a current policy (files, a deployed role, or, by default, the role the template declares for each",
      "function) down to what the function needs: permissions needed by the code, observed in use or required",
      "by the platform are kept where the current policy grants them, scoped to the needed resources;",
      "everything else is removed. The result never grants more than the current policy. For a function",
      "minrole could not see all of (a reflective call, a handler it could not find, ...), every statement",
      "that grants something unseen code may use is kept as written. What was removed or kept, and why, goes",
      "to stderr; the policy goes to stdout.",
      "",
      "Examples:",
      "  minrole tighten src/main/java --handler com.example.Handler --current policy.json > tight.json",
      "  minrole tighten . --handler com.example.Handler --function orders --region eu-west-1 --access-analyzer",
      "  minrole tighten app/ --region eu-west-1 --account 123456789012   (the roles app/template.yaml declares)",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:A tightened policy was written.",
      "1:Internal error (run again with --verbose for the stack trace).",
      "2:Bad usage or unreadable input, e.g. a policy file that is not an IAM policy.",
      "3:Something the code needs is not granted by the current policy; it is reported, not added"
          + " (the policy is still written; --add-missing adds it).",
      "5:--access-analyzer: CheckNoNewAccess or ValidatePolicy failed.",
      "6:Nothing is missing, but minrole could not see all the code of some function: the policy is"
          + " written, with the grants that code may use kept as written (stderr says which and why)."
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
    boolean named = current.bind(source).given();
    if (named) {
      current.requireOne(false, "");
    }
    Engine engine = Engine.bundled();
    AnalysisRequest request = source.request();
    Analysis result = engine.needed(request);
    if (!named && result.declared().isEmpty()) {
      current.requireOne(false, ", or a template that declares the function's role");
    }
    PrintWriter err = spec.commandLine().getErr();
    Diagnostics.print(err, result, common.verbose);
    Tightener.Options options = new Tightener.Options(addMissing, dropObserved);
    List<TightenedFunction> results;
    if (named) {
      CurrentPolicy policy = current.read(source);
      Diagnostics.print(err, policy.findings(), common.verbose);
      results = engine.tighten(request, result, policy, options);
    } else {
      results = engine.tightenTemplateRoles(request, result, options);
      for (FunctionPolicy f : result.functions()) {
        if (!result.declared().containsKey(f.name())) {
          err.println(
              Diagnostics.WARNING
                  + f.name()
                  + " has no role in the template; give --current, --role or --function to tighten it");
        }
      }
    }
    List<TightenedFunction> tightened = new ArrayList<>();
    List<FunctionPolicy> written = new ArrayList<>();
    boolean missing = false;
    boolean incomplete = false;
    for (TightenedFunction f : results) {
      if (!named) {
        Diagnostics.print(err, f.current().findings(), common.verbose);
      }
      Tightened t = f.tightened();
      TightenReport.lines(f.current().description(), f.diff(), t, f.before(), f.after())
          .forEach(l -> err.println("minrole: " + l));
      missing |= !t.missing().isEmpty() && !t.missingAdded();
      incomplete |= !t.complete();
      if (t.policy().isPresent()) {
        tightened.add(f);
        written.add(t.policy().get());
      } else {
        written.add(nothingKept(f.needed()));
        err.println(
            f.needed().permissions().isEmpty()
                ? "minrole: "
                    + f.needed().name()
                    + " needs no permission; its tightened policy has no statements"
                : Diagnostics.ERROR
                    + "nothing "
                    + f.needed().name()
                    + " needs is granted by "
                    + f.current().description()
                    + ", so its tightened policy has no statements (IAM does not accept an"
                    + " empty policy): grant what is missing, or give --add-missing");
      }
    }
    err.flush();
    List<TightenedFunction> withStatements =
        tightened.stream().filter(f -> !f.tightened().policy().get().isEmpty()).toList();
    if (accessAnalyzer
        && !withStatements.isEmpty()
        && !checkWithAccessAnalyzer(withStatements, err)) {
      return ExitCodes.ACCESS_ANALYZER;
    }
    if (!written.isEmpty()) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(format.renderer(source.arnContext()).render(written, result.findings()));
      out.flush();
    }
    if (missing) {
      return ExitCodes.MISSING;
    }
    return incomplete ? ExitCodes.INCOMPLETE : ExitCodes.OK;
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

  /** Each tightened policy against the identity policies of the current policy it came from. */
  private boolean checkWithAccessAnalyzer(List<TightenedFunction> tightened, PrintWriter err) {
    boolean passed = true;
    try (AccessAnalyzerClient client = current.aws(source).accessAnalyzer()) {
      AccessAnalyzerCheck check = new AccessAnalyzerCheck(client);
      for (TightenedFunction r : tightened) {
        FunctionPolicy f = r.tightened().policy().get();
        List<String> problems = check.check(PolicyJson.write(f.policy()), existing(r.current()));
        problems.forEach(
            p -> err.println(Diagnostics.ERROR + "Access Analyzer, " + f.name() + ": " + p));
        passed &= problems.isEmpty();
      }
    } catch (PolicyInputException | IllegalArgumentException e) {
      throw new RequestException(e.getMessage());
    }
    if (passed) {
      err.println("minrole: Access Analyzer: CheckNoNewAccess and ValidatePolicy passed");
    }
    err.flush();
    return passed;
  }

  /** The identity policies of the current policy, as one document. */
  private static String existing(CurrentPolicy policy) {
    List<IamStatement> statements = new ArrayList<>();
    policy.identity().forEach(d -> statements.addAll(d.policy().statements()));
    return PolicyJson.write(
        IamPolicy.builder().version(PolicySynthesizer.VERSION).statements(statements).build());
  }
}
