package dev.minrole.analyzer.template;

/**
 * What kind of event source or destination an ARN names, by its service ({@code
 * template/lambda-sources.yaml}): SQS, SNS, Lambda, EventBridge, Kinesis, DynamoDB, MSK, MQ or S3,
 * else {@code Unknown}.
 */
public final class ArnKinds {
  private ArnKinds() {}

  public static String of(String arn) {
    String[] parts = arn.split(":", -1);
    if (parts.length <= 2 || !arn.startsWith("arn:")) {
      return "Unknown";
    }
    return LambdaSources.bundled().kindOfArnService(parts[2]);
  }
}
