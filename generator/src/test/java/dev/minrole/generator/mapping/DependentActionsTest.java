package dev.minrole.generator.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dependent actions: operations that need another action depending on the members they set, as
 * their documentation states (issue 12 §4). Rows as in {@link KnownMappingsTest}: {@code service |
 * operation | members | permissions | source}; ARNs for eu-west-1 and account 111122223333.
 */
class DependentActionsTest {
  private static final String ROLE = "arn:aws:iam::111122223333:role/";
  private static final String PASS =
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html";
  private static final String GLUE = "arn:aws:glue:eu-west-1:111122223333:";

  private static final String TABLE =
      """
      states | CreateStateMachine | name=orders & roleArn=%ROLE%sfn-orders | iam:PassRole %ROLE%sfn-orders [StringEquals:iam:PassedToService=[states.amazonaws.com]]; states:CreateStateMachine arn:aws:states:eu-west-1:111122223333:stateMachine:* | %PASS%
      states | UpdateStateMachine | stateMachineArn=arn:aws:states:eu-west-1:111122223333:stateMachine:orders | states:UpdateStateMachine arn:aws:states:eu-west-1:111122223333:stateMachine:orders | %PASS%
      events | PutTargets | Rule=nightly & Targets[0].Arn=arn:aws:states:eu-west-1:111122223333:stateMachine:orders & Targets[0].RoleArn=%ROLE%events-invoke & Targets[1].Arn=arn:aws:lambda:eu-west-1:111122223333:function:f | events:PutTargets arn:aws:events:eu-west-1:111122223333:rule/nightly; iam:PassRole %ROLE%events-invoke [StringEquals:iam:PassedToService=[events.amazonaws.com]] | %PASS%
      events | PutRule | Name=nightly & RoleArn=%ROLE%events-rule | events:PutRule arn:aws:events:eu-west-1:111122223333:rule/nightly; iam:PassRole %ROLE%events-rule [StringEquals:iam:PassedToService=[events.amazonaws.com]] | %PASS%
      glue | CreateJob | Name=etl & Role=glue-etl | glue:CreateJob arn:aws:glue:eu-west-1:111122223333:job/*; iam:PassRole %ROLE%glue-etl [StringEquals:iam:PassedToService=[glue.amazonaws.com]] | %PASS%
      glue | UpdateJob | JobName=etl & JobUpdate.Role=%ROLE%glue-etl-v2 | glue:UpdateJob arn:aws:glue:eu-west-1:111122223333:job/etl; iam:PassRole %ROLE%glue-etl-v2 [StringEquals:iam:PassedToService=[glue.amazonaws.com]] | %PASS%
      comprehend | StartSentimentDetectionJob | DataAccessRoleArn=%ROLE%comprehend-data | comprehend:StartSentimentDetectionJob arn:aws:comprehend:eu-west-1:111122223333:sentiment-detection-job/*; iam:PassRole %ROLE%comprehend-data [StringEquals:iam:PassedToService=[comprehend.amazonaws.com]] | %PASS%
      rekognition | StartLabelDetection | Video.S3Object.Bucket=media & Video.S3Object.Name=in/a.mp4 & NotificationChannel.SNSTopicArn=arn:aws:sns:eu-west-1:111122223333:done & NotificationChannel.RoleArn=%ROLE%rek-sns | iam:PassRole %ROLE%rek-sns [StringEquals:iam:PassedToService=[rekognition.amazonaws.com]]; rekognition:StartLabelDetection *; s3:GetObject arn:aws:s3:::media/in/a.mp4 | https://docs.aws.amazon.com/rekognition/latest/dg/api-video-roles.html
      textract | StartDocumentAnalysis | DocumentLocation.S3Object.Bucket=docs & DocumentLocation.S3Object.Name=a.pdf & NotificationChannel.RoleArn=%ROLE%textract-sns | iam:PassRole %ROLE%textract-sns [StringEquals:iam:PassedToService=[textract.amazonaws.com]]; s3:GetObject arn:aws:s3:::docs/a.pdf; textract:StartDocumentAnalysis * | https://docs.aws.amazon.com/textract/latest/dg/api-async-roles.html
      bedrock | CreateModelInvocationJob | jobName=batch & roleArn=%ROLE%bedrock-batch | bedrock:CreateModelInvocationJob arn:aws:bedrock:eu-west-1::foundation-model/*; iam:PassRole %ROLE%bedrock-batch [StringEquals:iam:PassedToService=[bedrock.amazonaws.com]] | %PASS%
      bedrock | InvokeModel | modelId=anthropic.claude-3-haiku-20240307-v1:0 & guardrailIdentifier=gr-123 | bedrock:ApplyGuardrail arn:aws:bedrock:eu-west-1:111122223333:guardrail/gr-123; bedrock:InvokeModel arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0 | https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions-use.html
      bedrock | Converse | modelId=anthropic.claude-3-haiku-20240307-v1:0 & guardrailConfig.guardrailIdentifier=arn:aws:bedrock:eu-west-1:111122223333:guardrail/gr-9 | bedrock:ApplyGuardrail arn:aws:bedrock:eu-west-1:111122223333:guardrail/gr-9; bedrock:InvokeModel arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0 | https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions-use.html
      logs | PutSubscriptionFilter | logGroupName=/app/orders & filterName=all & destinationArn=arn:aws:kinesis:eu-west-1:111122223333:stream/logs & roleArn=%ROLE%cwl-kinesis | iam:PassRole %ROLE%cwl-kinesis [StringEquals:iam:PassedToService=[logs.amazonaws.com]]; logs:PutSubscriptionFilter arn:aws:logs:eu-west-1:111122223333:log-group:/app/orders | %PASS%
      monitoring | PutMetricStream | Name=all & RoleArn=%ROLE%metric-stream | cloudwatch:PutMetricStream arn:aws:cloudwatch:eu-west-1:111122223333:metric-stream/*; iam:PassRole %ROLE%metric-stream [StringEquals:iam:PassedToService=[streams.metrics.cloudwatch.amazonaws.com]] | %PASS%
      ssm | SendCommand | DocumentName=AWS-RunShellScript & ServiceRoleArn=%ROLE%ssm-sns | iam:PassRole %ROLE%ssm-sns [StringEquals:iam:PassedToService=[ssm.amazonaws.com]]; ssm:SendCommand arn:aws:ssm:eu-west-1:111122223333:document/* | %PASS%
      ecs | StartTask | taskDefinition=worker:3 & overrides.taskRoleArn=%ROLE%worker-task | ecs:StartTask arn:aws:ecs:eu-west-1:111122223333:task-definition/*:*; iam:PassRole %ROLE%worker-task [StringEquals:iam:PassedToService=[ecs-tasks.amazonaws.com]] | %PASS%
      cognito-identity | SetIdentityPoolRoles | IdentityPoolId=eu-west-1:abc & Roles[0].key=authenticated & Roles[0].value=%ROLE%cognito-auth | cognito-identity:SetIdentityPoolRoles *; iam:PassRole %ROLE%cognito-auth [StringEquals:iam:PassedToService=[cognito-identity.amazonaws.com]] | %PASS%
      sts | AssumeRole | RoleArn=%ROLE%reporting & RoleSessionName=s & Tags[0].Key=team & Tags[0].Value=billing | sts:AssumeRole %ROLE%reporting; sts:TagSession %ROLE%reporting | https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html
      sts | AssumeRole | RoleArn=%ROLE%reporting & RoleSessionName=s & SourceIdentity=alice | sts:AssumeRole %ROLE%reporting; sts:SetSourceIdentity %ROLE%reporting | https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html
      sts | AssumeRole | RoleArn=%ROLE%reporting & RoleSessionName=s | sts:AssumeRole %ROLE%reporting | https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
      secretsmanager | CreateSecret | Name=prod/db & KmsKeyId=arn:aws:kms:eu-west-1:111122223333:key/k1 | kms:Decrypt arn:aws:kms:eu-west-1:111122223333:key/k1 [StringLike:kms:ViaService=[secretsmanager.eu-west-1.amazonaws.com]]; kms:GenerateDataKey arn:aws:kms:eu-west-1:111122223333:key/k1 [StringLike:kms:ViaService=[secretsmanager.eu-west-1.amazonaws.com]]; secretsmanager:CreateSecret arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-?????? | https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html
      secretsmanager | CreateSecret | Name=prod/db | secretsmanager:CreateSecret arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-?????? | https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html
      athena | StartQueryExecution | QueryString=SELECT * FROM sales.orders LIMIT 10 & ResultConfiguration.OutputLocation=s3://acme-athena/results/ | athena:StartQueryExecution arn:aws:athena:eu-west-1:111122223333:workgroup/primary; glue:GetDatabase %GLUE%catalog; glue:GetDatabase %GLUE%database/sales; glue:GetPartitions %GLUE%catalog; glue:GetPartitions %GLUE%database/sales; glue:GetPartitions %GLUE%table/sales/orders; glue:GetTable %GLUE%catalog; glue:GetTable %GLUE%database/sales; glue:GetTable %GLUE%table/sales/orders; s3:AbortMultipartUpload arn:aws:s3:::acme-athena/results/*; s3:GetBucketLocation arn:aws:s3:::acme-athena; s3:GetObject arn:aws:s3:::acme-athena/results/*; s3:ListBucket arn:aws:s3:::acme-athena; s3:ListBucketMultipartUploads arn:aws:s3:::acme-athena; s3:ListMultipartUploadParts arn:aws:s3:::acme-athena/results/*; s3:PutObject arn:aws:s3:::acme-athena/results/* | https://docs.aws.amazon.com/athena/latest/ug/s3-permissions.html
      athena | StartQueryExecution | QueryString=SELECT count(*) FROM orders & QueryExecutionContext.Database=sales & WorkGroup=analytics | athena:StartQueryExecution arn:aws:athena:eu-west-1:111122223333:workgroup/analytics; glue:GetDatabase %GLUE%catalog; glue:GetDatabase %GLUE%database/sales; glue:GetPartitions %GLUE%catalog; glue:GetPartitions %GLUE%database/sales; glue:GetPartitions %GLUE%table/sales/orders; glue:GetTable %GLUE%catalog; glue:GetTable %GLUE%database/sales; glue:GetTable %GLUE%table/sales/orders | https://docs.aws.amazon.com/athena/latest/ug/fine-grained-access-to-glue-resources.html
      athena | StartQueryExecution | QueryString=SELECT 1 FROM events | athena:StartQueryExecution arn:aws:athena:eu-west-1:111122223333:workgroup/primary; glue:GetDatabase %GLUE%catalog; glue:GetDatabase %GLUE%database/default; glue:GetPartitions %GLUE%catalog; glue:GetPartitions %GLUE%database/default; glue:GetPartitions %GLUE%table/default/events; glue:GetTable %GLUE%catalog; glue:GetTable %GLUE%database/default; glue:GetTable %GLUE%table/default/events | https://docs.aws.amazon.com/athena/latest/ug/fine-grained-access-to-glue-resources.html
      """;

  static Stream<Arguments> rules() {
    return TABLE
        .lines()
        .filter(l -> !l.isBlank())
        .map(
            line -> {
              String expanded =
                  line.replace("%ROLE%", ROLE).replace("%PASS%", PASS).replace("%GLUE%", GLUE);
              String[] cells =
                  Arrays.stream(expanded.split("\\|", -1))
                      .map(String::strip)
                      .toArray(String[]::new);
              return Arguments.of(cells[0], cells[1], cells[2], cells[3], cells[4]);
            });
  }

  @ParameterizedTest(name = "{0}:{1} {2}")
  @MethodSource("rules")
  void map_whenMemberNeedsAnotherAction_addsItAsDocumented(
      String service, String operation, String args, String expected, String source) {
    List<String> got = MappingFixture.permissions(MappingFixture.call(service, operation, args));

    assertThat(source).startsWith("https://docs.aws.amazon.com/");
    assertThat(got)
        .as("permissions of %s:%s (%s)", service, operation, source)
        .containsExactlyElementsOf(List.of(expected.split("; ")));
  }
}
