package dev.minrole.generator.mapping;

import java.util.Optional;

/**
 * Where an ARN variable gets its value: a request member path ({@code Bucket}, {@code
 * TransactItems[*].Put.TableName}) and how the member's value is read, or a fixed value the service
 * uses when no member says otherwise (the {@code default} event bus, the {@code primary} Athena
 * workgroup). {@code pattern} marks a variable such as an S3 object key, where a partly known value
 * becomes a prefix pattern and an unknown one a plain {@code *} without a finding.
 */
public record VariableSource(
    String member, ValueTransform transform, boolean pattern, Optional<String> fixed) {

  public VariableSource(String member, ValueTransform transform, boolean pattern) {
    this(member, transform, pattern, Optional.empty());
  }

  /** A fixed value, used when the sources before it are not set. */
  public static VariableSource fixed(String value) {
    return new VariableSource("", ValueTransform.NAME, false, Optional.of(value));
  }

  /** {@code TableName}, {@code QueueUrl (queueUrl)} or {@code "default"}. */
  public String describe() {
    if (fixed.isPresent()) {
      return "\"" + fixed.get() + "\"";
    }
    return transform == ValueTransform.NAME ? member : member + " (" + transform.dataName() + ")";
  }
}
