package dev.minrole.generator.diff;

import dev.minrole.analyzer.model.SourceLocation;
import java.util.List;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;

/**
 * One policy document of a role as minrole read it: what it is ({@code policy.json}, {@code managed
 * policy arn:aws:iam::aws:policy/ReadOnlyAccess}), the file it came from if any (relative, for
 * output), the JSON path of each statement in that file, and the line each statement starts on (0
 * when unknown).
 */
public record PolicyDocument(
    String name,
    String file,
    IamPolicy policy,
    List<String> statementPaths,
    List<Integer> statementLines) {

  public PolicyDocument {
    file = file == null ? "" : file;
    statementPaths = List.copyOf(statementPaths);
    statementLines = List.copyOf(statementLines);
  }

  /** A document that did not come from a file: no locations. */
  public static PolicyDocument of(String name, IamPolicy policy) {
    return new PolicyDocument(name, "", policy, List.of(), List.of());
  }

  /** The reference to statement {@code index}, with its path, file and line when known. */
  public StatementRef statement(int index) {
    int line = index < statementLines.size() ? statementLines.get(index) : 0;
    String path =
        index < statementPaths.size() ? statementPaths.get(index) : "$.Statement[" + index + "]";
    SourceLocation location = file.isEmpty() ? SourceLocation.NONE : SourceLocation.of(file, line);
    return new StatementRef(name, index, path, policy.statements().get(index).sid(), location);
  }
}
