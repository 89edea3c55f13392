package dev.minrole.analyzer.template;

/**
 * A poll-based event source Lambda reads for the function with the function's role: {@code kind}
 * is SQS, Kinesis, DynamoDB, MSK, SelfManagedKafka, MQ or DocumentDB; {@code source} its ARN.
 */
public record EventSource(String kind, TemplateValue source) {}
