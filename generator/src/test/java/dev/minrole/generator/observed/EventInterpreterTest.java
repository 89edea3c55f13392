package dev.minrole.generator.observed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.cloudtrail.Observation;
import dev.minrole.analyzer.cloudtrail.ObservationKey;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.generator.mapping.EventMapper;
import dev.minrole.generator.mapping.OperationMapper;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Event-to-action edge cases: event names that are not action names, and where resources come from.
 */
class EventInterpreterTest {
  private static final String ROLE = "arn:aws:iam::111122223333:role/fn";
  private static final EventInterpreter INTERPRETER =
      new EventInterpreter(
          EventMapper.bundled(), OperationMapper.bundled(), ObservedData.bundled());

  static Observation observation(
      String source,
      String name,
      String resources,
      String parameters,
      String errorCode,
      String deniedAction) {
    Map<String, String> params = new TreeMap<>();
    if (!parameters.isEmpty()) {
      for (String pair : parameters.split(";", -1)) {
        params.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    List<String> arns =
        resources.isEmpty() ? List.of() : Arrays.stream(resources.split(";")).sorted().toList();
    ObservationKey key =
        new ObservationKey(
            ROLE,
            "111122223333",
            "us-east-1",
            source,
            name,
            arns,
            new TreeMap<>(params),
            errorCode,
            deniedAction,
            "");
    return new Observation(
        key, 3, Instant.parse("2024-05-01T10:00:00Z"), Instant.parse("2024-05-02T10:00:00Z"));
  }

  @ParameterizedTest(name = "{0} {1} -> {4} {5}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the action differs from the event name
        "s3.amazonaws.com     | HeadObject                  |"
            + " arn:aws:s3:::media/a.jpg;arn:aws:s3:::media | ''                          |"
            + " s3:GetObject             | arn:aws:s3:::media/a.jpg",
        "s3.amazonaws.com     | ListObjects                 | arn:aws:s3:::media                   "
            + "       | ''                          | s3:ListBucket            |"
            + " arn:aws:s3:::media",
        "lambda.amazonaws.com | Invoke                      |"
            + " arn:aws:lambda:us-east-1:111122223333:function:enrich | ''            |"
            + " lambda:InvokeFunction    | arn:aws:lambda:us-east-1:111122223333:function:enrich",
        "sqs.amazonaws.com    | SendMessageBatch            | ''                                   "
            + "       | queueUrl=https://sqs.us-east-1.amazonaws.com/111122223333/jobs |"
            + " sqs:SendMessage | arn:aws:sqs:us-east-1:111122223333:jobs",
        // API versions appended to the event name
        "lambda.amazonaws.com | UpdateFunctionCode20150331v2 | ''                                  "
            + "       | functionName=enrich         | lambda:UpdateFunctionCode |"
            + " arn:aws:lambda:us-east-1:111122223333:function:enrich",
        // an object event lists the object and its bucket: the object action takes the object only
        "s3.amazonaws.com     | GetObject                   |"
            + " arn:aws:s3:::media/in/a.jpg;arn:aws:s3:::media | ''                       |"
            + " s3:GetObject             | arn:aws:s3:::media/in/a.jpg",
        // no resources[]: the ARN comes from the request parameters and the event's region and
        // account
        "dynamodb.amazonaws.com | DescribeTable             | ''                                   "
            + "       | tableName=orders            | dynamodb:DescribeTable   |"
            + " arn:aws:dynamodb:us-east-1:111122223333:table/orders",
        "s3.amazonaws.com     | PutObject                   | ''                                   "
            + "       | bucketName=media;key=out/b.png | s3:PutObject          |"
            + " arn:aws:s3:::media/out/b.png",
        "secretsmanager.amazonaws.com | GetSecretValue      | ''                                   "
            + "       | secretId=prod/db            | secretsmanager:GetSecretValue |"
            + " arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-??????",
        "sns.amazonaws.com    | Publish                     | ''                                   "
            + "       | topicArn=arn:aws:sns:us-east-1:111122223333:done | sns:Publish |"
            + " arn:aws:sns:us-east-1:111122223333:done",
        // the record names the table, the parameters the index the Query read
        "dynamodb.amazonaws.com | Query                     |"
            + " arn:aws:dynamodb:us-east-1:111122223333:table/orders |"
            + " tableName=orders;indexName=by-owner | dynamodb:Query |"
            + " arn:aws:dynamodb:us-east-1:111122223333:table/orders/index/by-owner",
        "dynamodb.amazonaws.com | Query                     |"
            + " arn:aws:dynamodb:us-east-1:111122223333:table/orders | tableName=orders |"
            + " dynamodb:Query | arn:aws:dynamodb:us-east-1:111122223333:table/orders",
        // an action without resource-level permissions is on *
        "sqs.amazonaws.com    | ListQueues                  | ''                                   "
            + "       | ''                          | sqs:ListQueues           | *",
      })
  void interpret_mapsEventsToActionsAndResources(
      String source,
      String name,
      String resources,
      String parameters,
      String action,
      String resource) {
    EventInterpreter.Interpreted result =
        INTERPRETER.interpret(observation(source, name, resources, parameters, "", ""), "aws");

    assertThat(result.allowed())
        .extracting(ObservedCall::action, ObservedCall::resource)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(action, resource));
    assertThat(result.denied()).isEmpty();
    assertThat(result.findings()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"NoSuchKey", "ThrottlingException", "ConditionalCheckFailedException"})
  void interpret_whenErrorCameAfterAuthorization_countsTheCallAsAllowed(String errorCode) {
    var result =
        INTERPRETER.interpret(
            observation("s3.amazonaws.com", "GetObject", "arn:aws:s3:::m/k", "", errorCode, ""),
            "aws");

    assertThat(result.allowed()).extracting(ObservedCall::action).containsExactly("s3:GetObject");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "AccessDeniedException        | dynamodb:PutItem      | dynamodb:PutItem",
        "AccessDenied                 | ''                    | s3:PutObject",
        "Client.UnauthorizedOperation | ec2:DescribeInstances | ec2:DescribeInstances",
      })
  void interpret_whenDenied_neverAllowsAndNamesTheAction(
      String errorCode, String fromMessage, String expected) {
    String source =
        expected.startsWith("s3")
            ? "s3.amazonaws.com"
            : expected.startsWith("ec2") ? "ec2.amazonaws.com" : "dynamodb.amazonaws.com";
    String name = expected.substring(expected.indexOf(':') + 1);
    var result =
        INTERPRETER.interpret(
            observation(source, name, "", "bucketName=m;key=k", errorCode, fromMessage), "aws");

    assertThat(result.allowed()).isEmpty();
    assertThat(result.denied()).extracting(ObservedCall::action).containsExactly(expected);
  }

  @ParameterizedTest
  @CsvSource({"sts.amazonaws.com, GetCallerIdentity"})
  void interpret_whenPermissionless_givesNothing(String source, String name) {
    var result = INTERPRETER.interpret(observation(source, name, "", "", "", ""), "aws");

    assertThat(result.allowed()).isEmpty();
    assertThat(result.findings()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"s3.amazonaws.com, NotAnOperation", "example.amazonaws.com, DoThing"})
  void interpret_whenUnmappable_reportsItAndGrantsNothing(String source, String name) {
    var result = INTERPRETER.interpret(observation(source, name, "", "", "", ""), "aws");

    assertThat(result.allowed()).isEmpty();
    assertThat(result.findings()).extracting(Finding::id).containsExactly("UNMAPPED_OPERATION");
  }
}
