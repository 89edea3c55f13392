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
  /**
   * The queue name from an SQS queue URL, a queue ARN, or a bare queue name (libraries such as
   * Spring Cloud AWS take names and look the URL up).
   */
  QUEUE_URL,
  /** A Secrets Manager secret name or ARN; a name gets the six-character suffix pattern. */
  SECRET_ID,
  /** An SSM parameter name; the leading slash is not part of the ARN. */
  PARAMETER_NAME,
  /** A Lambda function name, partial ARN, full ARN, or name with a qualifier. */
  FUNCTION_NAME,
  /** A KMS key id or key ARN; an alias cannot be turned into a key ARN. */
  KMS_KEY,
  /** The bucket of an S3 copy source, {@code bucket/key?versionId=v}. */
  COPY_SOURCE_BUCKET,
  /** The key of an S3 copy source, URL-decoded. */
  COPY_SOURCE_KEY,
  /**
   * The table a DynamoDB PartiQL statement reads or writes ({@code FROM "orders"}), or {@code
   * table/index/name} for a statement on an index ({@code FROM "orders"."byCustomer"}), which gives
   * the index's ARN.
   */
  PARTIQL_TABLE,
  /**
   * The foundation model behind a cross-region inference profile id: {@code
   * us.anthropic.claude-3-haiku-20240307-v1:0} gives {@code
   * anthropic.claude-3-haiku-20240307-v1:0}.
   */
  INFERENCE_PROFILE_MODEL,
  /** The bucket of an S3 location, {@code s3://bucket/prefix/}. */
  LOCATION_BUCKET,
  /** The objects under an S3 location: {@code s3://bucket/results/} gives {@code results/*}. */
  LOCATION_KEY,
  /**
   * The table an Athena query reads ({@code FROM sales.orders} gives {@code orders}); a query that
   * names several tables cannot be scoped to one.
   */
  ATHENA_TABLE,
  /**
   * The database an Athena query names with its table ({@code FROM sales.orders} gives {@code
   * sales}); a query with an unqualified table leaves it to the next source (the query's context).
   */
  ATHENA_DATABASE,
  /**
   * The resource id an RDS host name stands for in {@code rds-db} ARNs: a host name does not give
   * it; a template's database resource gives it at deployment ({@code DbiResourceId}).
   */
  RDS_RESOURCE_ID,
  /**
   * The MSK cluster named by bootstrap servers: {@code b-1.orders.x1y2z3.c2.kafka.eu-west-1
   * .amazonaws.com:9098} gives {@code orders}.
   */
  MSK_CLUSTER;

  /**
   * True if the value names a template resource whose deploy-time id the ARN needs ({@code
   * resourceId} in resource-types.yaml), not the text of the value.
   */
  public boolean namesTemplateResourceId() {
    return this == RDS_RESOURCE_ID;
  }

  /** The outcome of transforming a known value. */
  public sealed interface Result permits Part, WholeArn, Invalid, Declined {}

  /** The value of one ARN variable. */
  public record Part(String value) implements Result {}

  /** The whole ARN, because the member already held it. */
  public record WholeArn(String arn) implements Result {}

  /** The value cannot be used, and why. */
  public record Invalid(String reason) implements Result {}

  /** The value does not give this variable; the next source does, if the call sets it. */
  public record Declined(String reason) implements Result {}

  private static final Pattern PARTIQL_TARGET =
      Pattern.compile(
          "(?i)\\b(?:FROM|INTO|UPDATE)\\s+(\"[^\"]+\"|[A-Za-z_*][A-Za-z0-9_*]*)"
              + "(?:\\.(\"[^\"]+\"|[A-Za-z_*][A-Za-z0-9_*]*))?");
  private static final Pattern ATHENA_TARGET =
      Pattern.compile(
          "(?i)\\b(?:FROM|JOIN)\\s+((?:\"[^\"]+\"|`[^`]+`|[A-Za-z_*][A-Za-z0-9_*]*)"
              + "(?:\\s*\\.\\s*(?:\"[^\"]+\"|`[^`]+`|[A-Za-z_*][A-Za-z0-9_*]*)){0,2})");
  private static final Pattern QUEUE_URL_PATTERN =
      Pattern.compile("^https?://[^/]+/(\\d{12}|[^/]+)/([^/?#]+)/?$");
  private static final Pattern QUEUE_HOST_REGION =
      Pattern.compile("^https?://(?:sqs\\.)?([a-z0-9-]+)\\.(?:queue\\.)?amazonaws\\.com.*");

  public static ValueTransform parse(String name) {
    return valueOf(name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
  }

  /** The name the mapping data uses: {@code queueUrl} for {@link #QUEUE_URL}. */
  public String dataName() {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : name().toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /** Applies the transform to a known (possibly wildcarded) value. */
  public Result apply(String value) {
    switch (this) {
      case NAME -> {
        return new Part(value);
      }
      case NAME_OR_ARN -> {
        return value.startsWith("arn:") ? new WholeArn(value) : new Part(value);
      }
      case ARN -> {
        return value.startsWith("arn:") || value.equals("*")
            ? new WholeArn(value)
            : new Invalid("expected an ARN but found \"" + value + "\"");
      }
      case QUEUE_URL -> {
        return queueUrl(value);
      }
      case SECRET_ID -> {
        return secretId(value);
      }
      case PARAMETER_NAME -> {
        if (value.startsWith("arn:")) {
          return new WholeArn(value);
        }
        return new Part(value.startsWith("/") ? value.substring(1) : value);
      }
      case FUNCTION_NAME -> {
        return functionName(value);
      }
      case KMS_KEY -> {
        if (value.startsWith("arn:")) {
          return new WholeArn(value);
        }
        if (value.startsWith("alias/")) {
          return new Invalid(
              "the key is named by its alias "
                  + value
                  + "; IAM checks the key ARN, so name the key");
        }
        return new Part(value);
      }
      case COPY_SOURCE_BUCKET -> {
        return copySource(value, true);
      }
      case COPY_SOURCE_KEY -> {
        return copySource(value, false);
      }
      case PARTIQL_TABLE -> {
        return partiqlTable(value);
      }
      case INFERENCE_PROFILE_MODEL -> {
        if (value.startsWith("arn:")) {
          return new Invalid("the model behind the inference profile " + value + " is not known");
        }
        return new Part(value.substring(value.indexOf('.') + 1));
      }
      case LOCATION_BUCKET -> {
        return s3Url(value, true);
      }
      case LOCATION_KEY -> {
        return s3Url(value, false);
      }
      case ATHENA_TABLE -> {
        return athena(value, true);
      }
      case ATHENA_DATABASE -> {
        return athena(value, false);
      }
      case RDS_RESOURCE_ID -> {
        return new Invalid(
            "the host name "
                + value
                + " does not give the database's resource id (DbiResourceId, or the cluster's"
                + " DbClusterResourceId), which rds-db ARNs name");
      }
      case MSK_CLUSTER -> {
        return mskCluster(value);
      }
      default -> {
        throw new IllegalStateException(name());
      }
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
    if (value.matches("[A-Za-z0-9_*.-]+")) {
      return new Part(value);
    }
    return new Invalid("\"" + value + "\" is not an SQS queue URL");
  }

  private static Result copySource(String value, boolean bucket) {
    if (value.startsWith("arn:")) {
      return new Invalid("a copy source through an access point (" + value + ") is not resolved");
    }
    String source = value.startsWith("/") ? value.substring(1) : value;
    int query = source.indexOf("?versionId=");
    if (query >= 0) {
      source = source.substring(0, query);
    }
    int slash = source.indexOf('/');
    if (slash < 0) {
      return source.endsWith("*")
          ? new Part(bucket ? source : "*")
          : new Invalid("\"" + value + "\" is not a copy source of the form bucket/key");
    }
    return new Part(
        bucket ? source.substring(0, slash) : percentDecode(source.substring(slash + 1)));
  }

  /** Decodes %XX escapes only; a {@code +} in a copy source key is a plus sign. */
  private static String percentDecode(String text) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%'
          && i + 2 < text.length()
          && isHex(text.charAt(i + 1))
          && isHex(text.charAt(i + 2))) {
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  private static Result partiqlTable(String statement) {
    Matcher m = PARTIQL_TARGET.matcher(statement);
    if (!m.find()) {
      return new Invalid("the statement names no table after FROM, INTO or UPDATE");
    }
    String table = unquote(m.group(1));
    return new Part(m.group(2) == null ? table : table + "/index/" + unquote(m.group(2)));
  }

  private static Result s3Url(String value, boolean bucket) {
    if (!value.startsWith("s3://")) {
      return new Invalid("\"" + value + "\" is not an s3:// URL");
    }
    String rest = value.substring("s3://".length());
    int slash = rest.indexOf('/');
    if (bucket) {
      return new Part(slash < 0 ? rest : rest.substring(0, slash));
    }
    String prefix = slash < 0 ? "" : rest.substring(slash + 1);
    return new Part(prefix.endsWith("*") ? prefix : prefix + "*");
  }

  /** The one table an Athena query reads, or the database it qualifies that table with. */
  private static Result athena(String query, boolean table) {
    java.util.Set<String> targets = new java.util.TreeSet<>();
    Matcher m = ATHENA_TARGET.matcher(query);
    while (m.find()) {
      targets.add(m.group(1).replaceAll("\\s", ""));
    }
    if (targets.isEmpty()) {
      return new Invalid("the query names no table after FROM or JOIN");
    }
    if (targets.size() > 1) {
      return new Invalid("the query reads several tables (" + String.join(", ", targets) + ")");
    }
    String[] parts = targets.iterator().next().split("\\.", -1);
    if (table) {
      return new Part(unquote(parts[parts.length - 1]));
    }
    return parts.length > 1
        ? new Part(unquote(parts[parts.length - 2]))
        : new Declined("the query does not name the table's database");
  }

  private static Result mskCluster(String servers) {
    int comma = servers.indexOf(',');
    String host = (comma < 0 ? servers : servers.substring(0, comma)).strip();
    String[] labels = host.split("\\.", -1);
    if (labels.length > 4 && labels[0].startsWith("b-") && host.contains(".kafka.")) {
      return new Part(labels[1]);
    }
    return new Invalid("the bootstrap servers " + servers + " do not name an MSK cluster");
  }

  private static String unquote(String identifier) {
    return identifier.startsWith("\"") || identifier.startsWith("`")
        ? identifier.substring(1, identifier.length() - 1)
        : identifier;
  }

  private static Result secretId(String value) {
    if (value.startsWith("arn:")) {
      String[] parts = value.split(":", 7);
      // A secret's ARN ends in "-" and six random characters; a template reference stands for
      // them with "-??????" (Ref and Fn::GetAtt Id of AWS::SecretsManager::Secret).
      boolean hasSuffix = parts.length == 7 && parts[6].matches(".*-([A-Za-z0-9]{6}|\\?{6})$");
      return new WholeArn(hasSuffix || value.endsWith("*") ? value : value + "-??????");
    }
    return new Part(value.endsWith("*") ? value : value + "-??????");
  }

  private static Result functionName(String value) {
    if (value.startsWith("arn:")) {
      return new WholeArn(value);
    }
    String[] parts = value.split(":", -1);
    if (parts.length >= 3 && parts[1].equals("function")) {
      return new Part(String.join(":", java.util.Arrays.copyOfRange(parts, 2, parts.length)));
    }
    return new Part(value);
  }
}
