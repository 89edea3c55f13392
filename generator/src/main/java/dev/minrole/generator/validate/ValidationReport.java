package dev.minrole.generator.validate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.minrole.analyzer.model.Severity;
import dev.minrole.generator.render.CanonicalJson;
import java.util.List;

/** The problems of every validated file, as text for people or JSON for machines. */
public record ValidationReport(List<FileProblems> files) {
  /** One file and its problems. */
  public record FileProblems(String file, List<Problem> problems) {
    public FileProblems {
      problems = List.copyOf(problems);
    }
  }

  public ValidationReport {
    files = List.copyOf(files);
  }

  public long count(Severity severity) {
    return files.stream()
        .flatMap(f -> f.problems().stream())
        .filter(p -> p.severity() == severity)
        .count();
  }

  public boolean hasErrors() {
    return count(Severity.ERROR) > 0;
  }

  /**
   * {@code file:line: severity: path: message; fix: ... [RULE]} per problem ({@code info} only when
   * verbose), then a summary line.
   */
  public String text(boolean verbose) {
    StringBuilder out = new StringBuilder();
    for (FileProblems f : files) {
      for (Problem p : f.problems()) {
        if (p.severity() == Severity.INFO && !verbose) {
          continue;
        }
        out.append(f.file());
        if (p.line() > 0) {
          out.append(':').append(p.line());
        }
        out.append(": ")
            .append(p.severity().label())
            .append(": ")
            .append(p.path())
            .append(": ")
            .append(p.message())
            .append("; fix: ")
            .append(p.fix())
            .append(" [")
            .append(p.rule())
            .append("]\n");
      }
    }
    long errors = count(Severity.ERROR);
    long warnings = count(Severity.WARNING);
    out.append(plural(errors, "error"))
        .append(", ")
        .append(plural(warnings, "warning"))
        .append(" in ")
        .append(plural(files.size(), "file"))
        .append('\n');
    return out.toString();
  }

  public String json() {
    ObjectNode root = CanonicalJson.object();
    root.put("errors", count(Severity.ERROR));
    root.put("warnings", count(Severity.WARNING));
    ArrayNode list = root.putArray("files");
    for (FileProblems f : files) {
      ObjectNode file = list.addObject();
      file.put("file", f.file());
      ArrayNode problems = file.putArray("problems");
      for (Problem p : f.problems()) {
        ObjectNode node = problems.addObject();
        node.put("rule", p.rule());
        node.put("severity", p.severity().label());
        node.put("path", p.path());
        if (p.line() > 0) {
          node.put("line", p.line());
        }
        node.put("message", p.message());
        node.put("fix", p.fix());
      }
    }
    return CanonicalJson.write(root);
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
