package dev.minrole.analyzer.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.minrole.analyzer.entry.FunctionContext;
import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SdkCall;
import dev.minrole.analyzer.sdk.SdkInventory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the analyzer on small inline projects and checks the SDK calls and findings it reports
 * against markers in the sources, in both directions:
 *
 * <pre>
 * // SDK: s3.GetObject Bucket=media Key=uploads/*
 * s3.getObject(r -> r.bucket("media").key("uploads/" + id));
 * </pre>
 *
 * <p>A marker names the call on the next code line: the SDK service name, the operation, and the
 * arguments that must have exactly these values ({@code $NAME} is an environment variable, {@code
 * %name} a system property, {@code *} an unknown part of a value, {@code ?} a wholly unknown
 * value). Arguments not named are not checked. {@code // FINDING: ID} expects a finding on the next
 * line ({@code # FINDING: ID} in a properties or YAML file). A call or a finding on a line without
 * a marker fails the test, and so does a marker without its call.
 */
final class AnalyzerHarness {
  private static final Pattern SDK = Pattern.compile("//\\s*SDK:\\s*(\\S+)\\.(\\S+)(.*)");
  private static final Pattern FINDING = Pattern.compile("(?://|#)\\s*FINDING:\\s*(\\S+)");
  private static final Pattern ARG = Pattern.compile("(\\S+?)=(\\S+)");

  private final Map<String, String> files = new LinkedHashMap<>();
  private final List<String> handlers = new ArrayList<>();
  private long budget = ValueEvaluator.DEFAULT_BUDGET;
  private FunctionContext context = FunctionContext.NONE;

  static AnalyzerHarness handler(String handler) {
    AnalyzerHarness h = new AnalyzerHarness();
    h.handlers.add(handler);
    return h;
  }

  static AnalyzerHarness noHandler() {
    return new AnalyzerHarness();
  }

  /** Analyzes within {@code steps} evaluation steps. */
  AnalyzerHarness budget(long steps) {
    this.budget = steps;
    return this;
  }

  /** The function's environment variable {@code name}, as a template would set it. */
  AnalyzerHarness env(String name, String value) {
    context = context.withDefaults(Map.of(name, value));
    return this;
  }

  AnalyzerHarness context(FunctionContext functionContext) {
    context = functionContext;
    return this;
  }

  AnalyzerHarness file(String path, String source) {
    files.put(path, source);
    return this;
  }

  /** Analyzes and returns the result without checking markers. */
  FunctionAnalysis analyze() {
    try {
      Path root = Files.createTempDirectory("minrole-harness");
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path target = root.resolve(f.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
      }
      JavaProject project =
          JavaProject.load(List.of(root), SdkInventory.bundled()).withEvaluationBudget(budget);
      FunctionAnalysis analysis;
      if (handlers.isEmpty()) {
        analysis = project.analyzeAllPublicMethods("all");
      } else {
        JavaProject.Outcome outcome = project.analyze(handlers.get(0), context);
        if (outcome instanceof JavaProject.HandlerNotFound missing) {
          throw new AssertionError("handler not found: " + missing.message());
        }
        analysis = ((JavaProject.Analyzed) outcome).analysis();
      }
      List<Finding> all = new ArrayList<>(project.sources().findings());
      all.addAll(analysis.findings());
      return new FunctionAnalysis(analysis.handler(), analysis.calls(), all, analysis.work());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Analyzes and checks every marker, failing on anything missing or unexpected. */
  FunctionAnalysis check() {
    FunctionAnalysis analysis = analyze();
    List<String> problems = new ArrayList<>();
    Map<String, List<SdkCall>> callsByLine = new TreeMap<>();
    for (SdkCall call : analysis.calls()) {
      callsByLine.computeIfAbsent(call.site().toString(), k -> new ArrayList<>()).add(call);
    }
    Map<String, List<Finding>> findingsByLine = new TreeMap<>();
    for (Finding f : analysis.findings()) {
      if (f.location().line() > 0) {
        findingsByLine.computeIfAbsent(f.location().toString(), k -> new ArrayList<>()).add(f);
      }
    }
    for (Map.Entry<String, String> f : files.entrySet()) {
      String[] lines = f.getValue().split("\n", -1);
      List<String[]> pendingCalls = new ArrayList<>();
      List<String> pendingFindings = new ArrayList<>();
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        Matcher sdk = SDK.matcher(line);
        Matcher finding = FINDING.matcher(line);
        if (sdk.matches()) {
          pendingCalls.add(new String[] {sdk.group(1), sdk.group(2), sdk.group(3).strip()});
          continue;
        }
        if (finding.matches()) {
          pendingFindings.add(finding.group(1));
          continue;
        }
        if (line.isEmpty() || line.startsWith("//") || line.startsWith("#")) {
          continue;
        }
        String where = f.getKey() + ":" + (i + 1);
        List<SdkCall> actual = new ArrayList<>(callsByLine.getOrDefault(where, List.of()));
        for (String[] expected : pendingCalls) {
          SdkCall match =
              actual.stream().filter(c -> matches(c, expected)).findFirst().orElse(null);
          if (match == null) {
            problems.add(
                where
                    + ": expected "
                    + String.join(" ", expected)
                    + " but found "
                    + render(actual));
          } else {
            actual.remove(match);
          }
        }
        actual.forEach(c -> problems.add(where + ": unexpected " + render(List.of(c))));
        List<Finding> actualFindings =
            new ArrayList<>(findingsByLine.getOrDefault(where, List.of()));
        for (String id : pendingFindings) {
          Finding match =
              actualFindings.stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
          if (match == null) {
            problems.add(where + ": expected finding " + id + " but found " + actualFindings);
          } else {
            actualFindings.remove(match);
          }
        }
        actualFindings.forEach(
            x -> problems.add(where + ": unexpected finding " + x.id() + ": " + x.message()));
        callsByLine.remove(where);
        findingsByLine.remove(where);
        pendingCalls.clear();
        pendingFindings.clear();
      }
    }
    callsByLine.values().forEach(cs -> problems.add("unexpected " + render(cs)));
    if (!problems.isEmpty()) {
      fail(String.join("\n", problems) + "\nall calls: " + render(analysis.calls()));
    }
    return analysis;
  }

  private static boolean matches(SdkCall call, String[] expected) {
    if (!call.service().equals(expected[0]) || !call.operation().equals(expected[1])) {
      return false;
    }
    Matcher arg = ARG.matcher(expected[2]);
    while (arg.find()) {
      ArgValue actual = call.args().get(arg.group(1));
      if (actual == null || !render(actual).equals(arg.group(2))) {
        return false;
      }
    }
    return true;
  }

  static String render(ArgValue value) {
    if (value instanceof ArgValue.EnvVar env) {
      return "$" + env.name();
    }
    if (value instanceof ArgValue.SystemProperty p) {
      return "%" + p.name();
    }
    if (value instanceof ArgValue.Unknown) {
      return "?";
    }
    if (value instanceof ArgValue.Concat c) {
      StringBuilder out = new StringBuilder();
      for (ArgValue part : c.parts()) {
        out.append(part instanceof ArgValue.Unknown ? "*" : render(part));
      }
      return out.toString();
    }
    return value.pattern();
  }

  static String render(List<SdkCall> calls) {
    List<String> out = new ArrayList<>();
    for (SdkCall c : calls) {
      StringBuilder s = new StringBuilder(c.service() + "." + c.operation());
      c.args().forEach((k, v) -> s.append(' ').append(k).append('=').append(render(v)));
      out.add(s + " @" + c.site());
    }
    return out.toString();
  }

  static void assertNoCalls(FunctionAnalysis analysis) {
    assertThat(analysis.calls()).isEmpty();
  }
}
