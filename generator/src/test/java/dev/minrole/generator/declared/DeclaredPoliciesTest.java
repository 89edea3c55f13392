package dev.minrole.generator.declared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.template.TemplateFunction;
import dev.minrole.analyzer.template.TemplateProject;
import dev.minrole.analyzer.template.TemplateResolver;
import dev.minrole.generator.render.PolicyJson;
import dev.minrole.generator.synth.ArnContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole SAM template read through {@link TemplateProject}, and what it declares for each
 * function.
 */
class DeclaredPoliciesTest {
  private static final String TEMPLATE =
"""
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Parameters:
  Stage:
    Type: String
  ConfigName:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
Globals:
  Function:
    Tracing: Active
Resources:
  OrdersTable:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: orders
  JobsQueue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: jobs
  Uploads:
    Type: AWS::S3::Bucket
  OrdersFn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: example.Orders::handleRequest
      VpcConfig:
        SubnetIds: [subnet-1]
        SecurityGroupIds: [sg-1]
      Events:
        Jobs:
          Type: SQS
          Properties:
            Queue: !GetAtt JobsQueue.Arn
      Policies:
        - DynamoDBCrudPolicy:
            TableName: !Ref OrdersTable
        - SQSSendMessagePolicy:
            QueueName: !GetAtt JobsQueue.QueueName
        - DynamoDBCrudPolicyy:
            TableName: !Ref OrdersTable
        - AmazonS3ReadOnlyAccess
        - arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess
        - arn:aws:iam::123456789012:policy/orders-extra
        - Statement:
            - Effect: Allow
              Action: s3:PutObject
              Resource: !Sub "${Uploads.Arn}/incoming/*"
            - Effect: Allow
              Action: [sns:Publish]
              Resource: !If
                - IsProd
                - !Sub "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:prod-alerts"
                - !Sub "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:dev-alerts"
            - !If
              - IsProd
              - Effect: Allow
                Action: kms:Decrypt
                Resource: !Sub "arn:aws:kms:${AWS::Region}:${AWS::AccountId}:key/prod-key"
              - !Ref AWS::NoValue
            - Effect: Allow
              Action: ssm:GetParameter
              Resource: !Sub "arn:aws:ssm:${AWS::Region}:${AWS::AccountId}:parameter/${ConfigName}"
  SharedPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: sqs:ReceiveMessage
            Resource: !GetAtt JobsQueue.Arn
  WorkerRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: lambda.amazonaws.com}
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - !Ref SharedPolicy
        - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
      Policies:
        - PolicyName: read-orders
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: dynamodb:GetItem
                Resource: !GetAtt OrdersTable.Arn
  WorkerFn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: example.Worker::handleRequest
      Role: !GetAtt WorkerRole.Arn
      Policies:
        - AmazonS3FullAccess
  ExternalFn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: example.External::handleRequest
      Role: arn:aws:iam::123456789012:role/shared-lambda
  NotifyDlq:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: notify-dlq
  FailTopic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: notify-fails
  NotifyFn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: example.Notify::handleRequest
      DeadLetterQueue: {Type: SQS, TargetArn: !GetAtt NotifyDlq.Arn}
      EventInvokeConfig:
        DestinationConfig:
          OnSuccess: {Destination: arn:aws:sqs:us-east-1:123456789012:notify-done}
          OnFailure: {Type: SNS, Destination: !Ref FailTopic}
  OwnRoleNotifyFn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: example.Notify::handleRequest
      Role: !GetAtt WorkerRole.Arn
      DeadLetterQueue: {Type: SQS, TargetArn: !GetAtt NotifyDlq.Arn}
      EventInvokeConfig:
        DestinationConfig:
          OnFailure: {Type: SNS, Destination: !Ref FailTopic}
""";

  private static final ArnContext CONTEXT =
      new ArnContext("aws", Optional.of("us-east-1"), Optional.of("123456789012"), Map.of());

  @TempDir Path dir;

  @Test
  void serverlessFunction_declaresTemplatesManagedInlineAndWhatSamAttaches() throws IOException {
    DeclaredPolicies.Declared declared = declared("OrdersFn", Map.of());

    assertThat(declared.documents())
        .extracting(
            d ->
                d.kind()
                    + " "
                    + d.name()
                    + (d.document().isPresent() ? "" : " (unknown)")
                    + (d.broadManaged() ? " (broad)" : ""))
        .containsExactly(
            "SAM_POLICY_TEMPLATE DynamoDBCrudPolicy",
            "SAM_POLICY_TEMPLATE SQSSendMessagePolicy",
            "SAM_POLICY_TEMPLATE DynamoDBCrudPolicyy (unknown)",
            "MANAGED AmazonS3ReadOnlyAccess",
            "MANAGED AmazonDynamoDBFullAccess (broad)",
            "MANAGED arn:aws:iam::123456789012:policy/orders-extra (unknown)",
            "INLINE Policies",
            "SAM_IMPLICIT AWSLambdaBasicExecutionRole",
            "SAM_IMPLICIT AWSLambdaVPCAccessExecutionRole",
            "SAM_IMPLICIT AWSXrayWriteOnlyAccess",
            "SAM_IMPLICIT AWSLambdaSQSQueueExecutionRole");
    assertThat(resources(declared, "DynamoDBCrudPolicy"))
        .containsExactly(
            "arn:aws:dynamodb:us-east-1:123456789012:table/orders",
            "arn:aws:dynamodb:us-east-1:123456789012:table/orders/index/*");
    assertThat(resources(declared, "SQSSendMessagePolicy"))
        .containsExactly("arn:aws:sqs:us-east-1:123456789012:jobs");
    assertThat(declared.findings())
        .extracting(f -> f.id() + " " + f.location())
        .containsExactlyInAnyOrder(
            "UNKNOWN_POLICY_TEMPLATE template.yaml:" + lineAfter("- DynamoDBCrudPolicyy:"),
            "DECLARED_POLICY_UNKNOWN template.yaml:"
                + lineOf("- arn:aws:iam::123456789012:policy/orders-extra"),
            "DECLARED_VALUE_UNRESOLVED template.yaml:" + lineOf("parameter/${ConfigName}"));
  }

  @Test
  void inlineDocument_unknownCondition_declaresBothBranches_andUnresolvedPartsAreWildcards()
      throws IOException {
    DeclaredPolicies.Declared declared = declared("OrdersFn", Map.of());

    String inline = PolicyJson.write(document(declared, "Policies"));

    assertThat(inline)
        .contains(
            "\"arn:aws:s3:::*-uploads-*/incoming/*\"",
            "\"arn:aws:sns:us-east-1:123456789012:dev-alerts\"",
            "\"arn:aws:sns:us-east-1:123456789012:prod-alerts\"",
            "\"kms:Decrypt\"",
            "\"arn:aws:ssm:us-east-1:123456789012:parameter/*\"");
    Finding unresolved =
        declared.findings().stream()
            .filter(f -> f.id().equals("DECLARED_VALUE_UNRESOLVED"))
            .findFirst()
            .orElseThrow();
    assertThat(unresolved.message()).contains("Policies", "ConfigName");
  }

  @Test
  void inlineDocument_knownCondition_takesItsBranch_andDropsNoValue() throws IOException {
    DeclaredPolicies.Declared declared =
        declared("OrdersFn", Map.of("Stage", "dev", "ConfigName", "orders/config"));

    String inline = PolicyJson.write(document(declared, "Policies"));

    assertThat(inline)
        .contains("dev-alerts", "parameter/orders/config")
        .doesNotContain("prod-alerts", "kms:Decrypt");
    assertThat(declared.findings())
        .extracting(Finding::id)
        .doesNotContain("DECLARED_VALUE_UNRESOLVED");
  }

  @Test
  void roleResource_declaresItsPolicies_notTheIgnoredSamPolicies_andNothingImplicit()
      throws IOException {
    DeclaredPolicies.Declared declared = declared("WorkerFn", Map.of());

    assertThat(declared.documents())
        .extracting(d -> d.kind() + " " + d.name())
        .containsExactly(
            "INLINE read-orders", "MANAGED SharedPolicy", "MANAGED AWSLambdaBasicExecutionRole");
    assertThat(resources(declared, "read-orders"))
        .containsExactly("arn:aws:dynamodb:us-east-1:123456789012:table/orders");
    assertThat(resources(declared, "SharedPolicy"))
        .containsExactly("arn:aws:sqs:us-east-1:123456789012:jobs");
    assertThat(declared.findings()).isEmpty();
  }

  @Test
  void generatedRole_withDeadLetterQueueAndTypedDestination_declaresThePoliciesSamAdds()
      throws IOException {
    DeclaredPolicies.Declared declared = declared("NotifyFn", Map.of());

    assertThat(declared.documents())
        .extracting(d -> d.kind() + " " + d.name())
        .containsExactly(
            "SAM_IMPLICIT AWSLambdaBasicExecutionRole",
            "SAM_IMPLICIT AWSXrayWriteOnlyAccess",
            "SAM_GENERATED DeadLetterQueue",
            "SAM_GENERATED EventInvokeConfig.DestinationConfig.OnFailure");
    assertThat(PolicyJson.write(document(declared, "DeadLetterQueue")))
        .contains("\"sqs:SendMessage\"", "\"arn:aws:sqs:us-east-1:123456789012:notify-dlq\"");
    assertThat(
            PolicyJson.write(document(declared, "EventInvokeConfig.DestinationConfig.OnFailure")))
        .contains("\"sns:Publish\"", "\"arn:aws:sns:us-east-1:123456789012:notify-fails\"");
    assertThat(
            declared.documents().stream()
                .filter(d -> d.name().startsWith("DeadLetterQueue"))
                .findFirst()
                .orElseThrow()
                .location()
                .line())
        .isEqualTo(lineOf("DeadLetterQueue: {Type: SQS, TargetArn: !GetAtt NotifyDlq.Arn}"));
    assertThat(declared.findings()).isEmpty();
  }

  @Test
  void ownRole_withDeadLetterQueueAndDestinations_getsNothingFromSam() throws IOException {
    DeclaredPolicies.Declared declared = declared("OwnRoleNotifyFn", Map.of());

    assertThat(declared.documents())
        .extracting(d -> d.kind() + " " + d.name())
        .containsExactly(
            "INLINE read-orders", "MANAGED SharedPolicy", "MANAGED AWSLambdaBasicExecutionRole");
  }

  @Test
  void externalRole_isAFinding() throws IOException {
    DeclaredPolicies.Declared declared = declared("ExternalFn", Map.of());

    assertThat(declared.documents()).isEmpty();
    assertThat(declared.findings())
        .extracting(Finding::id)
        .containsExactly("DECLARED_POLICY_UNKNOWN");
    assertThat(declared.findings().get(0).message())
        .contains("arn:aws:iam::123456789012:role/shared-lambda");
  }

  @Test
  void managedPolicyDocuments_areTheReferenceDocuments() throws IOException {
    DeclaredPolicies.Declared declared = declared("OrdersFn", Map.of());

    assertThat(PolicyJson.write(document(declared, "AWSLambdaBasicExecutionRole")))
        .isEqualTo(
            PolicyJson.write(
                ManagedPolicies.bundled()
                    .byName("AWSLambdaBasicExecutionRole")
                    .orElseThrow()
                    .document("aws")));
    assertThat(PolicyJson.write(document(declared, "AmazonS3ReadOnlyAccess")))
        .contains("\"s3:Get*\"", "\"s3:List*\"");
  }

  private DeclaredPolicies.Declared declared(String function, Map<String, String> parameters)
      throws IOException {
    Path file = dir.resolve("template.yaml");
    Files.writeString(file, TEMPLATE);
    TemplateProject project =
        TemplateProject.load(
            file,
            "template.yaml",
            new TemplateResolver.Options(
                parameters,
                Optional.empty(),
                Optional.of("us-east-1"),
                Optional.of("123456789012"),
                "aws"));
    TemplateFunction fn =
        project.functions().stream()
            .filter(f -> f.logicalId().equals(function))
            .findFirst()
            .orElseThrow();
    return DeclaredPolicies.of(fn, project.resolver().orElseThrow(), CONTEXT);
  }

  private static software.amazon.awssdk.policybuilder.iam.IamPolicy document(
      DeclaredPolicies.Declared declared, String name) {
    return declared.documents().stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .orElseThrow()
        .document()
        .orElseThrow();
  }

  private static List<String> resources(DeclaredPolicies.Declared declared, String name) {
    return document(declared, name).statements().stream()
        .flatMap(s -> s.resources().stream())
        .map(r -> r.value())
        .toList();
  }

  private static int lineOf(String text) {
    List<String> lines = TEMPLATE.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text);
  }

  private static int lineAfter(String text) {
    return lineOf(text) + 1;
  }
}
