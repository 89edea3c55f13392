package dev.minrole.generator.mapping;

import java.util.Optional;

/**
 * Where an ARN variable gets its value: a request member path ({@code Bucket}, {@code
 * TransactItems[*].Put.TableName}) and how the member's value is read, or a fixed value the service
 * uses when no member says otherwise (the {@code default} event bus, the {@code primary} Athena
 * workgroup), or nothing the code can give, and why ({@code unknowable}: an MSK cluster's UUID is
 * in no setting a Kafka client has). {@code pattern} marks a variable such as an S3 object key,
 * where a partly known value becomes a prefix pattern and an unknown one a plain {@code *} without
 * a finding.
 */
public record VariableSource(
    String member,
    ValueTransform transform,
    boolean pattern,
    Optional<String> fixed,
    Optional<String> unknowable) {

  public VariableSource(String member, ValueTransform transform, boolean pattern) {
    this(member, transform, pattern, Optional.empty(), Optional.empty());
  }

  /** A fixed value, used when the sources before it are not set. */
  public static VariableSource fixed(String value) {
    return new VariableSource("", ValueTransform.NAME, false, Optional.of(value), Optional.empty());
  }

  /** A value the code cannot give, and why: the ARN has {@code *} there, with a finding. */
  public static VariableSource unknowable(String reason) {
    return new VariableSource(
        "", ValueTransform.NAME, false, Optional.empty(), Optional.of(reason));
  }

  /** {@code TableName}, {@code QueueUrl (queueUrl)}, {@code "default"} or {@code ?(why)}. */
  public String describe() {
    if (fixed.isPresent()) {
      return "\"" + fixed.get() + "\"";
    }
    if (unknowable.isPresent()) {
      return "?(" + unknowable.get() + ")";
    }
    return transform == ValueTransform.NAME ? member : member + " (" + transform.dataName() + ")";
  }
}
