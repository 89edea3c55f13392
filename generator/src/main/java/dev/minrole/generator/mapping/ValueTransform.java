package dev.minrole.generator.mapping;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a request member's value becomes part of an ARN. A member can name the resource ({@code
 * TableName}), be a URL the name is read from ({@code QueueUrl}), or be a whole ARN ({@code
 * TopicArn}); several accept either a name or an ARN. The set is closed: the mapping data chooses
 * among these by name.
 */
public enum ValueTransform {
  /** The value as it is. */
  NAME,
  /** A name, or a whole ARN of the resource. */
  NAME_OR_ARN,
  /** Always a whole ARN. */
  ARN,
  /** The queue name from an SQS queue URL (or a queue ARN). */
  QUEUE_URL,
  /** A Secrets Manager secret name or ARN; a name gets the six-character suffix pattern. */
  SECRET_ID,
  /** An SSM parameter name; the leading slash is not part of the ARN. */
  PARAMETER_NAME,
  /** A Lambda function name, partial ARN, full ARN, or name with a qualifier. */
  FUNCTION_NAME,
  /** A KMS key id or key ARN; an alias cannot be turned into a key ARN. */
  KMS_KEY;

  /** The outcome of transforming a known value. */
  public sealed interface Result {}

  /** The value of one ARN variable. */
  public record Part(String value) implements Result {}

  /** The whole ARN, because the member already held it. */
  public record WholeArn(String arn) implements Result {}

  /** The value cannot be used, and why. */
  public record Invalid(String reason) implements Result {}

  private static final Pattern QUEUE_URL_PATTERN =
      Pattern.compile("^https?://[^/]+/(\\d{12}|[^/]+)/([^/?#]+)/?$");
  private static final Pattern QUEUE_HOST_REGION =
      Pattern.compile("^https?://(?:sqs\\.)?([a-z0-9-]+)\\.(?:queue\\.)?amazonaws\\.com.*");

  public static ValueTransform parse(String name) {
    return valueOf(name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
  }

  /** Applies the transform to a known (possibly wildcarded) value. */
  public Result apply(String value) {
    switch (this) {
      case NAME:
        return new Part(value);
      case NAME_OR_ARN:
        return value.startsWith("arn:") ? new WholeArn(value) : new Part(value);
      case ARN:
        return value.startsWith("arn:") || value.equals("*")
            ? new WholeArn(value)
            : new Invalid("expected an ARN but found \"" + value + "\"");
      case QUEUE_URL:
        return queueUrl(value);
      case SECRET_ID:
        return secretId(value);
      case PARAMETER_NAME:
        if (value.startsWith("arn:")) {
          return new WholeArn(value);
        }
        return new Part(value.startsWith("/") ? value.substring(1) : value);
      case FUNCTION_NAME:
        return functionName(value);
      case KMS_KEY:
        if (value.startsWith("arn:")) {
          return new WholeArn(value);
        }
        if (value.startsWith("alias/")) {
          return new Invalid(
              "the key is named by its alias " + value + "; IAM checks the key ARN, so name the key");
        }
        return new Part(value);
      default:
        throw new IllegalStateException(name());
    }
  }

  /** The account and region a queue URL names, when it names them. */
  public static Optional<String[]> queueAccountAndRegion(String url) {
    Matcher m = QUEUE_URL_PATTERN.matcher(url);
    Matcher r = QUEUE_HOST_REGION.matcher(url);
    if (!m.matches()) {
      return Optional.empty();
    }
    String region = r.matches() && !r.group(1).equals("queue") ? r.group(1) : "*";
    return Optional.of(new String[] {m.group(1), region});
  }

  private static Result queueUrl(String value) {
    if (value.startsWith("arn:")) {
      return new WholeArn(value);
    }
    Matcher m = QUEUE_URL_PATTERN.matcher(value);
    if (m.matches()) {
      return new Part(m.group(2));
    }
    if (value.startsWith("http")) {
      int slash = value.lastIndexOf('/');
      return new Part(slash >= 0 && slash < value.length() - 1 ? value.substring(slash + 1) : "*");
    }
    return new Invalid("\"" + value + "\" is not an SQS queue URL");
  }

  private static Result secretId(String value) {
    if (value.startsWith("arn:")) {
      String[] parts = value.split(":", 7);
      boolean hasSuffix = parts.length == 7 && parts[6].matches(".*-[A-Za-z0-9]{6}$");
      return new WholeArn(hasSuffix || value.endsWith("*") ? value : value + "-??????");
    }
    return new Part(value.endsWith("*") ? value : value + "-??????");
  }

  private static Result functionName(String value) {
    if (value.startsWith("arn:")) {
      return new WholeArn(value);
    }
    String[] parts = value.split(":");
    if (parts.length >= 3 && parts[1].equals("function")) {
      return new Part(String.join(":", java.util.Arrays.copyOfRange(parts, 2, parts.length)));
    }
    return new Part(value);
  }
}
