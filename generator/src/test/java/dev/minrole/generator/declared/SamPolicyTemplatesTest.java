package dev.minrole.generator.declared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.render.PolicyJson;
import dev.minrole.generator.synth.ArnContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;

/**
 * SAM policy template expansions against the documents the SAM Developer Guide lists
 * (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-template-list.html),
 * written here by hand for region us-east-1 and account 123456789012.
 */
class SamPolicyTemplatesTest {
  private static final ArnContext CONTEXT =
      new ArnContext("aws", Optional.of("us-east-1"), Optional.of("123456789012"), Map.of());
  private static final SourceLocation WHERE = SourceLocation.of("template.yaml", 7);
  private static final String TABLE = "arn:aws:dynamodb:us-east-1:123456789012:table/Orders";
  private static final SamPolicyTemplates TEMPLATES = SamPolicyTemplates.bundled();

  static Stream<Arguments> documented() {
    return Stream.of(
        Arguments.of(
            "DynamoDBCrudPolicy",
            "TableName=Orders",
            statement(
                "dynamodb:GetItem dynamodb:DeleteItem dynamodb:PutItem dynamodb:Scan dynamodb:Query"
                    + " dynamodb:UpdateItem dynamodb:BatchWriteItem dynamodb:BatchGetItem"
                    + " dynamodb:DescribeTable dynamodb:ConditionCheckItem",
                TABLE + " " + TABLE + "/index/*")),
        Arguments.of(
            "DynamoDBReadPolicy",
            "TableName=Orders",
            statement(
                "dynamodb:GetItem dynamodb:Scan dynamodb:Query dynamodb:BatchGetItem"
                    + " dynamodb:DescribeTable",
                TABLE + " " + TABLE + "/index/*")),
        Arguments.of(
            "DynamoDBWritePolicy",
            "TableName=Orders",
            statement(
                "dynamodb:PutItem dynamodb:UpdateItem dynamodb:BatchWriteItem",
                TABLE + " " + TABLE + "/index/*")),
        Arguments.of(
            "DynamoDBStreamReadPolicy",
            "TableName=Orders;StreamName=2024-01-01T00:00:00.000",
            statement(
                    "dynamodb:DescribeStream dynamodb:GetRecords dynamodb:GetShardIterator",
                    TABLE + "/stream/2024-01-01T00:00:00.000")
                + ","
                + statement("dynamodb:ListStreams", TABLE + "/stream/*")),
        Arguments.of(
            "DynamoDBReconfigurePolicy",
            "TableName=Orders",
            statement("dynamodb:UpdateTable", TABLE)),
        Arguments.of(
            "S3ReadPolicy",
            "BucketName=uploads",
            statement(
                "s3:GetObject s3:ListBucket s3:GetBucketLocation s3:GetObjectVersion"
                    + " s3:GetLifecycleConfiguration",
                "arn:aws:s3:::uploads arn:aws:s3:::uploads/*")),
        Arguments.of(
            "S3WritePolicy",
            "BucketName=uploads",
            statement(
                "s3:PutObject s3:PutObjectAcl s3:PutLifecycleConfiguration",
                "arn:aws:s3:::uploads arn:aws:s3:::uploads/*")),
        Arguments.of(
            "S3CrudPolicy",
            "BucketName=uploads",
            statement(
                "s3:GetObject s3:ListBucket s3:GetBucketLocation s3:GetObjectVersion s3:PutObject"
                    + " s3:PutObjectAcl s3:GetLifecycleConfiguration s3:PutLifecycleConfiguration"
                    + " s3:DeleteObject",
                "arn:aws:s3:::uploads arn:aws:s3:::uploads/*")),
        Arguments.of(
            "S3FullAccessPolicy",
            "BucketName=uploads",
            statement(
                    "s3:GetObject s3:GetObjectAcl s3:GetObjectVersion s3:PutObject s3:PutObjectAcl"
                        + " s3:DeleteObject s3:DeleteObjectTagging s3:DeleteObjectVersionTagging"
                        + " s3:GetObjectTagging s3:GetObjectVersionTagging s3:PutObjectTagging"
                        + " s3:PutObjectVersionTagging",
                    "arn:aws:s3:::uploads/*")
                + ","
                + statement(
                    "s3:ListBucket s3:GetBucketLocation s3:GetLifecycleConfiguration"
                        + " s3:PutLifecycleConfiguration",
                    "arn:aws:s3:::uploads")),
        Arguments.of(
            "SQSSendMessagePolicy",
            "QueueName=jobs",
            statement("sqs:SendMessage*", "arn:aws:sqs:us-east-1:123456789012:jobs")),
        Arguments.of(
            "SQSPollerPolicy",
            "QueueName=jobs",
            statement(
                "sqs:ChangeMessageVisibility sqs:ChangeMessageVisibilityBatch sqs:DeleteMessage"
                    + " sqs:DeleteMessageBatch sqs:GetQueueAttributes sqs:ReceiveMessage",
                "arn:aws:sqs:us-east-1:123456789012:jobs")),
        Arguments.of(
            "SNSPublishMessagePolicy",
            "TopicName=alerts",
            statement("sns:Publish", "arn:aws:sns:us-east-1:123456789012:alerts")),
        Arguments.of(
            "SNSCrudPolicy",
            "TopicName=alerts",
            statement(
                "sns:ListSubscriptionsByTopic sns:CreateTopic sns:SetTopicAttributes sns:Subscribe"
                    + " sns:Publish",
                "arn:aws:sns:us-east-1:123456789012:alerts*")),
        Arguments.of(
            "LambdaInvokePolicy",
            "FunctionName=worker",
            statement(
                "lambda:InvokeFunction", "arn:aws:lambda:us-east-1:123456789012:function:worker*")),
        Arguments.of(
            "SSMParameterReadPolicy",
            "ParameterName=app-config",
            statement("ssm:DescribeParameters", "*")
                + ","
                + statement(
                    "ssm:GetParameters ssm:GetParameter ssm:GetParametersByPath",
                    "arn:aws:ssm:us-east-1:123456789012:parameter/app-config")),
        Arguments.of(
            "SSMParameterWithSlashPrefixReadPolicy",
            "ParameterName=/app/config",
            statement("ssm:DescribeParameters", "*")
                + ","
                + statement(
                    "ssm:GetParameters ssm:GetParameter ssm:GetParametersByPath",
                    "arn:aws:ssm:us-east-1:123456789012:parameter/app/config")),
        Arguments.of(
            "AWSSecretsManagerGetSecretValuePolicy",
            "SecretArn=arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf",
            statement(
                "secretsmanager:GetSecretValue",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf")),
        Arguments.of(
            "AWSSecretsManagerRotationPolicy",
            "FunctionName=rotator",
            "{\"Effect\":\"Allow\",\"Action\":[\"secretsmanager:DescribeSecret\",\"secretsmanager:GetSecretValue\","
                + "\"secretsmanager:PutSecretValue\",\"secretsmanager:UpdateSecretVersionStage\"],"
                + "\"Resource\":\"arn:aws:secretsmanager:us-east-1:123456789012:secret:*\",\"Condition\":{\"StringEquals\":"
                + "{\"secretsmanager:resource/AllowRotationLambdaArn\":"
                + "\"arn:aws:lambda:us-east-1:123456789012:function:rotator\"}}},"
                + statement("secretsmanager:GetRandomPassword", "*")),
        Arguments.of(
            "KMSDecryptPolicy",
            "KeyId=1234abcd-12ab-34cd-56ef-1234567890ab",
            statement(
                "kms:Decrypt",
                "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")),
        Arguments.of(
            "KMSEncryptPolicy",
            "KeyId=1234abcd-12ab-34cd-56ef-1234567890ab",
            statement(
                "kms:Encrypt",
                "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")),
        Arguments.of(
            "EventBridgePutEventsPolicy",
            "EventBusName=default",
            statement(
                "events:PutEvents", "arn:aws:events:us-east-1:123456789012:event-bus/default")),
        Arguments.of(
            "StepFunctionsExecutionPolicy",
            "StateMachineName=flow",
            statement(
                "states:StartExecution",
                "arn:aws:states:us-east-1:123456789012:stateMachine:flow")),
        Arguments.of(
            "KinesisStreamReadPolicy",
            "StreamName=clicks",
            statement(
                    "kinesis:ListStreams kinesis:DescribeLimits",
                    "arn:aws:kinesis:us-east-1:123456789012:stream/*")
                + ","
                + statement(
                    "kinesis:DescribeStream kinesis:DescribeStreamSummary kinesis:GetRecords"
                        + " kinesis:GetShardIterator",
                    "arn:aws:kinesis:us-east-1:123456789012:stream/clicks")),
        Arguments.of(
            "FirehoseWritePolicy",
            "DeliveryStreamName=events",
            statement(
                "firehose:PutRecord firehose:PutRecordBatch",
                "arn:aws:firehose:us-east-1:123456789012:deliverystream/events")),
        Arguments.of(
            "SESSendBouncePolicy",
            "IdentityName=example.com",
            statement("ses:SendBounce", "arn:aws:ses:us-east-1:123456789012:identity/example.com")),
        Arguments.of(
            "EFSWriteAccessPolicy",
            "FileSystem=fs-12345678;AccessPoint=fsap-1234",
            "{\"Effect\":\"Allow\",\"Action\":[\"elasticfilesystem:ClientMount\",\"elasticfilesystem:ClientWrite\"],"
                + "\"Resource\":\"arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-12345678\","
                + "\"Condition\":{\"StringEquals\":{\"elasticfilesystem:AccessPointArn\":"
                + "\"arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-1234\"}}}"),
        Arguments.of("CloudWatchPutMetricPolicy", "", statement("cloudwatch:PutMetricData", "*")),
        Arguments.of(
            "VPCAccessPolicy",
            "",
            statement(
                "ec2:CreateNetworkInterface ec2:DeleteNetworkInterface"
                    + " ec2:DescribeNetworkInterfaces ec2:DetachNetworkInterface",
                "*")),
        Arguments.of("AMIDescribePolicy", "", statement("ec2:DescribeImages", "*")),
        Arguments.of(
            "CloudFormationDescribeStacksPolicy",
            "",
            statement(
                "cloudformation:DescribeStacks",
                "arn:aws:cloudformation:us-east-1:123456789012:stack/*")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documented")
  void expand_documentedTemplate_matchesTheDocumentation(
      String name, String parameters, String statements) {
    SamPolicyTemplates.Expansion expansion =
        TEMPLATES.expand(name, parameters(parameters), CONTEXT, WHERE);

    IamPolicy expected =
        IamPolicy.fromJson("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}");
    assertThat(expansion.findings()).isEmpty();
    assertThat(expansion.policy()).isPresent();
    assertThat(PolicyJson.write(expansion.policy().get())).isEqualTo(PolicyJson.write(expected));
  }

  @Test
  void templates_coverTheNamedTemplatesAndMore() {
    assertThat(TEMPLATES.templates()).hasSizeGreaterThanOrEqualTo(28);
    assertThat(TEMPLATES.templates().keySet())
        .contains(
            "DynamoDBCrudPolicy",
            "DynamoDBReadPolicy",
            "DynamoDBWritePolicy",
            "DynamoDBStreamReadPolicy",
            "DynamoDBReconfigurePolicy",
            "S3ReadPolicy",
            "S3WritePolicy",
            "S3CrudPolicy",
            "S3FullAccessPolicy",
            "SQSSendMessagePolicy",
            "SQSPollerPolicy",
            "SNSPublishMessagePolicy",
            "SNSCrudPolicy",
            "LambdaInvokePolicy",
            "SSMParameterReadPolicy",
            "SSMParameterWithSlashPrefixReadPolicy",
            "AWSSecretsManagerGetSecretValuePolicy",
            "AWSSecretsManagerRotationPolicy",
            "KMSDecryptPolicy",
            "KMSEncryptPolicy",
            "EventBridgePutEventsPolicy",
            "StepFunctionsExecutionPolicy",
            "KinesisCrudPolicy",
            "KinesisStreamReadPolicy",
            "FirehoseWritePolicy",
            "FirehoseCrudPolicy",
            "SESCrudPolicy",
            "SESSendBouncePolicy",
            "SESBulkTemplatedCrudPolicy",
            "CloudWatchPutMetricPolicy",
            "CloudWatchDescribeAlarmHistoryPolicy",
            "VPCAccessPolicy",
            "AthenaQueryPolicy",
            "RekognitionDetectOnlyPolicy",
            "TextractPolicy",
            "ComprehendBasicAccessPolicy",
            "CostExplorerReadOnlyPolicy",
            "EFSWriteAccessPolicy",
            "AMIDescribePolicy",
            "CloudFormationDescribeStacksPolicy",
            "ElasticsearchHttpPostPolicy");
    assertThat(documented().count()).isGreaterThanOrEqualTo(18);
  }

  @Test
  void everyTemplate_grantsOnlyActionsTheCatalogKnows_orSaysWhyNot() {
    IamCatalog catalog = IamCatalog.bundled();
    List<String> unknown = new ArrayList<>();
    List<String> wronglyListed = new ArrayList<>();
    for (SamPolicyTemplate t : TEMPLATES.templates().values()) {
      for (StatementDraft s : t.statements()) {
        for (String action : s.actions()) {
          boolean known = !catalog.expand(action).isEmpty();
          if (!known && !t.notInCatalog().containsKey(action)) {
            unknown.add(t.name() + " " + action);
          }
          if (known && t.notInCatalog().containsKey(action)) {
            wronglyListed.add(t.name() + " " + action);
          }
        }
      }
    }
    assertThat(unknown).isEmpty();
    assertThat(wronglyListed).isEmpty();
  }

  @Test
  void everyTemplate_usesExactlyItsParameters_andCitesItsSection() {
    Pattern placeholder = Pattern.compile("\\$\\{([^}]+)}");
    for (SamPolicyTemplate t : TEMPLATES.templates().values()) {
      Set<String> used = new TreeSet<>();
      for (StatementDraft s : t.statements()) {
        List<String> texts = new ArrayList<>(s.resources());
        s.conditions().values().forEach(keys -> keys.values().forEach(texts::addAll));
        for (String text : texts) {
          Matcher m = placeholder.matcher(text);
          while (m.find()) {
            used.add(m.group(1));
          }
        }
      }
      used.removeAll(Set.of("AWS::Partition", "AWS::Region", "AWS::AccountId"));
      assertThat(used).as(t.name()).isEqualTo(new TreeSet<>(t.parameters()));
      assertThat(t.url())
          .as(t.name())
          .matches(
              "https://docs\\.aws\\.amazon\\.com/serverless-application-model/latest/developerguide/"
                  + "serverless-policy-template-list\\.html#[a-z0-9-]+");
      assertThat(t.description()).as(t.name()).isNotBlank();
    }
  }

  @Test
  void expand_unknownTemplate_givesNoPolicyAndAFinding() {
    SamPolicyTemplates.Expansion expansion =
        TEMPLATES.expand("DynamoDBCrudPolicyy", parameters("TableName=Orders"), CONTEXT, WHERE);

    assertThat(expansion.policy()).isEmpty();
    assertThat(expansion.findings())
        .extracting(Finding::id)
        .containsExactly("UNKNOWN_POLICY_TEMPLATE");
    assertThat(expansion.findings().get(0).location()).isEqualTo(WHERE);
    assertThat(expansion.findings().get(0).message()).contains("DynamoDBCrudPolicyy");
  }

  @Test
  void expand_parameterWithAlternatives_grantsEachOfThem() {
    Map<String, List<ArgValue>> parameters =
        Map.of(
            "BucketName",
            List.of(ArgValue.literal("uploads-dev"), ArgValue.literal("uploads-prod")));

    IamPolicy policy =
        TEMPLATES.expand("S3WritePolicy", parameters, CONTEXT, WHERE).policy().orElseThrow();

    assertThat(policy.statements().get(0).resources())
        .extracting(r -> r.value())
        .containsExactly(
            "arn:aws:s3:::uploads-dev",
            "arn:aws:s3:::uploads-prod",
            "arn:aws:s3:::uploads-dev/*",
            "arn:aws:s3:::uploads-prod/*");
  }

  @Test
  void expand_unknownParameterValue_isAWildcardInItsPlace_withAFinding() {
    Map<String, List<ArgValue>> parameters =
        Map.of("TableName", List.of(ArgValue.unknown("parameter TableParam has no default")));

    SamPolicyTemplates.Expansion expansion =
        TEMPLATES.expand("DynamoDBReadPolicy", parameters, CONTEXT, WHERE);

    assertThat(expansion.policy().orElseThrow().statements().get(0).resources())
        .extracting(r -> r.value())
        .containsExactly(
            "arn:aws:dynamodb:us-east-1:123456789012:table/*",
            "arn:aws:dynamodb:us-east-1:123456789012:table/*/index/*");
    assertThat(expansion.findings())
        .extracting(Finding::id)
        .containsExactly("DECLARED_VALUE_UNRESOLVED");
    assertThat(expansion.findings().get(0).message())
        .contains("DynamoDBReadPolicy", "TableName", "TableParam");
  }

  @Test
  void expand_generatedNamePattern_isUsedWithoutAFinding() {
    ArgValue generated =
        new ArgValue.TemplateRef(
            "OrdersTable", "", "AWS::DynamoDB::Table", Optional.of("*-OrdersTable-*"));

    SamPolicyTemplates.Expansion expansion =
        TEMPLATES.expand(
            "DynamoDBReconfigurePolicy", Map.of("TableName", List.of(generated)), CONTEXT, WHERE);

    assertThat(expansion.findings()).isEmpty();
    assertThat(expansion.policy().orElseThrow().statements().get(0).resources())
        .extracting(r -> r.value())
        .containsExactly("arn:aws:dynamodb:us-east-1:123456789012:table/*-OrdersTable-*");
  }

  @Test
  void expand_missingParameter_isAWildcard_withAFinding() {
    SamPolicyTemplates.Expansion expansion =
        TEMPLATES.expand("SQSPollerPolicy", Map.of(), CONTEXT, WHERE);

    assertThat(expansion.policy().orElseThrow().statements().get(0).resources())
        .extracting(r -> r.value())
        .containsExactly("arn:aws:sqs:us-east-1:123456789012:*");
    assertThat(expansion.findings())
        .extracting(Finding::id)
        .containsExactly("DECLARED_VALUE_UNRESOLVED");
    assertThat(expansion.findings().get(0).message()).contains("QueueName", "missing");
  }

  @Test
  void expand_unknownRegionAndAccount_andAnotherPartition() {
    ArnContext china = new ArnContext("aws-cn", Optional.empty(), Optional.empty(), Map.of());

    IamPolicy policy =
        TEMPLATES
            .expand("SNSPublishMessagePolicy", parameters("TopicName=alerts"), china, WHERE)
            .policy()
            .orElseThrow();

    assertThat(policy.statements().get(0).resources())
        .extracting(r -> r.value())
        .containsExactly("arn:aws-cn:sns:*:*:alerts");
  }

  /** One Allow statement: space-separated actions and resources. */
  private static String statement(String actions, String resources) {
    return "{\"Effect\":\"Allow\",\"Action\":"
        + json(actions)
        + ",\"Resource\":"
        + json(resources)
        + "}";
  }

  private static String json(String words) {
    return "["
        + String.join(",", Stream.of(words.split(" ")).map(w -> "\"" + w + "\"").toList())
        + "]";
  }

  /** {@code Name=value;Other=value} as literal parameter values. */
  private static Map<String, List<ArgValue>> parameters(String spec) {
    Map<String, List<ArgValue>> out = new LinkedHashMap<>();
    for (String pair : spec.split(";", -1)) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        out.put(pair.substring(0, eq), List.of(ArgValue.literal(pair.substring(eq + 1))));
      }
    }
    return out;
  }
}
