package dev.minrole.generator.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.diff.DiffEntry;
import dev.minrole.generator.diff.DiffKind;
import dev.minrole.generator.diff.DiffReport;
import dev.minrole.generator.diff.ExcessGroup;
import dev.minrole.generator.diff.FunctionDiff;
import dev.minrole.generator.diff.StatementRef;
import dev.minrole.generator.synth.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code minrole diff --format sarif}: SARIF 2.1.0 for code scanning. A missing permission is an
 * error at each SDK call that needs it; an excess or broader grant is a warning at the policy file
 * and line that grants it. A grant from a live role has no file, so its result carries a logical
 * location naming the policy and statement instead.
 *
 * <p>An unverified grant (of a function minrole could not see all of) is a {@code note} at the
 * granting line, never a warning to remove it: its message names the findings that hid code and
 * says to keep the grant.
 */
public final class DiffSarif implements DiffRenderer {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private record Rule(String id, String name, String level, String shortText, String fullText) {}

  private static final List<Rule> RULES =
      List.of(
          new Rule(
              "MISSING_PERMISSION",
              "MissingPermission",
              "error",
              "The code needs a permission the role does not grant.",
              "An AWS SDK call needs an IAM action on a resource that the current policy does not grant, grants"
                  + " only under conditions, or may deny: the function would fail at run time. Add the permission"
                  + " to the role."),
          new Rule(
              "EXCESS_PERMISSION",
              "ExcessPermission",
              "warning",
              "The role grants a permission the code does not need.",
              "The current policy grants an action that no code path, CloudTrail observation or platform need"
                  + " uses. Remove it (minrole tighten writes the policy without it)."),
          new Rule(
              "BROADER_PERMISSION",
              "BroaderPermission",
              "warning",
              "The role grants a permission on more resources than needed.",
              "The current policy grants a needed action on a wider resource than the code uses, for example *"
                  + " where one table is enough. Scope it to the needed resources."),
          new Rule(
              "UNVERIFIED_PERMISSION",
              "UnverifiedPermission",
              "note",
              "The role grants a permission minrole could not check: the function runs code it could not"
                  + " see.",
              "The code minrole saw does not use this grant, but the function also runs code minrole could"
                  + " not see (a reflective call, a handler it could not find, a client whose type it could"
                  + " not resolve, ...), which may need it. Keep it until the findings that hid code are"
                  + " resolved; then minrole can tell whether it is needed."));

  private final UnaryOperator<String> codeUri;
  private final UnaryOperator<String> grantUri;

  /**
   * {@code codeUri} turns a source file as the analyzer names it into a URI relative to the
   * repository; {@code grantUri} does the same for the file of a granting statement.
   */
  public DiffSarif(UnaryOperator<String> codeUri, UnaryOperator<String> grantUri) {
    this.codeUri = codeUri;
    this.grantUri = grantUri;
  }

  @Override
  public String render(DiffReport report) {
    ObjectNode root = CanonicalJson.object();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "minrole");
    driver.put("version", ReportJson.MINROLE_VERSION);
    driver.put("semanticVersion", ReportJson.MINROLE_VERSION);
    ArrayNode rules = driver.putArray("rules");
    for (Rule r : RULES) {
      ObjectNode rule = rules.addObject();
      rule.put("id", r.id());
      rule.put("name", r.name());
      rule.putObject("shortDescription").put("text", r.shortText());
      rule.putObject("fullDescription").put("text", r.fullText());
      rule.putObject("defaultConfiguration").put("level", r.level());
    }
    ArrayNode results = run.putArray("results");
    for (FunctionDiff f : report.functions()) {
      for (DiffEntry e : f.of(DiffKind.MISSING)) {
        String text =
            e.action()
                + " on "
                + e.resource()
                + " is needed by "
                + f.name()
                + " but "
                + (e.note().isEmpty() ? "not granted" : e.note())
                + ".";
        results.add(result(0, text, codeLocations(e.evidence(), f.name())));
      }
      for (DiffEntry e : f.of(DiffKind.BROADER)) {
        String text =
            e.action()
                + " is granted on "
                + e.resource()
                + " where "
                + String.join(", ", e.neededResources())
                + " is enough for "
                + f.name()
                + ".";
        results.add(result(2, text, grantLocations(e.grants())));
      }
      for (ExcessGroup g : ExcessGroup.of(f.of(DiffKind.EXCESS), IamCatalog.bundled())) {
        String text =
            g.label() + " on " + g.resource() + " is granted but not needed by " + f.name() + ".";
        results.add(result(1, text, grantLocations(List.of(g.grant()))));
      }
      for (ExcessGroup g :
          ExcessGroup.of(f.of(DiffKind.UNVERIFIED), DiffKind.UNVERIFIED, IamCatalog.bundled())) {
        results.add(result(3, unverified(f, g), grantLocations(List.of(g.grant()))));
      }
    }
    run.putObject("properties")
        .put(
            "baseline",
            report.baseline() == DiffReport.Baseline.BASE_REF
                ? "needed at " + report.current()
                : report.current());
    return CanonicalJson.write(root);
  }

  /**
   * {@code s3:* (180 actions) on * is granted to F; the code minrole saw does not use it (it needs
   * s3:PutObject only on ...), but minrole could not see all ... Keep it.}
   */
  private static String unverified(FunctionDiff f, ExcessGroup g) {
    List<String> seen = new ArrayList<>();
    for (DiffEntry e : g.seenNeeds()) {
      seen.add(e.action() + " only on " + String.join(", ", e.neededResources()));
    }
    return g.label()
        + " on "
        + g.resource()
        + " is granted to "
        + f.name()
        + (seen.isEmpty()
            ? "; the code minrole saw does not use it"
            : "; the code minrole saw needs " + String.join(", ", seen))
        + ", but "
        + f.incompleteBecause()
        + ", so it cannot tell whether the function needs it. Keep it until those findings are"
        + " resolved.";
  }

  private static ObjectNode result(int ruleIndex, String text, List<ObjectNode> locations) {
    Rule rule = RULES.get(ruleIndex);
    ObjectNode result = CanonicalJson.object();
    result.put("ruleId", rule.id());
    result.put("ruleIndex", ruleIndex);
    result.put("level", rule.level());
    result.putObject("message").put("text", text);
    ArrayNode array = result.putArray("locations");
    locations.forEach(array::add);
    return result;
  }

  private List<ObjectNode> codeLocations(List<Evidence> evidence, String function) {
    List<ObjectNode> out = new ArrayList<>();
    for (Evidence e : evidence) {
      if (e instanceof Evidence.Code c && c.site().isKnown()) {
        out.add(physical(codeUri.apply(c.site().file()), c.site().line()));
      } else if (e instanceof Evidence.Template t && t.location().isKnown()) {
        out.add(physical(codeUri.apply(t.location().file()), t.location().line()));
      }
    }
    if (out.isEmpty()) {
      out.add(logical(function, "function"));
    }
    return out;
  }

  private List<ObjectNode> grantLocations(List<StatementRef> grants) {
    List<ObjectNode> out = new ArrayList<>();
    for (StatementRef g : grants) {
      SourceLocation l = g.location();
      out.add(
          l.isKnown()
              ? physical(grantUri.apply(l.file()), l.line())
              : logical(g.describe(), "resource"));
    }
    return out;
  }

  private static ObjectNode physical(String uri, int line) {
    ObjectNode location = CanonicalJson.object();
    ObjectNode physical = location.putObject("physicalLocation");
    physical.putObject("artifactLocation").put("uri", encoded(uri));
    if (line > 0) {
      physical.putObject("region").put("startLine", line);
    }
    return location;
  }

  /**
   * The path as a URI reference: characters outside RFC 3986's unreserved set and / are escaped.
   */
  static String encoded(String path) {
    StringBuilder out = new StringBuilder();
    for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((Character.isLetterOrDigit(c) && c < 128) || "-._~/".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static ObjectNode logical(String name, String kind) {
    ObjectNode location = CanonicalJson.object();
    ObjectNode logical = location.putArray("logicalLocations").addObject();
    logical.put("fullyQualifiedName", name);
    logical.put("kind", kind);
    return location;
  }
}
