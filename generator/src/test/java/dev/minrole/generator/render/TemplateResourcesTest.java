package dev.minrole.generator.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.template.TemplateProject;
import dev.minrole.generator.synth.ArnContext;
import dev.minrole.generator.synth.TemplateReference;
import dev.minrole.generator.testing.TemplateFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How cfn and sam output write the ARNs of a template's own resources ({@link TemplateArns} read
 * from a template, {@link TemplateResources} writing), and that everything else falls through to
 * pseudo parameters.
 */
class TemplateResourcesTest {
  private static final String TEMPLATE =
"""
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Parameters:
  Stage:
    Type: String
    Default: prod
  LooseName:
    Type: String
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: !Sub "orders-${Stage}"
  Media:
    Type: AWS::S3::Bucket
  Alerts:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: alerts
  Jobs:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: jobs
  Loose:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: !Ref LooseName
  Key:
    Type: AWS::KMS::Key
  TwinA:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: twins
  TwinB:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: twins
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: !Sub "fn-${Stage}"
      Handler: app.Handler::handleRequest
""";

  private static final String AT = "us-east-1:123456789012";

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
"""
arn:aws:dynamodb:us-east-1:123456789012:table/orders-prod                        | !GetAtt Orders.Arn
arn:aws:dynamodb:us-east-1:123456789012:table/orders-prod/index/*                | !Sub ${Orders.Arn}/index/*
arn:aws:dynamodb:us-east-1:123456789012:table/orders-prod-archive                | !Sub arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders-prod-archive
arn:aws:s3:::*-media-*                                                           | !GetAtt Media.Arn
arn:aws:s3:::*-media-*/uploads/*                                                 | !Sub ${Media.Arn}/uploads/*
arn:aws:s3:::*-media-*/home/${aws:username}/*                                    | !Sub ${Media.Arn}/home/${!aws:username}/*
arn:aws:sns:us-east-1:123456789012:alerts                                        | !Ref Alerts
arn:aws:sqs:us-east-1:123456789012:jobs                                          | !GetAtt Jobs.Arn
arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn-prod                | !Sub arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/${Fn}
arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn-prod:log-stream:*   | !Sub arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/${Fn}:log-stream:*
arn:aws:lambda:us-east-1:123456789012:function:fn-prod                           | !GetAtt Fn.Arn
arn:aws:dynamodb:us-east-1:123456789012:table/*                                  | !Sub arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/*
arn:aws:kms:us-east-1:123456789012:key/*                                         | !Sub arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/*
arn:aws:dynamodb:us-east-1:123456789012:table/twins                              | !Sub arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/twins
*                                                                                | *
""")
  void resource_ofTheTemplatesOwnResources_isAReference(String arn, String written)
      throws IOException {
    TemplateValues values =
        new TemplateResources(references(Optional.of("us-east-1"), Optional.of("123456789012")))
            .orElse(new PseudoParameters(context(Optional.of("us-east-1"))));

    assertThat(show(values.resource(arn))).isEqualTo(written);
  }

  @Test
  void arns_withoutRegionOrAccount_stillMatch_andLogGroupsGetTheStacksRegion() throws IOException {
    List<TemplateReference> references = references(Optional.empty(), Optional.empty());
    TemplateValues values = new TemplateResources(references);

    assertThat(show(values.resource("arn:aws:dynamodb:*:*:table/orders-prod")))
        .isEqualTo("!GetAtt Orders.Arn");
    assertThat(show(values.resource("arn:aws:logs:*:*:log-group:/aws/lambda/fn-prod")))
        .isEqualTo(
            "!Sub arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/${Fn}");
    assertThat(show(values.conditionValue("aws:SourceArn", "arn:aws:sqs:*:*:jobs")))
        .isEqualTo("!GetAtt Jobs.Arn");
    assertThat(show(values.conditionValue("s3:prefix", "uploads/"))).isEqualTo("uploads/");
  }

  @Test
  void references_leaveOutNamesKnownOnlyAtDeployment_andNamesTwoResourcesShare()
      throws IOException {
    List<String> expressions =
        references(Optional.of("us-east-1"), Optional.of("123456789012")).stream()
            .map(TemplateReference::expression)
            .toList();

    assertThat(expressions)
        .contains("Orders.Arn", "Media.Arn", "Alerts", "Jobs.Arn", "Fn.Arn", "Fn")
        .noneMatch(e -> e.startsWith("Loose") || e.startsWith("Key") || e.startsWith("Twin"));
  }

  @Test
  void references_areLongestArnFirst_soAnIndexIsNotTakenForItsTable() throws IOException {
    List<TemplateReference> references =
        references(Optional.of("us-east-1"), Optional.of("123456789012"));

    for (int i = 1; i < references.size(); i++) {
      assertThat(references.get(i - 1).arn().length())
          .isGreaterThanOrEqualTo(references.get(i).arn().length());
    }
    assertThat(references)
        .extracting(TemplateReference::arn)
        .contains("arn:aws:dynamodb:" + AT + ":table/orders-prod");
  }

  private List<TemplateReference> references(Optional<String> region, Optional<String> account)
      throws IOException {
    TemplateProject project = TemplateFixture.load(dir, TEMPLATE, region, account);
    return TemplateArns.of(project.resolver().orElseThrow());
  }

  private static ArnContext context(Optional<String> region) {
    return new ArnContext("aws", region, Optional.of("123456789012"), Map.of());
  }

  private static String show(Yaml yaml) {
    return yaml instanceof Yaml.Tagged t ? t.tag() + " " + t.value() : ((Yaml.Text) yaml).value();
  }
}
