package dev.minrole.generator.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CloudTrail events map through the same knowledge as SDK calls. */
class EventMapperTest {
  private static final EventMapper EVENTS = EventMapper.bundled();

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "s3.amazonaws.com | ListObjects | s3:ListBucket",
        "s3.amazonaws.com | ListObjectsV2 | s3:ListBucket",
        "s3.amazonaws.com | GetObject | s3:GetObject",
        "s3.amazonaws.com | HeadObject | s3:GetObject",
        "s3.amazonaws.com | PutObject | s3:PutObject",
        "s3.amazonaws.com | GetBucketLifecycle | s3:GetLifecycleConfiguration",
        "lambda.amazonaws.com | Invoke | lambda:InvokeFunction",
        "lambda.amazonaws.com | UpdateFunctionCode20150331v2 | lambda:UpdateFunctionCode",
        "lambda.amazonaws.com | GetFunction20150331v2 | lambda:GetFunction",
        "sqs.amazonaws.com | SendMessageBatch | sqs:SendMessage",
        "sns.amazonaws.com | PublishBatch | sns:Publish",
        "monitoring.amazonaws.com | PutMetricData | cloudwatch:PutMetricData",
        "kms.amazonaws.com | ReEncrypt | kms:ReEncryptFrom kms:ReEncryptTo",
        "dynamodb.amazonaws.com | TransactWriteItems | dynamodb:ConditionCheckItem"
            + " dynamodb:DeleteItem dynamodb:PutItem dynamodb:UpdateItem",
        "dynamodb.amazonaws.com | ExecuteStatement | dynamodb:PartiQLDelete dynamodb:PartiQLInsert"
            + " dynamodb:PartiQLSelect dynamodb:PartiQLUpdate",
        "bedrock.amazonaws.com | Converse | bedrock:InvokeModel",
        "sts.amazonaws.com | GetCallerIdentity | ''",
      })
  void map_whenEvent_givesTheActionsItShowsWereAllowed(
      String source, String name, String expected) {
    MappedEvent event = EVENTS.map(source, name);

    assertThat(String.join(" ", event.actions())).isEqualTo(expected);
    assertThat(event.findings()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"glue.amazonaws.com,GetUnfilteredTableMetadata", "s3.amazonaws.com,NoSuchOperation"})
  void map_whenEventCannotBeMapped_givesAFindingAndNoAction(String source, String name) {
    MappedEvent event = EVENTS.map(source, name);

    assertThat(event.actions()).isEmpty();
    assertThat(event.findings()).extracting(f -> f.id()).containsExactly("UNMAPPED_OPERATION");
  }
}
