package dev.minrole.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a synthetic CloudTrail trail in S3 layout ({@code
 * AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<time>_<id>.json.gz}),
 * with records in the documented format: a Lambda role ({@link #ROLE}) calling S3 on fresh object
 * keys, DynamoDB, SQS, KMS and STS, mixed with other roles' management events (EC2, IAM,
 * CloudWatch) whose request and response elements are as large as real ones. The same arguments
 * always give the same files.
 *
 * <p>Usage: {@code TrailGenerator DIR EVENTS [EVENTS_PER_FILE]}
 */
public final class TrailGenerator {
  static final String ACCOUNT = "123456789012";
  static final String ROLE = "arn:aws:iam::123456789012:role/bench-fn-role";
  private static final String[] REGIONS = {"us-east-1", "us-east-1", "us-east-1", "eu-west-1"};
  private static final String[] OTHER_ROLES = {
    "ci-deploy", "ops-admin", "reporting", "ingest-fn-role", "data-pipeline"
  };

  private TrailGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: TrailGenerator DIR EVENTS [EVENTS_PER_FILE]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    long events = Long.parseLong(args[1]);
    int perFile = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int files = (int) ((events + perFile - 1) / perFile);
    long started = System.nanoTime();
    IntStream.range(0, files)
        .parallel()
        .forEach(f -> write(dir, f, (int) Math.min(perFile, events - (long) f * perFile)));
    System.err.printf(
        "wrote %d events in %d files under %s in %.1f s%n",
        events, files, dir, (System.nanoTime() - started) / 1e9);
  }

  private static void write(Path dir, int file, int count) {
    SplittableRandom random = new SplittableRandom(file * 7919L + 17);
    String region = REGIONS[file % REGIONS.length];
    int day = 1 + file % 28;
    int minute = (file / 28) % (24 * 60);
    String stamp = "2024%02d%02dT%02d%02dZ".formatted(5, day, minute / 60, minute % 60);
    Path path =
        dir.resolve("AWSLogs/" + ACCOUNT + "/CloudTrail/" + region + "/2024/05/%02d".formatted(day))
            .resolve(
                ACCOUNT
                    + "_CloudTrail_"
                    + region
                    + "_"
                    + stamp
                    + "_"
                    + id(random, 16)
                    + ".json.gz");
    StringBuilder json = new StringBuilder(count * 1400);
    json.append("{\"Records\":[");
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        json.append(',');
      }
      String time =
          "2024-05-%02dT%02d:%02d:%02dZ"
              .formatted(day, minute / 60, minute % 60, i * 60 / Math.max(1, count));
      record(json, random, region, time);
    }
    json.append("]}");
    try {
      Files.createDirectories(path.getParent());
      try (OutputStream out =
          new GZIPOutputStream(
              new BufferedOutputStream(Files.newOutputStream(path), 1 << 16), 1 << 16)) {
        out.write(json.toString().getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void record(StringBuilder j, SplittableRandom r, String region, String time) {
    int kind = r.nextInt(100);
    if (kind < 30) {
      String key = "uploads/2024/05/" + id(r, 2) + "/" + uuid(r) + ".jpg";
      boolean put = kind < 8;
      lambdaCall(
          j,
          r,
          region,
          time,
          "s3.amazonaws.com",
          put ? "PutObject" : "GetObject",
          "{\"bucketName\":\"bench-media\",\"Host\":\"bench-media.s3."
              + region
              + ".amazonaws.com\",\"key\":\""
              + key
              + "\""
              + (put ? ",\"x-amz-server-side-encryption\":\"AES256\"" : "")
              + "}",
          "[{\"type\":\"AWS::S3::Object\",\"ARN\":\"arn:aws:s3:::bench-media/"
              + key
              + "\"},"
              + "{\"accountId\":\""
              + ACCOUNT
              + "\",\"type\":\"AWS::S3::Bucket\",\"ARN\":\"arn:aws:s3:::bench-media\"}]",
          true,
          null);
    } else if (kind < 45) {
      String op = kind < 38 ? "GetItem" : kind < 42 ? "PutItem" : "Query";
      lambdaCall(
          j,
          r,
          region,
          time,
          "dynamodb.amazonaws.com",
          op,
          "{\"tableName\":\"orders\",\"key\":{\"pk\":{\"S\":\"order#"
              + r.nextInt(1_000_000)
              + "\"}},\"consistentRead\":false}",
          "[{\"accountId\":\""
              + ACCOUNT
              + "\",\"type\":\"AWS::DynamoDB::Table\",\"ARN\":\"arn:aws:dynamodb:"
              + region
              + ":"
              + ACCOUNT
              + ":table/orders\"}]",
          true,
          null);
    } else if (kind < 50) {
      lambdaCall(
          j,
          r,
          region,
          time,
          "sqs.amazonaws.com",
          "SendMessage",
          "{\"queueUrl\":\"https://sqs."
              + region
              + ".amazonaws.com/"
              + ACCOUNT
              + "/order-events\",\"messageBody\":\"HIDDEN_DUE_TO_SECURITY_REASONS\"}",
          "[{\"accountId\":\""
              + ACCOUNT
              + "\",\"type\":\"AWS::SQS::Queue\",\"ARN\":\"arn:aws:sqs:"
              + region
              + ":"
              + ACCOUNT
              + ":order-events\"}]",
          true,
          null);
    } else if (kind < 52) {
      lambdaCall(
          j,
          r,
          region,
          time,
          "kms.amazonaws.com",
          "Decrypt",
          "{\"encryptionAlgorithm\":\"SYMMETRIC_DEFAULT\",\"encryptionContext\":{\"LambdaFunctionName\":\"bench-fn\"}}",
          "[{\"accountId\":\""
              + ACCOUNT
              + "\",\"type\":\"AWS::KMS::Key\",\"ARN\":\"arn:aws:kms:"
              + region
              + ":"
              + ACCOUNT
              + ":key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0\"}]",
          false,
          null);
    } else if (kind < 53) {
      lambdaCall(
          j,
          r,
          region,
          time,
          "dynamodb.amazonaws.com",
          "DeleteItem",
          "{\"tableName\":\"orders\"}",
          "[{\"accountId\":\""
              + ACCOUNT
              + "\",\"type\":\"AWS::DynamoDB::Table\",\"ARN\":\"arn:aws:dynamodb:"
              + region
              + ":"
              + ACCOUNT
              + ":table/orders\"}]",
          true,
          "User: arn:aws:sts::"
              + ACCOUNT
              + ":assumed-role/bench-fn-role/bench-fn is not authorized to perform:"
              + " dynamodb:DeleteItem on resource: arn:aws:dynamodb:"
              + region
              + ":"
              + ACCOUNT
              + ":table/orders because no identity-based policy allows the dynamodb:DeleteItem"
              + " action");
    } else {
      otherRole(j, r, region, time);
    }
  }

  private static void lambdaCall(
      StringBuilder j,
      SplittableRandom r,
      String region,
      String time,
      String source,
      String name,
      String params,
      String resources,
      boolean data,
      String denied) {
    j.append(
            "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":\"AROAY2EXAMPLEBENCH01:bench-fn\",")
        .append("\"arn\":\"arn:aws:sts::")
        .append(ACCOUNT)
        .append(":assumed-role/bench-fn-role/bench-fn\",\"accountId\":\"")
        .append(ACCOUNT)
        .append("\",\"accessKeyId\":\"ASIA")
        .append(id(r, 16).toUpperCase())
        .append("\",\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",")
        .append("\"principalId\":\"AROAY2EXAMPLEBENCH01\",\"arn\":\"")
        .append(ROLE)
        .append("\",\"accountId\":\"")
        .append(ACCOUNT)
        .append("\",\"userName\":\"bench-fn-role\"},\"attributes\":{\"creationDate\":\"")
        .append(time)
        .append("\",\"mfaAuthenticated\":\"false\"}},\"invokedBy\":\"lambda.amazonaws.com\"},")
        .append(what(time, source, name, region))
        .append("3.")
        .append(r.nextInt(256))
        .append('.')
        .append(r.nextInt(256))
        .append(".7\",")
        .append(
            "\"userAgent\":\"aws-sdk-java/2.40.2 md/io#sync ua/2.1 os/Linux#5.10 lang/java#17.0.13"
                + " md/OpenJDK_64-Bit_Server_VM#17.0.13 exec-env/AWS_Lambda_java17"
                + " cfg/retry-mode#legacy\",");
    if (denied != null) {
      j.append("\"errorCode\":\"AccessDeniedException\",\"errorMessage\":\"")
          .append(denied)
          .append("\",");
    }
    j.append("\"requestParameters\":")
        .append(params)
        .append(",\"responseElements\":null,")
        .append(
            "\"additionalEventData\":{\"SignatureVersion\":\"SigV4\",\"CipherSuite\":\"TLS_AES_128_GCM_SHA256\",\"bytesTransferredIn\":0,")
        .append("\"AuthenticationMethod\":\"AuthHeader\",\"x-amz-id-2\":\"")
        .append(id(r, 60))
        .append("\",\"bytesTransferredOut\":")
        .append(r.nextInt(900_000))
        .append("},")
        .append("\"requestID\":\"")
        .append(id(r, 16).toUpperCase())
        .append("\",\"eventID\":\"")
        .append(uuid(r))
        .append("\",\"readOnly\":")
        .append(name.startsWith("Get") || name.equals("Query") || name.equals("Decrypt"))
        .append(",\"resources\":")
        .append(resources)
        .append(",\"eventType\":\"AwsApiCall\",\"managementEvent\":")
        .append(!data)
        .append(",\"recipientAccountId\":\"")
        .append(ACCOUNT)
        .append("\",\"eventCategory\":\"")
        .append(data ? "Data" : "Management")
        .append("\",")
        .append(
            "\"tlsDetails\":{\"tlsVersion\":\"TLSv1.3\",\"cipherSuite\":\"TLS_AES_128_GCM_SHA256\",\"clientProvidedHostHeader\":\"")
        .append(source.replace(".amazonaws.com", ""))
        .append('.')
        .append(region)
        .append(".amazonaws.com\"}}");
  }

  private static void otherRole(StringBuilder j, SplittableRandom r, String region, String time) {
    String role = OTHER_ROLES[r.nextInt(OTHER_ROLES.length)];
    int op = r.nextInt(4);
    String source =
        op == 0
            ? "ec2.amazonaws.com"
            : op == 1
                ? "iam.amazonaws.com"
                : op == 2 ? "monitoring.amazonaws.com" : "lambda.amazonaws.com";
    String name =
        op == 0
            ? "DescribeInstances"
            : op == 1
                ? "GetRole"
                : op == 2 ? "PutMetricData" : "GetFunctionConfiguration20150331v2";
    j.append(
            "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":\"AROAOTHER")
        .append(id(r, 8).toUpperCase())
        .append(":session-")
        .append(r.nextInt(50))
        .append("\",\"arn\":\"arn:aws:sts::")
        .append(ACCOUNT)
        .append(":assumed-role/")
        .append(role)
        .append("/session-")
        .append(r.nextInt(50))
        .append("\",\"accountId\":\"")
        .append(ACCOUNT)
        .append("\",\"sessionContext\":{\"sessionIssuer\":{")
        .append("\"type\":\"Role\",\"arn\":\"arn:aws:iam::")
        .append(ACCOUNT)
        .append(":role/")
        .append(role)
        .append("\",\"userName\":\"")
        .append(role)
        .append("\"},\"attributes\":{\"creationDate\":\"")
        .append(time)
        .append("\",\"mfaAuthenticated\":\"false\"}}},")
        .append(what(time, source, name, region))
        .append("10.0.")
        .append(r.nextInt(256))
        .append('.')
        .append(r.nextInt(256))
        .append(
            "\",\"userAgent\":\"aws-cli/2.15.30 Python/3.11.8 Linux/5.10 exe/x86_64.amzn.2"
                + " command/")
        .append(name)
        .append("\",")
        .append(
            "\"requestParameters\":{\"filterSet\":{\"items\":[{\"name\":\"tag:team\",\"valueSet\":{\"items\":[{\"value\":\"")
        .append(id(r, 12))
        .append("\"}]}}]},\"maxResults\":")
        .append(r.nextInt(1000))
        .append(",\"namespace\":\"Bench/")
        .append(id(r, 6))
        .append("\"},")
        .append("\"responseElements\":{\"requestId\":\"")
        .append(uuid(r))
        .append("\",\"reservationSet\":{\"items\":[");
    int items = 1 + r.nextInt(3);
    for (int i = 0; i < items; i++) {
      j.append(i == 0 ? "" : ",")
          .append("{\"reservationId\":\"r-")
          .append(id(r, 17))
          .append("\",\"instancesSet\":{\"items\":[{\"instanceId\":\"i-")
          .append(id(r, 17))
          .append("\",\"instanceType\":\"m6i.large\",\"privateIpAddress\":\"10.0.")
          .append(r.nextInt(256))
          .append('.')
          .append(r.nextInt(256))
          .append("\",\"tagSet\":{\"items\":[{\"key\":\"Name\",\"value\":\"bench-")
          .append(id(r, 8))
          .append("\"}]}}]}}");
    }
    j.append("]}},\"requestID\":\"")
        .append(uuid(r))
        .append("\",\"eventID\":\"")
        .append(uuid(r))
        .append("\",\"readOnly\":true,")
        .append("\"eventType\":\"AwsApiCall\",\"managementEvent\":true,\"recipientAccountId\":\"")
        .append(ACCOUNT)
        .append("\",\"eventCategory\":\"Management\"}");
  }

  /** The event's time, source, name and region, up to the source IP address's value. */
  private static String what(String time, String source, String name, String region) {
    return "\"eventTime\":\""
        + time
        + "\",\"eventSource\":\""
        + source
        + "\",\"eventName\":\""
        + name
        + "\",\"awsRegion\":\""
        + region
        + "\",\"sourceIPAddress\":\"";
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private static String id(SplittableRandom r, int length) {
    char[] c = new char[length];
    for (int i = 0; i < length; i++) {
      c[i] = HEX[r.nextInt(16)];
    }
    return new String(c);
  }

  private static String uuid(SplittableRandom r) {
    return id(r, 8) + "-" + id(r, 4) + "-4" + id(r, 3) + "-a" + id(r, 3) + "-" + id(r, 12);
  }
}
