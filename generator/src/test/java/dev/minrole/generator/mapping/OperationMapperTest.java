package dev.minrole.generator.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.SdkCall;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.generator.synth.PolicySynthesizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mapping mechanisms the data relies on, beyond single known mappings. */
class OperationMapperTest {

  @Test
  void map_whenTransactionItemsAreUnknown_assumesEveryKindOnAnUnknownTableAndReportsIt() {
    SdkCall call =
        new SdkCall(
            "dynamodb",
            "TransactWriteItems",
            Map.of("TransactItems", ArgValue.unknown("built in a loop")),
            SourceLocation.of("App.java", 3),
            "DynamoDbClient.transactWriteItems");

    PolicySynthesizer.Needs needs =
        new PolicySynthesizer(OperationMapper.bundled(), MappingFixture.CONTEXT)
            .needs(List.of(call));

    assertThat(needs.permissions())
        .extracting(p -> p.action() + " " + p.resource())
        .containsExactlyInAnyOrder(
            "dynamodb:PutItem arn:aws:dynamodb:eu-west-1:111122223333:table/*",
            "dynamodb:UpdateItem arn:aws:dynamodb:eu-west-1:111122223333:table/*",
            "dynamodb:DeleteItem arn:aws:dynamodb:eu-west-1:111122223333:table/*",
            "dynamodb:ConditionCheckItem arn:aws:dynamodb:eu-west-1:111122223333:table/*");
    assertThat(needs.findings())
        .extracting(f -> f.id())
        .containsOnly("UNRESOLVED_RESOURCE")
        .hasSize(4);
    assertThat(needs.findings().get(0).message()).contains("built in a loop");
  }

  @Test
  void map_whenOnlyOptionalResourceTypesAndTheCallLeavesTheirMembersUnset_reportsThem() {
    // s3:AbortMultipartUpload has two optional types (object, accesspointobject); a request
    // without Bucket must not silently become "*".
    SdkCall call =
        new SdkCall(
            "s3",
            "AbortMultipartUpload",
            Map.of(),
            SourceLocation.of("App.java", 7),
            "S3Client.abortMultipartUpload");

    PolicySynthesizer.Needs needs =
        new PolicySynthesizer(OperationMapper.bundled(), MappingFixture.CONTEXT)
            .needs(List.of(call));

    assertThat(needs.permissions())
        .extracting(p -> p.action() + " " + p.resource())
        .containsExactly("s3:AbortMultipartUpload arn:aws:s3:::*/*");
    assertThat(needs.findings()).extracting(f -> f.id()).contains("UNRESOLVED_RESOURCE");
  }

  @Test
  void map_whenOnlyOptionalResourceTypesThatNoMemberNames_grantsStar() {
    List<String> got =
        MappingFixture.permissions(
            MappingFixture.call("monitoring", "PutMetricData", "Namespace=orders"));

    assertThat(got).containsExactly("cloudwatch:PutMetricData *");
  }

  @Test
  void
      map_callOnAClientBuiltForAnotherRegion_isInThatRegion_andAnUnreadableOneIsStarWithAFinding() {
    SdkCall get = MappingFixture.call("dynamodb", "GetItem", "TableName=sessions");
    assertThat(
            MappingFixture.permissions(
                get.withRegion(java.util.Optional.of(ArgValue.literal("us-east-1")))))
        .containsExactly("dynamodb:GetItem arn:aws:dynamodb:us-east-1:111122223333:table/sessions");
    assertThat(MappingFixture.permissions(get))
        .containsExactly("dynamodb:GetItem arn:aws:dynamodb:eu-west-1:111122223333:table/sessions");

    PolicySynthesizer synthesizer =
        new PolicySynthesizer(OperationMapper.bundled(), MappingFixture.CONTEXT);
    var needs =
        synthesizer.needs(
            List.of(
                get.withRegion(java.util.Optional.of(ArgValue.unknown("the client's region")))));
    assertThat(needs.permissions())
        .extracting(p -> p.resource())
        .containsExactly("arn:aws:dynamodb:*:111122223333:table/sessions");
    assertThat(needs.findings())
        .extracting(f -> f.id() + " " + f.message())
        .anyMatch(m -> m.startsWith("UNRESOLVED_RESOURCE") && m.contains("the client's region"));
  }

  @Test
  void map_snsPublishToAPhoneNumberOrEndpoint_isOnStar_andToATopicOnTheTopic() {
    // https://docs.aws.amazon.com/step-functions/latest/dg/sns-iam.html: publishing to a
    // PhoneNumber or TargetArn needs "Resource": "*"; a topic ARN pattern never matches them.
    assertThat(
            MappingFixture.permissions(
                MappingFixture.call("sns", "Publish", "PhoneNumber=+15555550100 & Message=hi")))
        .containsExactly("sns:Publish *");
    assertThat(
            MappingFixture.permissions(
                MappingFixture.call("sns", "Publish", "PhoneNumber=? & Message=hi")))
        .containsExactly("sns:Publish *");
    assertThat(
            MappingFixture.permissions(
                MappingFixture.call(
                    "sns",
                    "Publish",
                    "TargetArn=arn:aws:sns:eu-west-1:111122223333:endpoint/GCM/app/1")))
        .containsExactly("sns:Publish *");
    assertThat(
            MappingFixture.permissions(
                MappingFixture.call(
                    "sns", "Publish", "TopicArn=arn:aws:sns:eu-west-1:111122223333:alerts")))
        .containsExactly("sns:Publish arn:aws:sns:eu-west-1:111122223333:alerts");
  }

  @Test
  void map_whenOneTransactionItemIsOpaque_keepsTheKnownItemsAndAssumesEveryKindForIt() {
    List<String> got =
        MappingFixture.permissions(
            MappingFixture.call(
                "dynamodb",
                "TransactWriteItems",
                "TransactItems[0].Put.TableName=orders & TransactItems[1]=?"));

    assertThat(got)
        .containsExactly(
            "dynamodb:ConditionCheckItem arn:aws:dynamodb:eu-west-1:111122223333:table/*",
            "dynamodb:DeleteItem arn:aws:dynamodb:eu-west-1:111122223333:table/*",
            "dynamodb:PutItem arn:aws:dynamodb:eu-west-1:111122223333:table/*",
            "dynamodb:PutItem arn:aws:dynamodb:eu-west-1:111122223333:table/orders",
            "dynamodb:UpdateItem arn:aws:dynamodb:eu-west-1:111122223333:table/*");
  }

  @Test
  void map_whenEventEntriesAreUnknown_doesNotAssumeTheDefaultBus() {
    List<String> got =
        MappingFixture.permissions(MappingFixture.call("events", "PutEvents", "Entries=?"));

    assertThat(got)
        .containsExactly("events:PutEvents arn:aws:events:eu-west-1:111122223333:event-bus/*");
  }

  @Test
  void map_whenPartiqlVerbIsUnknown_assumesAllFourActions() {
    List<String> got =
        MappingFixture.permissions(
            MappingFixture.call("dynamodb", "ExecuteStatement", "Statement=?"));

    assertThat(got)
        .extracting(l -> l.substring(0, l.indexOf(' ')))
        .containsExactly(
            "dynamodb:PartiQLDelete",
            "dynamodb:PartiQLInsert",
            "dynamodb:PartiQLSelect",
            "dynamodb:PartiQLUpdate");
  }

  @Test
  void map_whenPartiqlStatementIsPartlyKnown_usesItsVerbAndKnownTable() {
    List<String> got =
        MappingFixture.permissions(
            MappingFixture.call(
                "dynamodb", "ExecuteStatement", "Statement=SELECT * FROM \"orders\" WHERE pk=*"));

    assertThat(got)
        .containsExactly(
            "dynamodb:PartiQLSelect arn:aws:dynamodb:eu-west-1:111122223333:table/orders");
  }

  @Test
  void map_whenServerSideEncryptionIsTheSdkConstantWithoutKey_grantsDataKeyOnUnknownKeyThroughS3() {
    SdkCall call =
        MappingFixture.call(
            "s3", "PutObject", "Bucket=media & Key=a & ServerSideEncryption=AWS_KMS");

    PolicySynthesizer.Needs needs =
        new PolicySynthesizer(OperationMapper.bundled(), MappingFixture.CONTEXT)
            .needs(List.of(call));

    assertThat(MappingFixture.permissions(call))
        .containsExactly(
            "kms:GenerateDataKey arn:aws:kms:eu-west-1:111122223333:key/*"
                + " [StringLike:kms:ViaService=[s3.eu-west-1.amazonaws.com]]",
            "s3:PutObject arn:aws:s3:::media/a");
    assertThat(needs.findings())
        .extracting(f -> f.message())
        .anyMatch(m -> m.contains("SSEKMSKeyId"));
  }

  @Test
  void map_whenOperationIsClassifiedUnmapped_givesItsReasonAndNoAction() {
    MappedCall mapped =
        OperationMapper.bundled().map(MappingFixture.call("logs", "GetLogObject", ""));

    assertThat(mapped.actions()).isEmpty();
    assertThat(mapped.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.id()).isEqualTo("UNMAPPED_OPERATION");
              assertThat(f.message()).contains("lists no action for GetLogObject");
            });
  }

  @Test
  void coverage_classifiesDefaultOverridePermissionlessUnmappedAndUnknown() {
    OperationMapper mapper = OperationMapper.bundled();

    assertThat(mapper.coverage("sqs", "SendMessage")).isEqualTo(OperationMapper.Coverage.DEFAULT);
    assertThat(mapper.coverage("sqs", "SendMessageBatch"))
        .isEqualTo(OperationMapper.Coverage.OVERRIDE);
    assertThat(mapper.coverage("sts", "GetCallerIdentity"))
        .isEqualTo(OperationMapper.Coverage.PERMISSIONLESS);
    assertThat(mapper.coverage("logs", "GetLogObject"))
        .isEqualTo(OperationMapper.Coverage.UNMAPPED);
    assertThat(mapper.coverage("monitoring", "PutMetricData"))
        .isEqualTo(OperationMapper.Coverage.DEFAULT);
    assertThat(mapper.coverage("sqs", "NoSuchOperation"))
        .isEqualTo(OperationMapper.Coverage.UNCLASSIFIED);
  }
}
