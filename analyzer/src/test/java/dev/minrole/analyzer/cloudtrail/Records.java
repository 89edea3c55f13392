package dev.minrole.analyzer.cloudtrail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** CloudTrail records for tests, written to the documented record format. */
final class Records {
  static final String ACCOUNT = "111122223333";
  static final String ROLE = "arn:aws:iam::111122223333:role/orders-fn-role";

  private Records() {}

  /** A data event of the role: S3 GetObject on {@code bucket/key}. */
  static String getObject(String time, String bucket, String key) {
    return
"""
{"eventVersion":"1.09","userIdentity":{"type":"AssumedRole","principalId":"AROAEXAMPLE:orders-fn",\
"arn":"arn:aws:sts::111122223333:assumed-role/orders-fn-role/orders-fn","accountId":"111122223333",\
"sessionContext":{"sessionIssuer":{"type":"Role","arn":"%s","userName":"orders-fn-role"},\
"attributes":{"creationDate":"2024-05-01T00:00:00Z","mfaAuthenticated":"false"}}},\
"eventTime":"%s","eventSource":"s3.amazonaws.com","eventName":"GetObject","awsRegion":"us-east-1",\
"requestParameters":{"bucketName":"%s","key":"%s","Host":"%s.s3.amazonaws.com"},"responseElements":null,\
"resources":[{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::%s/%s"},\
{"accountId":"111122223333","type":"AWS::S3::Bucket","ARN":"arn:aws:s3:::%s"}],\
"eventType":"AwsApiCall","managementEvent":false,"recipientAccountId":"111122223333","eventCategory":"Data"}"""
        .formatted(ROLE, time, bucket, key, bucket, bucket, key, bucket);
  }

  /** A management event of any role, with request parameters and an optional error. */
  static String management(
      String role, String time, String source, String name, String params, String error) {
    String roleName = role.substring(role.lastIndexOf('/') + 1);
    return """
           {"eventVersion":"1.09","userIdentity":{"type":"AssumedRole",\
           "arn":"arn:aws:sts::111122223333:assumed-role/%s/session-1","accountId":"111122223333",\
           "sessionContext":{"sessionIssuer":{"type":"Role","arn":"%s"}}},\
           "eventTime":"%s","eventSource":"%s","eventName":"%s","awsRegion":"eu-west-1",\
           "requestParameters":%s%s,"eventType":"AwsApiCall","managementEvent":true,\
           "recipientAccountId":"111122223333","eventCategory":"Management"}"""
        .formatted(roleName, role, time, source, name, params, error);
  }

  static String file(List<String> records) {
    return "{\"Records\":[" + String.join(",", records) + "]}";
  }

  static Path writeGzip(Path file, String json) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
