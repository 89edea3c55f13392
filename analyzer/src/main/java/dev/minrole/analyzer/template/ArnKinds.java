package dev.minrole.analyzer.template;

/**
 * What kind of event source or destination an ARN names, by its service: SQS, SNS, Lambda,
 * EventBridge, Kinesis, DynamoDB, MSK, MQ or S3, else {@code Unknown}.
 */
public final class ArnKinds {
  private ArnKinds() {}

  public static String of(String arn) {
    String[] parts = arn.split(":");
    if (parts.length <= 2 || !arn.startsWith("arn:")) {
      return "Unknown";
    }
    return switch (parts[2]) {
      case "sqs" -> "SQS";
      case "sns" -> "SNS";
      case "lambda" -> "Lambda";
      case "events" -> "EventBridge";
      case "kinesis" -> "Kinesis";
      case "dynamodb" -> "DynamoDB";
      case "kafka" -> "MSK";
      case "mq" -> "MQ";
      case "s3" -> "S3";
      default -> "Unknown";
    };
  }
}
