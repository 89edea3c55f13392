package dev.minrole.analyzer.template;

/**
 * Where Lambda sends events the function failed (or succeeded) on: a dead-letter queue or topic, or
 * an asynchronous invocation destination. {@code kind} is SQS, SNS, Lambda, EventBridge or S3
 * ({@code Unknown} when the template does not say); {@code purpose} is for messages.
 */
public record Destination(String kind, TemplateValue target, String purpose) {}
