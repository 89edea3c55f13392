package dev.minrole.generator.declared;

import java.util.List;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;

/**
 * An AWS managed policy as minrole knows it: name, ARN, the reference page its document was written
 * from, how far that document was checked ({@code full}, {@code partial}, {@code none}), whether it
 * is over-broad, and its statements (with {@code arn:aws:} resources).
 */
public record ManagedPolicy(
    String name,
    String arn,
    String url,
    String checked,
    boolean broad,
    List<StatementDraft> statements) {
  public ManagedPolicy {
    statements = List.copyOf(statements);
  }

  /**
   * The document in a partition: resource ARNs {@code arn:aws:...} become {@code
   * arn:<partition>:...}.
   */
  public IamPolicy document(String partition) {
    String prefix = "arn:" + partition + ":";
    List<StatementDraft> inPartition =
        statements.stream()
            .map(
                s ->
                    s.fill(
                        r ->
                            List.of(
                                r.startsWith("arn:aws:")
                                    ? prefix + r.substring("arn:aws:".length())
                                    : r)))
            .toList();
    return StatementDraft.policy(inPartition).orElseThrow();
  }
}
