package dev.minrole.analyzer.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One AWS SDK for Java v2 operation the code can perform, with the request members the analyzer
 * could evaluate.
 *
 * <p>{@code service} is the SDK's {@code SERVICE_NAME} (for example {@code s3}, {@code monitoring})
 * and {@code operation} the API operation ({@code GetObject}). {@code args} maps member paths to
 * values: top-level members by their model name ({@code Bucket}), nested ones with dots ({@code
 * Image.S3Object.Bucket}) and list or map elements with an index ({@code
 * TransactItems[0].Put.TableName}, {@code RequestItems[0].key}). {@code detail} says how the code
 * made the call, e.g. {@code S3Client.getObject} or {@code DynamoDbTable.putItem}.
 */
public record SdkCall(
    String service,
    String operation,
    Map<String, ArgValue> args,
    SourceLocation site,
    String detail) {

  public SdkCall {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(detail, "detail");
    args = java.util.Collections.unmodifiableMap(new TreeMap<>(args));
  }

  public Optional<ArgValue> arg(String path) {
    return Optional.ofNullable(args.get(path));
  }
}
