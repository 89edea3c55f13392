package dev.minrole.generator.mapping;

/**
 * Where an ARN variable gets its value: a request member path ({@code Bucket}, {@code
 * TransactItems[*].Put.TableName}) and how the member's value is read. {@code pattern} marks a
 * variable such as an S3 object key, where a partly known value becomes a prefix pattern and an
 * unknown one a plain {@code *} without a finding.
 */
public record VariableSource(String member, ValueTransform transform, boolean pattern) {}
