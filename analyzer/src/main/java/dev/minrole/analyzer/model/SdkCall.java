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
 * made the call, e.g. {@code S3Client.getObject} or {@code DynamoDbTable.putItem}. {@code waiter}
 * names the SDK waiter that makes the call, when one does ({@code ObjectExists}): a waiter polls
 * until a state is reached, and telling "not found" from "access denied" may need more than the
 * operation's own action. {@code region} is the region the code built the client for ({@code
 * .region(Region.US_EAST_1)}, {@code .withRegion("us-west-2")}), when it sets one: the call's
 * resources are in that region, not the function's.
 */
public record SdkCall(
    String service,
    String operation,
    Map<String, ArgValue> args,
    SourceLocation site,
    String detail,
    Optional<String> waiter,
    Optional<ArgValue> region) {

  public SdkCall {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(detail, "detail");
    args = java.util.Collections.unmodifiableMap(new TreeMap<>(args));
    waiter = waiter == null ? Optional.empty() : waiter;
    region = region == null ? Optional.empty() : region;
  }

  /** A call on a client whose region the code does not set: the function's region applies. */
  public SdkCall(
      String service,
      String operation,
      Map<String, ArgValue> args,
      SourceLocation site,
      String detail,
      Optional<String> waiter) {
    this(service, operation, args, site, detail, waiter, Optional.empty());
  }

  /** A call the code makes directly, not through a waiter. */
  public SdkCall(
      String service,
      String operation,
      Map<String, ArgValue> args,
      SourceLocation site,
      String detail) {
    this(service, operation, args, site, detail, Optional.empty());
  }

  /** The same call with other argument values (bound from a template, say). */
  public SdkCall withArgs(Map<String, ArgValue> other) {
    return new SdkCall(service, operation, other, site, detail, waiter, region);
  }

  /** The same call on a client the code built for {@code value}'s region. */
  public SdkCall withRegion(Optional<ArgValue> value) {
    return new SdkCall(service, operation, args, site, detail, waiter, value);
  }

  public Optional<ArgValue> arg(String path) {
    return Optional.ofNullable(args.get(path));
  }
}
