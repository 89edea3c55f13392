package dev.minrole.generator.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.diff.DiffEntry;
import dev.minrole.generator.diff.DiffKind;
import dev.minrole.generator.diff.DiffReport;
import dev.minrole.generator.diff.ExcessGroup;
import dev.minrole.generator.diff.FunctionDiff;
import dev.minrole.generator.diff.StatementRef;
import dev.minrole.generator.synth.Evidence;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * {@code minrole diff --format json}: every entry with its evidence, for tools. Excess grants are
 * grouped like the text output (statement, pattern, resource, service) and list their actions,
 * except where every action of the service is excess ({@code allActionsOfService}), which keeps
 * {@code Action: "*"} at a few hundred groups. A stable interface: later versions add fields, never
 * remove or rename them.
 *
 * <p>{@code complete} says, per function and for the run, whether minrole saw all the code. An
 * incomplete function's grants that would be excess or broader are in {@code unverified}, grouped
 * like excess ones, each with the {@code reason} (the findings that hid code) and {@code
 * seenCodeNeeds}: the actions of the group the code minrole saw needs, on narrower resources.
 */
public final class DiffJson implements DiffRenderer {
  @Override
  public String render(DiffReport report) {
    ObjectNode root = CanonicalJson.object();
    root.put("minroleVersion", ReportJson.MINROLE_VERSION);
    root.put(
        "baseline", report.baseline() == DiffReport.Baseline.BASE_REF ? "base-ref" : "current");
    root.put("current", report.current());
    root.put("partial", report.partial());
    root.put("complete", report.complete());
    summary(root, report::count);
    ArrayNode functions = root.putArray("functions");
    for (FunctionDiff f : report.functions()) {
      functions.add(function(f));
    }
    ReportJson.findings(root.putArray("findings"), report.findings());
    return CanonicalJson.write(root);
  }

  private static ObjectNode function(FunctionDiff f) {
    ObjectNode node = CanonicalJson.object();
    node.put("name", f.name());
    node.put("handler", f.handler());
    node.put("partial", f.partial());
    node.put("complete", f.complete());
    summary(node, f::count);
    ArrayNode missing = node.putArray("missing");
    for (DiffEntry e : f.of(DiffKind.MISSING)) {
      ObjectNode n = entry(e);
      evidence(n.putArray("neededBy"), e.evidence());
      n.put("conditional", e.conditional());
      refs(n.putArray("grantedBy"), e.grants());
      refs(n.putArray("deniedBy"), e.denials());
      n.put("reason", e.note());
      missing.add(n);
    }
    ArrayNode broader = node.putArray("broader");
    for (DiffEntry e : f.of(DiffKind.BROADER)) {
      ObjectNode n = entry(e);
      ArrayNode enough = n.putArray("enough");
      e.neededResources().forEach(enough::add);
      refs(n.putArray("grantedBy"), e.grants());
      evidence(n.putArray("neededBy"), e.evidence());
      broader.add(n);
    }
    ArrayNode excess = node.putArray("excess");
    for (ExcessGroup g : ExcessGroup.of(f.of(DiffKind.EXCESS), IamCatalog.bundled())) {
      excess.add(group(g));
    }
    ArrayNode unverified = node.putArray("unverified");
    for (ExcessGroup g :
        ExcessGroup.of(f.of(DiffKind.UNVERIFIED), DiffKind.UNVERIFIED, IamCatalog.bundled())) {
      ObjectNode n = group(g);
      n.put("reason", f.incompleteBecause());
      ArrayNode seen = n.putArray("seenCodeNeeds");
      for (DiffEntry e : g.seenNeeds()) {
        ObjectNode need = seen.addObject();
        need.put("action", e.action());
        ArrayNode resources = need.putArray("resources");
        e.neededResources().forEach(resources::add);
      }
      unverified.add(n);
    }
    ArrayNode matched = node.putArray("matched");
    for (DiffEntry e : f.of(DiffKind.MATCHED)) {
      ObjectNode n = entry(e);
      refs(n.putArray("grantedBy"), e.grants());
      evidence(n.putArray("neededBy"), e.evidence());
      if (!e.note().isEmpty()) {
        n.put("note", e.note());
      }
      matched.add(n);
    }
    ReportJson.findings(node.putArray("findings"), f.findings());
    return node;
  }

  private static ObjectNode group(ExcessGroup g) {
    ObjectNode n = CanonicalJson.object();
    n.put("summary", g.label());
    n.put("pattern", g.pattern());
    n.put("service", g.service());
    n.put("resource", g.resource());
    n.put("conditional", g.conditional());
    refs(n.putArray("grantedBy"), List.of(g.grant()));
    n.put("actionCount", g.actions().size());
    boolean wholeService = g.actions().size() == g.serviceSize();
    n.put("allActionsOfService", wholeService);
    if (!wholeService) {
      ArrayNode actions = n.putArray("actions");
      g.actions().forEach(actions::add);
    }
    return n;
  }

  private static void summary(ObjectNode parent, ToLongFunction<DiffKind> count) {
    ObjectNode summary = parent.putObject("summary");
    for (DiffKind kind : DiffKind.values()) {
      summary.put(kind.label(), count.applyAsLong(kind));
    }
  }

  private static ObjectNode entry(DiffEntry e) {
    ObjectNode n = CanonicalJson.object();
    n.put("action", e.action());
    n.put("resource", e.resource());
    return n;
  }

  private static void evidence(ArrayNode array, List<Evidence> evidence) {
    evidence.forEach(e -> array.add(ReportJson.evidence(e)));
  }

  static void refs(ArrayNode array, List<StatementRef> refs) {
    for (StatementRef r : refs) {
      ObjectNode n = array.addObject();
      n.put("document", r.document());
      n.put("path", r.path());
      if (!r.sid().isEmpty()) {
        n.put("sid", r.sid());
      }
      if (r.location().isKnown()) {
        n.put("file", r.location().file());
        if (r.location().line() > 0) {
          n.put("line", r.location().line());
        }
      }
    }
  }
}
