package dev.minrole.analyzer.template;

import java.util.Optional;

/**
 * Where Lambda sends events the function failed (or succeeded) on: a dead-letter queue or topic, or
 * an asynchronous invocation destination. {@code kind} is SQS, SNS, Lambda, EventBridge or S3
 * ({@code Unknown} when the template does not say); {@code purpose} is for messages. {@code
 * samType} is the SAM-only {@code Type} property when the template writes it: SAM adds a policy for
 * the destination to the role it generates only then, while {@code kind} may be read from the ARN.
 */
public record Destination(
    String kind, TemplateValue target, String purpose, Optional<String> samType) {
  public Destination {
    samType = samType == null ? Optional.empty() : samType;
  }

  /** A destination declared without SAM's {@code Type} property. */
  public Destination(String kind, TemplateValue target, String purpose) {
    this(kind, target, purpose, Optional.empty());
  }
}
