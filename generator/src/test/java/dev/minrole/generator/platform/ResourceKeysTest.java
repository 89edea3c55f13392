package dev.minrole.generator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SdkCall;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.analyzer.template.TemplateProject;
import dev.minrole.analyzer.template.TemplateResolver;
import dev.minrole.generator.mapping.OperationMapper;
import dev.minrole.generator.synth.ArnContext;
import dev.minrole.generator.synth.Permission;
import dev.minrole.generator.synth.PolicySynthesizer;
import dev.minrole.generator.synth.SynthesisOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceKeysTest {
  private static final ArnContext CONTEXT =
      new ArnContext("aws", Optional.of("eu-west-1"), Optional.of("111122223333"), Map.of());
  private static final TemplateResolver.Options DEPLOYMENT =
      new TemplateResolver.Options(
          Map.of(), Optional.empty(), Optional.of("eu-west-1"), Optional.of("111122223333"), "aws");
  private static final String KEY = "arn:aws:kms:eu-west-1:111122223333:key/";
  private static final PolicySynthesizer SYNTH =
      new PolicySynthesizer(OperationMapper.bundled(), CONTEXT, SynthesisOptions.defaults());

  @TempDir Path dir;

  private Optional<TemplateResolver> template(String resources) throws IOException {
    Path file = dir.resolve("template.yaml");
    Files.writeString(file, "Resources:\n" + resources);
    return TemplateProject.load(file, "template.yaml", DEPLOYMENT).resolver();
  }

  private static SdkCall call(String service, String operation, Map<String, ArgValue> args) {
    return new SdkCall(service, operation, args, SourceLocation.of("app/Fn.java", 3), "Fn.call");
  }

  private static ArgValue.TemplateRef ref(String id, String type, String value) {
    return new ArgValue.TemplateRef(id, "", type, Optional.of(value));
  }

  private static ResourceKeys.Result keys(Optional<TemplateResolver> template, SdkCall call) {
    return ResourceKeys.bundled(template, CONTEXT)
        .of(List.of(call), c -> SYNTH.needs(List.of(c)).permissions());
  }

  private static List<String> grants(ResourceKeys.Result result) {
    return result.permissions().stream().map(ResourceKeysTest::describe).distinct().toList();
  }

  private static String describe(Permission p) {
    return p.action()
        + " "
        + p.resource()
        + p.conditions().stream()
            .map(c -> " " + c.operator() + " " + c.key() + "=" + c.values())
            .reduce("", String::concat);
  }

  @Test
  void of_whenQueueHasTheStacksKey_producerGetsGenerateDataKeyAndDecryptThroughSqs()
      throws IOException {
    Optional<TemplateResolver> template =
        template(
            """
              Jobs:
                Type: AWS::SQS::Queue
                Properties: {QueueName: jobs, KmsMasterKeyId: !Ref JobsKey}
              JobsKey:
                Type: AWS::KMS::Key
            """);
    SdkCall send =
        call(
            "sqs",
            "SendMessage",
            Map.of(
                "QueueUrl",
                ref(
                    "Jobs",
                    "AWS::SQS::Queue",
                    "https://sqs.eu-west-1.amazonaws.com/111122223333/jobs")));

    assertThat(grants(keys(template, send)))
        .containsExactlyInAnyOrder(
            "kms:GenerateDataKey "
                + KEY
                + "* StringLike kms:ViaService=[sqs.eu-west-1.amazonaws.com]",
            "kms:Decrypt " + KEY + "* StringLike kms:ViaService=[sqs.eu-west-1.amazonaws.com]");
  }

  @Test
  void of_whenConsumerReceives_needsOnlyDecrypt() throws IOException {
    Optional<TemplateResolver> template =
        template(
            """
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: jobs
                  KmsMasterKeyId: arn:aws:kms:eu-west-1:111122223333:key/1111-2222
            """);
    SdkCall receive =
        call(
            "sqs",
            "ReceiveMessage",
            Map.of(
                "QueueUrl",
                ref(
                    "Jobs",
                    "AWS::SQS::Queue",
                    "https://sqs.eu-west-1.amazonaws.com/111122223333/jobs")));

    assertThat(grants(keys(template, receive)))
        .containsExactly(
            "kms:Decrypt "
                + KEY
                + "1111-2222 StringLike kms:ViaService=[sqs.eu-west-1.amazonaws.com]");
  }

  @Test
  void of_whenSecretHasAKeyId_getSecretValueNeedsDecrypt_andAnAwsManagedKeyNothing()
      throws IOException {
    Optional<TemplateResolver> template =
        template(
            """
              DbSecret:
                Type: AWS::SecretsManager::Secret
                Properties: {Name: prod/db, KmsKeyId: alias/payments}
              PlainSecret:
                Type: AWS::SecretsManager::Secret
                Properties: {Name: prod/plain, KmsKeyId: alias/aws/secretsmanager}
            """);
    SdkCall db =
        call(
            "secretsmanager",
            "GetSecretValue",
            Map.of("SecretId", ref("DbSecret", "AWS::SecretsManager::Secret", "prod/db")));
    SdkCall plain =
        call(
            "secretsmanager",
            "GetSecretValue",
            Map.of("SecretId", ref("PlainSecret", "AWS::SecretsManager::Secret", "prod/plain")));

    assertThat(grants(keys(template, db)))
        .containsExactly(
            "kms:Decrypt "
                + KEY
                + "* StringLike kms:ViaService=[secretsmanager.eu-west-1.amazonaws.com]");
    assertThat(keys(template, plain).permissions()).isEmpty();
    assertThat(keys(template, plain).findings()).isEmpty();
  }

  @Test
  void of_whenBucketDefaultsToSseKms_putNeedsGenerateDataKeyAndGetDecrypt() throws IOException {
    Optional<TemplateResolver> template =
        template(
            """
              Media:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: media
                  BucketEncryption:
                    ServerSideEncryptionConfiguration:
                      - ServerSideEncryptionByDefault:
                          SSEAlgorithm: aws:kms
                          KMSMasterKeyID: arn:aws:kms:eu-west-1:111122223333:key/m-1
            """);
    ArgValue bucket = ref("Media", "AWS::S3::Bucket", "media");
    SdkCall put =
        call("s3", "PutObject", Map.of("Bucket", bucket, "Key", ArgValue.literal("a.jpg")));
    SdkCall get =
        call("s3", "GetObject", Map.of("Bucket", bucket, "Key", ArgValue.literal("a.jpg")));
    SdkCall multipart =
        call(
            "s3",
            "CreateMultipartUpload",
            Map.of("Bucket", bucket, "Key", ArgValue.literal("a.jpg")));

    String via = " StringLike kms:ViaService=[s3.eu-west-1.amazonaws.com]";
    assertThat(grants(keys(template, put)))
        .containsExactly("kms:GenerateDataKey " + KEY + "m-1" + via);
    assertThat(grants(keys(template, get))).containsExactly("kms:Decrypt " + KEY + "m-1" + via);
    assertThat(grants(keys(template, multipart)))
        .containsExactlyInAnyOrder(
            "kms:GenerateDataKey " + KEY + "m-1" + via, "kms:Decrypt " + KEY + "m-1" + via);
  }

  @Test
  void of_whenCopyingBetweenBuckets_eachKeyGetsOnlyWhatItsSideNeeds() throws IOException {
    Optional<TemplateResolver> template =
        template(
            """
              Inbox:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: inbox
                  BucketEncryption:
                    ServerSideEncryptionConfiguration:
                      - ServerSideEncryptionByDefault: {SSEAlgorithm: aws:kms, KMSMasterKeyID: arn:aws:kms:eu-west-1:111122223333:key/in}
              Archive:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: archive
                  BucketEncryption:
                    ServerSideEncryptionConfiguration:
                      - ServerSideEncryptionByDefault: {SSEAlgorithm: aws:kms, KMSMasterKeyID: arn:aws:kms:eu-west-1:111122223333:key/arc}
            """);
    SdkCall copy =
        call(
            "s3",
            "CopyObject",
            Map.of(
                "SourceBucket", ref("Inbox", "AWS::S3::Bucket", "inbox"),
                "SourceKey", ArgValue.literal("a.jpg"),
                "DestinationBucket", ref("Archive", "AWS::S3::Bucket", "archive"),
                "DestinationKey", ArgValue.literal("a.jpg")));

    String via = " StringLike kms:ViaService=[s3.eu-west-1.amazonaws.com]";
    assertThat(grants(keys(template, copy)))
        .containsExactlyInAnyOrder(
            "kms:Decrypt " + KEY + "in" + via, "kms:GenerateDataKey " + KEY + "arc" + via);
  }

  @Test
  void of_whenTableAndStreamHaveKeys_dataAccessNeedsTheRightKmsActions() throws IOException {
    Optional<TemplateResolver> template =
        template(
            """
              Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: orders
                  SSESpecification: {SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: arn:aws:kms:eu-west-1:111122223333:key/t}
              Clicks:
                Type: AWS::Kinesis::Stream
                Properties:
                  Name: clicks
                  StreamEncryption: {EncryptionType: KMS, KeyId: arn:aws:kms:eu-west-1:111122223333:key/k}
            """);
    SdkCall put =
        call(
            "dynamodb",
            "PutItem",
            Map.of("TableName", ref("Orders", "AWS::DynamoDB::Table", "orders")));
    SdkCall record =
        call(
            "kinesis",
            "PutRecord",
            Map.of("StreamName", ref("Clicks", "AWS::Kinesis::Stream", "clicks")));

    assertThat(grants(keys(template, put)))
        .containsExactly(
            "kms:Decrypt "
                + KEY
                + "t StringLike kms:ViaService=[dynamodb.eu-west-1.amazonaws.com]");
    assertThat(grants(keys(template, record)))
        .containsExactly(
            "kms:GenerateDataKey "
                + KEY
                + "k StringLike kms:ViaService=[kinesis.eu-west-1.amazonaws.com]");
  }

  @Test
  void of_withoutATemplate_namesWhatACustomerKeyWouldNeed_andGrantsNothing() {
    SdkCall send =
        call(
            "sqs",
            "SendMessage",
            Map.of(
                "QueueUrl",
                ArgValue.literal("https://sqs.eu-west-1.amazonaws.com/111122223333/jobs")));

    ResourceKeys.Result result =
        ResourceKeys.bundled(Optional.empty(), CONTEXT)
            .of(List.of(send, send), c -> SYNTH.needs(List.of(c)).permissions());

    assertThat(result.permissions()).isEmpty();
    assertThat(result.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.id()).isEqualTo("CUSTOMER_KEY_UNKNOWN");
              assertThat(f.severity().label()).isEqualTo("info");
              assertThat(f.hidesCode()).isFalse();
              assertThat(f.message())
                  .contains("queue", "kms:GenerateDataKey and kms:Decrypt", "no template");
            });
  }

  @Test
  void of_whenSecureStringIsDecrypted_reportsTheUnseenKey_andPlainReadsReportNothing() {
    SdkCall decrypted =
        call(
            "ssm",
            "GetParameter",
            Map.of(
                "Name", ArgValue.literal("/app/db"), "WithDecryption", ArgValue.literal("true")));
    SdkCall plain = call("ssm", "GetParameter", Map.of("Name", ArgValue.literal("/app/flags")));

    List<Finding> findings = keys(Optional.empty(), decrypted).findings();

    assertThat(findings)
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("SecureString parameter", "kms:Decrypt"));
    assertThat(keys(Optional.empty(), plain).findings()).isEmpty();
  }
}
