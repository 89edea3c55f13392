package dev.minrole.analyzer.build;

import dev.minrole.analyzer.model.SourceLocation;

/**
 * A library the function's build declares: its Maven coordinates ({@code group}, {@code artifact})
 * and the line of the build file that declares it.
 */
public record Dependency(String group, String artifact, SourceLocation where) {
  public String coordinates() {
    return group + ":" + artifact;
  }
}
