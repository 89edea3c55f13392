package dev.minrole.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.java.FunctionAnalysis;
import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.SdkCall;
import dev.minrole.analyzer.model.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpectationsTest {
  private static final String HANDLER = "com.acme.a.H::handleRequest";
  private Expectations expectations;

  @BeforeEach
  void read(@TempDir Path dir) throws IOException {
    Path tsv = dir.resolve("expected.tsv");
    Files.writeString(tsv, HANDLER + "\tapps/a/src\tdynamodb.GetItem s3.PutObject\n");
    expectations = Expectations.read(tsv);
  }

  @Test
  void check_whenOperationsAndResourcesMatch_findsNothing() {
    assertThat(expectations.check(analysis(get("apps/a/src/X.java"), put("libs/common/Y.java"))))
        .isEmpty();
  }

  @Test
  void check_reportsMissingAndUnexpectedOperations() {
    SdkCall delete =
        call("s3", "DeleteObject", "Bucket", ArgValue.literal("b"), "apps/a/src/X.java");
    assertThat(expectations.check(analysis(get("apps/a/src/X.java"), delete)))
        .containsExactly("missing s3.PutObject", "unexpected s3.DeleteObject");
  }

  @Test
  void check_reportsACallFoundInAnotherApp() {
    assertThat(expectations.check(analysis(get("apps/b/src/X.java"), put("apps/a/src/Y.java"))))
        .singleElement()
        .asString()
        .startsWith("call from another app: dynamodb.GetItem at apps/b/src/X.java");
  }

  @Test
  void check_reportsAResourceThatIsNotKnownAtAll() {
    SdkCall unknownTable =
        call("dynamodb", "GetItem", "TableName", ArgValue.unknown("field"), "apps/a/src/X.java");
    assertThat(expectations.check(analysis(unknownTable, put("apps/a/src/Y.java"))))
        .singleElement()
        .asString()
        .startsWith("resource unknown: dynamodb.GetItem");
  }

  @Test
  void check_acceptsAListMemberWithoutIndex() throws IOException {
    SdkCall events =
        call(
            "events",
            "PutEvents",
            "Entries.EventBusName",
            ArgValue.literal("bus"),
            "apps/a/src/X.java");
    assertThat(
            expectations.check(
                analysis(get("apps/a/src/X.java"), put("apps/a/src/X.java"), events)))
        .containsExactly("unexpected events.PutEvents");
  }

  private static FunctionAnalysis analysis(SdkCall... calls) {
    return new FunctionAnalysis(HANDLER, List.of(calls), List.of());
  }

  private static SdkCall get(String file) {
    return call("dynamodb", "GetItem", "TableName", ArgValue.literal("t"), file);
  }

  private static SdkCall put(String file) {
    return call("s3", "PutObject", "Bucket", ArgValue.literal("b"), file);
  }

  private static SdkCall call(
      String service, String operation, String member, ArgValue value, String file) {
    return new SdkCall(service, operation, Map.of(member, value), at(file), "");
  }

  private static SourceLocation at(String file) {
    return SourceLocation.of(file, 3);
  }
}
