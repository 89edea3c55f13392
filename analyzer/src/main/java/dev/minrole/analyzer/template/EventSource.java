package dev.minrole.analyzer.template;

import java.util.Optional;

/**
 * A poll-based event source Lambda reads for the function with the function's role: {@code kind} is
 * SQS, Kinesis, DynamoDB, MSK, SelfManagedKafka, MQ or DocumentDB; {@code source} its ARN; {@code
 * key} the KMS key the template encrypts the queue or stream with, when it names one ({@code
 * KmsMasterKeyId}, {@code StreamEncryption.KeyId}).
 */
public record EventSource(String kind, TemplateValue source, Optional<TemplateValue> key) {
  public EventSource(String kind, TemplateValue source) {
    this(kind, source, Optional.empty());
  }
}
