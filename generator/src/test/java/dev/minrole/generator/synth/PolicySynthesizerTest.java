package dev.minrole.generator.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.SdkCall;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.mapping.MappingData;
import dev.minrole.generator.mapping.OperationMapper;
import dev.minrole.generator.render.PolicyJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Synthesis with mapping data written here, so the tests do not depend on the bundled overrides:
 * SSE-KMS uploads need KMS permissions only through S3 ({@code kms:ViaService}), a fixed listing
 * prefix becomes {@code s3:prefix}.
 */
class PolicySynthesizerTest {
  private static final String PREFIXES = "aliases: {}\n";
  private static final String RESOURCES =
      """
      resources:
        s3:
          bucket:
            BucketName: Bucket
          object:
            BucketName: Bucket
            ObjectName: {member: Key, pattern: true}
      """;
  // SSE-KMS: https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
  private static final String OVERRIDES =
"""
overrides:
  s3:PutObject:
    source: https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
    actions:
      - action: s3:PutObject
      - action: kms:GenerateDataKey
        resource: kms:key
        when: {present: [SSEKMSKeyId]}
        bind: {KeyId: {member: SSEKMSKeyId, transform: kmsKey}}
        conditions:
          - {operator: StringEquals, key: "kms:ViaService", value: "s3.${Region}.amazonaws.com"}
  s3:ListObjectsV2:
    source: https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
    actions:
      - action: s3:ListBucket
        resource: bucket
        conditions:
          - {operator: StringLike, key: "s3:prefix", member: Prefix, pattern: true}
""";
  private static final String KEY =
      "arn:aws:kms:eu-west-1:123456789012:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

  private static final OperationMapper MAPPER =
      new OperationMapper(
          IamCatalog.bundled(), MappingData.fromYaml(PREFIXES, RESOURCES, OVERRIDES));

  private static SdkCall call(String operation, Map<String, String> args) {
    Map<String, ArgValue> values = new LinkedHashMap<>();
    args.forEach((k, v) -> values.put(k, ArgValue.literal(v)));
    return new SdkCall(
        "s3", operation, values, SourceLocation.of("app/Upload.java", 12), "S3Client." + operation);
  }

  private static String policy(ArnContext context, SdkCall... calls) {
    FunctionPolicy f =
        new PolicySynthesizer(MAPPER, context)
            .synthesize("f", "f", List.of(calls), List.of(), List.of());
    return PolicyJson.write(f.policy());
  }

  private static ArnContext region(String region) {
    return new ArnContext("aws", Optional.of(region), Optional.empty(), Map.of());
  }

  @Test
  void sseKmsUpload_withUnknownRegion_conditionsKmsOnViaServiceWithStringLike() {
    String json =
        policy(
            ArnContext.defaults(),
            call("PutObject", Map.of("Bucket", "uploads", "Key", "in/a.txt", "SSEKMSKeyId", KEY)));
    assertThat(json)
        .contains(
            """
                  "Action": [
                    "kms:GenerateDataKey"
                  ],
                  "Resource": [
                    "%s"
                  ],
                  "Condition": {
                    "StringLike": {
                      "kms:ViaService": [
                        "s3.*.amazonaws.com"
                      ]
                    }
                  }
            """
                .formatted(KEY))
        .doesNotContain("StringEquals");
  }

  @Test
  void sseKmsUpload_withKnownRegion_keepsStringEquals() {
    String json =
        policy(
            region("eu-west-1"),
            call("PutObject", Map.of("Bucket", "uploads", "Key", "in/a.txt", "SSEKMSKeyId", KEY)));
    assertThat(json)
        .contains(
            """
                  "Condition": {
                    "StringEquals": {
                      "kms:ViaService": [
                        "s3.eu-west-1.amazonaws.com"
                      ]
                    }
                  }
            """)
        .doesNotContain("StringLike");
  }

  @Test
  void uploadWithoutKmsKey_getsNoKmsPermissionAndNoCondition() {
    String json =
        policy(
            ArnContext.defaults(),
            call("PutObject", Map.of("Bucket", "uploads", "Key", "in/a.txt")));
    assertThat(json).doesNotContain("kms:").doesNotContain("Condition");
  }

  @Test
  void directDecrypt_coversTheViaServiceOne() {
    Permission direct =
        new Permission(
            "kms:GenerateDataKey", KEY, List.of(), List.of(new Evidence.Platform("test")));
    FunctionPolicy f =
        new PolicySynthesizer(MAPPER, ArnContext.defaults())
            .synthesize(
                "f",
                "f",
                List.of(
                    call("PutObject", Map.of("Bucket", "uploads", "Key", "a", "SSEKMSKeyId", KEY))),
                List.of(direct),
                List.of());
    assertThat(PolicyJson.write(f.policy())).doesNotContain("Condition");
    Permission kept =
        f.permissions().stream()
            .filter(p -> p.action().startsWith("kms:"))
            .findFirst()
            .orElseThrow();
    assertThat(kept.evidence()).hasSize(2);
  }

  @Test
  void listingWithFixedPrefix_getsS3PrefixStringLike() {
    String json =
        policy(
            ArnContext.defaults(),
            call("ListObjectsV2", Map.of("Bucket", "media", "Prefix", "incoming/")));
    assertThat(json)
        .contains("\"StringLike\": {\n          \"s3:prefix\": [\n            \"incoming/*\"");
  }

  @Test
  void listingWithoutPrefix_getsNoCondition() {
    String json = policy(ArnContext.defaults(), call("ListObjectsV2", Map.of("Bucket", "media")));
    assertThat(json).doesNotContain("Condition");
  }

  @Test
  void sameInput_givesByteIdenticalPolicy() {
    SdkCall a =
        call("PutObject", Map.of("Bucket", "uploads", "Key", "in/a.txt", "SSEKMSKeyId", KEY));
    SdkCall b = call("ListObjectsV2", Map.of("Bucket", "media", "Prefix", "x/"));
    assertThat(policy(ArnContext.defaults(), b, a)).isEqualTo(policy(ArnContext.defaults(), a, b));
  }
}
