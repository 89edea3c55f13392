package dev.minrole.generator.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.SdkCall;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.analyzer.sdk.SdkInventory;
import dev.minrole.analyzer.sdk.SdkMember;
import dev.minrole.analyzer.sdk.SdkOperation;
import dev.minrole.analyzer.sdk.SdkService;
import dev.minrole.generator.catalog.IamCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * minrole never invents an action: whatever an SDK call sets, everything the mapper emits is in the
 * IAM catalog, and the operation names peers wrongly emit as actions never come out.
 */
class NeverEmittedTest {
  /** Operation names that are not IAM actions, although tools emit them as if they were. */
  private static final List<String> NOT_ACTIONS =
      List.of(
          "sqs:SendMessageBatch",
          "sqs:DeleteMessageBatch",
          "sqs:ChangeMessageVisibilityBatch",
          "sns:PublishBatch",
          "s3:HeadObject",
          "s3:HeadBucket",
          "s3:ListObjectsV2",
          "s3:ListObjects",
          "s3:CopyObject",
          "s3:DeleteObjects",
          "s3:CreateMultipartUpload",
          "s3:UploadPart",
          "s3:CompleteMultipartUpload",
          "s3:ListBuckets",
          "s3:ListParts",
          "lambda:Invoke",
          "lambda:InvokeWithResponseStream",
          "dynamodb:TransactWriteItems",
          "dynamodb:TransactGetItems",
          "dynamodb:ExecuteStatement",
          "dynamodb:BatchExecuteStatement",
          "kms:ReEncrypt",
          "bedrock:Converse",
          "bedrock:ConverseStream",
          "execute-api:PostToConnection");

  private static final IamCatalog CATALOG = IamCatalog.bundled();
  private static final OperationMapper MAPPER = OperationMapper.bundled();
  private static List<SdkCall> calls;

  /** Two calls per operation of every SDK client: one setting nothing, one setting every member. */
  @BeforeAll
  static void everyOperation() {
    calls = new ArrayList<>();
    for (SdkService service : SdkInventory.bundled().services()) {
      for (SdkOperation op : service.operations()) {
        calls.add(call(service, op, Map.of()));
        Map<String, ArgValue> all = new LinkedHashMap<>();
        for (SdkMember m : op.members()) {
          all.put(m.name(), ArgValue.literal("x"));
        }
        calls.add(call(service, op, all));
      }
    }
  }

  private static SdkCall call(SdkService service, SdkOperation op, Map<String, ArgValue> args) {
    return new SdkCall(
        service.serviceName(),
        op.name(),
        args,
        SourceLocation.NONE,
        service.syncClient() + "." + op.method());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sqs:SendMessageBatch",
        "s3:HeadObject",
        "lambda:Invoke",
        "dynamodb:TransactWriteItems"
      })
  void catalog_whenOperationNameIsNoAction_doesNotHaveIt(String name) {
    assertThat(CATALOG.exists(name)).isFalse();
  }

  @Test
  void map_overEveryOperation_emitsOnlyCatalogActionsAndNoneOfTheNonActions() {
    Set<String> emitted = new TreeSet<>();
    List<String> bugs = new ArrayList<>();
    for (SdkCall call : calls) {
      MappedCall mapped = MAPPER.map(call);
      mapped.actions().forEach(a -> emitted.add(a.action()));
      mapped.findings().stream()
          .filter(f -> f.message().contains("this is a bug in minrole's mapping data"))
          .forEach(f -> bugs.add(f.message()));
    }

    assertThat(calls).hasSizeGreaterThan(30_000);
    assertThat(bugs).isEmpty();
    assertThat(emitted).allMatch(CATALOG::exists, "is an action in the IAM catalog");
    assertThat(emitted).doesNotContainAnyElementsOf(NOT_ACTIONS);
  }

  @Test
  void notActions_areNotInTheCatalog() {
    assertThat(NOT_ACTIONS).noneMatch(CATALOG::exists);
  }
}
