package dev.minrole.analyzer.java;

import dev.minrole.analyzer.model.Finding;
import java.util.List;

/**
 * The Java files found under the user's paths: those that parsed, findings for the rest, and the
 * display paths of the files that could not be analyzed (skipped or unparsable), whose code a
 * function may still run.
 */
public record SourceSet(
    List<ParsedFile> files, List<Finding> findings, int filesSeen, List<String> unanalyzed) {
  public SourceSet {
    files = List.copyOf(files);
    findings = List.copyOf(findings);
    unanalyzed = List.copyOf(unanalyzed);
  }

  public SourceSet(List<ParsedFile> files, List<Finding> findings, int filesSeen) {
    this(files, findings, filesSeen, List.of());
  }

  public boolean isEmpty() {
    return filesSeen == 0;
  }
}
