package dev.minrole.analyzer.java;

import dev.minrole.analyzer.model.Finding;
import java.util.List;

/** The Java files found under the user's paths: those that parsed, and findings for the rest. */
public record SourceSet(List<ParsedFile> files, List<Finding> findings, int filesSeen) {
  public SourceSet {
    files = List.copyOf(files);
    findings = List.copyOf(findings);
  }

  public boolean isEmpty() {
    return filesSeen == 0;
  }
}
