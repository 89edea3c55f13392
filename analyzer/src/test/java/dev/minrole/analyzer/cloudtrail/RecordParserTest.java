package dev.minrole.analyzer.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordParserTest {
  private final RecordParser parser = new RecordParser(Set.of("bucketName", "key", "tableName"));
  private final List<TrailEvent> events = new ArrayList<>();
  private final List<String> incomplete = new ArrayList<>();

  private void parse(String json) throws IOException {
    try (var p = RecordParser.FACTORY.createParser(json)) {
      parser.readAll(p, RecordParser.Sink.of(events::add, incomplete::add));
    }
  }

  @Test
  void readAll_whenS3Delivery_keepsIdentityResourcesAndNamedParameters() throws IOException {
    parse(Records.file(List.of(Records.getObject("2024-05-01T10:00:00Z", "media", "in/a.jpg"))));

    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.eventTime()).isEqualTo("2024-05-01T10:00:00Z");
              assertThat(e.eventSource()).isEqualTo("s3.amazonaws.com");
              assertThat(e.eventName()).isEqualTo("GetObject");
              assertThat(e.issuerArn()).isEqualTo(Records.ROLE);
              assertThat(e.principalArn())
                  .isEqualTo("arn:aws:sts::111122223333:assumed-role/orders-fn-role/orders-fn");
              assertThat(e.account()).isEqualTo("111122223333");
              assertThat(e.region()).isEqualTo("us-east-1");
              assertThat(e.dataEvent()).isTrue();
              assertThat(e.resources())
                  .containsExactly("arn:aws:s3:::media/in/a.jpg", "arn:aws:s3:::media");
              assertThat(e.parameters()).containsOnlyKeys("bucketName", "key");
            });
  }

  @Test
  void readAll_whenJsonLinesOfRecords_readsEachLine() throws IOException {
    parse(
        Records.getObject("2024-05-01T10:00:00Z", "b", "1")
            + "\n"
            + Records.getObject("2024-05-01T10:00:01Z", "b", "2")
            + "\n");

    assertThat(events)
        .extracting(TrailEvent::eventTime)
        .containsExactly("2024-05-01T10:00:00Z", "2024-05-01T10:00:01Z");
  }

  @Test
  void readAll_whenLookupEventsOutput_parsesTheEmbeddedRecords() throws IOException {
    String embedded = Records.getObject("2024-05-01T10:00:00Z", "b", "k").replace("\"", "\\\"");
    parse(
        "{\"Events\":[{\"EventId\":\"1\",\"EventName\":\"GetObject\",\"Username\":\"orders-fn\",\"CloudTrailEvent\":\""
            + embedded
            + "\"}]}");

    assertThat(events).singleElement().extracting(TrailEvent::eventName).isEqualTo("GetObject");
  }

  @Test
  void readAll_whenLakeTimeAndNoManagementFlags_normalizesTimeAndKeepsManagement()
      throws IOException {
    parse(
        "[{\"eventVersion\":\"1.09\",\"eventTime\":\"2024-05-01"
            + " 10:00:00.000\",\"eventSource\":\"dynamodb.amazonaws.com\","
            + "\"eventName\":\"DescribeTable\",\"requestParameters\":{\"tableName\":\"orders\",\"limit\":5,\"key\":{\"id\":{\"S\":\"1\"}}}}]");

    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.eventTime()).isEqualTo("2024-05-01T10:00:00Z");
              assertThat(e.dataEvent()).isFalse();
              assertThat(e.parameters())
                  .as("only string values of named parameters")
                  .containsExactlyEntriesOf(java.util.Map.of("tableName", "orders"));
            });
  }

  @Test
  void readAll_whenRecordLacksEventTime_countsItIncomplete() throws IOException {
    parse(
        "{\"Records\":[{\"eventVersion\":\"1.09\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\"}]}");

    assertThat(events).isEmpty();
    assertThat(incomplete).containsExactly("eventTime");
  }

  @Test
  void readAll_whenEventTimeIsOutOfRange_skipsTheRecordAndKeepsReading() throws IOException {
    parse(
        Records.file(
            List.of(
                Records.getObject("2024-13-01T00:00:00Z", "media", "a.jpg"),
                Records.getObject("2024-02-30T00:00:00Z", "media", "b.jpg"),
                Records.getObject("2024-05-01T25:00:00Z", "media", "c.jpg"),
                Records.getObject("2024-05-01T10:00:00Z", "media", "d.jpg"))));

    assertThat(events).extracting(TrailEvent::eventTime).containsExactly("2024-05-01T10:00:00Z");
    assertThat(incomplete)
        .containsExactly("a valid eventTime", "a valid eventTime", "a valid eventTime");
  }

  @Test
  void readAll_whenJsonIsNotCloudTrail_findsNothing() throws IOException {
    parse(
        "{\"name\":\"app\",\"version\":\"1.0.0\",\"records\":[1,2,3],\"dependencies\":{\"a\":\"b\"}}");

    assertThat(events).isEmpty();
    assertThat(incomplete).isEmpty();
  }

  @Test
  void readAll_whenErrorRecord_keepsCodeAndMessage() throws IOException {
    parse(
        Records.management(
            Records.ROLE,
            "2024-05-01T10:00:00Z",
            "dynamodb.amazonaws.com",
            "PutItem",
            "{\"tableName\":\"orders\"}",
            ",\"errorCode\":\"AccessDeniedException\",\"errorMessage\":\"User: x is not authorized"
                + " to perform: dynamodb:PutItem on resource:"
                + " arn:aws:dynamodb:eu-west-1:111122223333:table/orders because no identity-based"
                + " policy allows the dynamodb:PutItem action\""));

    TrailEvent e = events.get(0);
    assertThat(e.errorCode()).isEqualTo("AccessDeniedException");
    Denial d = Denial.of(e.errorMessage());
    assertThat(d.action()).isEqualTo("dynamodb:PutItem");
    assertThat(d.resource()).isEqualTo("arn:aws:dynamodb:eu-west-1:111122223333:table/orders");
  }
}
