package dev.minrole.analyzer.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrailFileReaderTest {
  @TempDir Path dir;

  private final TrailFileReader reader =
      new TrailFileReader(new RecordParser(Set.of("bucketName", "key")));
  private final List<TrailEvent> events = new ArrayList<>();

  private FileReport read(Path file) {
    return reader.read(file, file.getFileName().toString(), events::add, n -> {});
  }

  private static List<String> records(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          Records.getObject(
              "2024-05-01T10:%02d:%02dZ".formatted(i / 60 % 60, i % 60),
              "media",
              "in/" + i + ".jpg"));
    }
    return out;
  }

  @Test
  void read_whenARecordHasAnImpossibleEventTime_skipsItNamesItAndReadsTheRest() throws IOException {
    List<String> records = new ArrayList<>(records(3));
    records.add(1, Records.getObject("2024-13-01T00:00:00Z", "media", "bad.jpg"));
    records.add(Records.getObject("2024-04-31T08:00:00Z", "media", "bad2.jpg"));
    Path file = Records.write(dir.resolve("trail.json"), String.join("\n", records));

    FileReport r = read(file);

    assertThat(r.records()).isEqualTo(3);
    assertThat(events).hasSize(3);
    assertThat(r.incomplete()).isZero();
    assertThat(r.partial()).isTrue();
    assertThat(r.problems())
        .containsExactly(
            "skipped 2 records whose eventTime is not a valid time: the first,"
                + " \"2024-13-01T00:00:00Z\" (line 2)");
    assertThat(r.describe()).contains("(3 records read)");
  }

  @Test
  void read_whenEveryRecordHasAnImpossibleEventTime_saysSoRatherThanNotCloudTrail()
      throws IOException {
    Path file =
        Records.write(
            dir.resolve("trail.json"),
            Records.file(List.of(Records.getObject("2024-00-10T00:00:00Z", "media", "a.jpg"))));

    FileReport r = read(file);

    assertThat(r.records()).isZero();
    assertThat(r.problems())
        .singleElement()
        .asString()
        .startsWith(
            "skipped 1 record whose eventTime is not a valid time: \"2024-00-10T00:00:00Z\"");
  }

  @Test
  void read_whenGzipWithoutGzName_detectsGzipByContent() throws IOException {
    FileReport r = read(Records.writeGzip(dir.resolve("trail.json"), Records.file(records(3))));

    assertThat(r.records()).isEqualTo(3);
    assertThat(r.partial()).isFalse();
  }

  @Test
  void read_whenGzipTruncated_keepsRecordsBeforeTheEndAndSaysSo() throws IOException {
    Path whole = Records.writeGzip(dir.resolve("whole.json.gz"), Records.file(records(500)));
    byte[] bytes = Files.readAllBytes(whole);
    Path cut =
        Files.write(dir.resolve("cut.json.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

    FileReport r = read(cut);

    assertThat(r.problems()).containsExactly("the gzip stream ends early (truncated file)");
    assertThat(r.records()).isBetween(1L, 499L);
    assertThat(events).hasSize((int) r.records());
  }

  @Test
  void read_whenJsonInvalid_namesLineAndColumn() throws IOException {
    FileReport r =
        read(
            Records.write(
                dir.resolve("bad.json"),
                "{\"Records\":[" + records(1).get(0) + ",\n{\"eventTime\": }]}"));

    assertThat(r.records()).isEqualTo(1);
    assertThat(r.problems())
        .singleElement()
        .asString()
        .startsWith("invalid JSON at line 2, column 15");
  }

  @Test
  void read_whenNotCloudTrail_saysWhatWasExpected() throws IOException {
    FileReport r = read(Records.write(dir.resolve("package.json"), "{\"name\":\"x\"}"));

    assertThat(r.problems()).singleElement().asString().startsWith("no CloudTrail records");
  }

  @Test
  void read_whenCloudTrailFileHoldsNoRecord_isNotAProblem() throws IOException {
    FileReport r = read(Records.writeGzip(dir.resolve("empty.json.gz"), "{\"Records\":[]}"));

    assertThat(r.records()).isZero();
    assertThat(r.partial()).isFalse();
  }

  @Test
  void read_whenFileMissing_reportsIt() {
    FileReport r = read(dir.resolve("gone.json.gz"));

    assertThat(r.problems()).containsExactly("the file does not exist");
  }

  @Test
  void read_whenPathIsADirectory_reportsItUnreadable() throws IOException {
    FileReport r = read(Files.createDirectories(dir.resolve("folder.json")));

    assertThat(r.problems()).singleElement().asString().startsWith("the file cannot be read");
  }

  @Test
  void read_whenOneRecordIsVeryLarge_skipsTheLargeValueAndKeepsTheRecord() throws IOException {
    String huge = "x".repeat(30 * 1024 * 1024);
    String record = records(1).get(0).replace("\"Host\":", "\"policy\":\"" + huge + "\",\"Host\":");
    FileReport r =
        read(
            Records.writeGzip(
                dir.resolve("huge.json.gz"), Records.file(List.of(record, records(2).get(1)))));

    assertThat(r.records()).isEqualTo(2);
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void read_whenAWantedValueIsLargerThanTheLimit_stopsWithAClearProblem() throws IOException {
    String huge = "k".repeat(RecordParser.MAX_STRING + 1);
    FileReport r =
        read(
            Records.writeGzip(
                dir.resolve("huge-key.json.gz"),
                Records.file(
                    List.of(records(1).get(0), records(1).get(0).replace("in/0.jpg", huge)))));

    assertThat(r.records()).isEqualTo(1);
    assertThat(r.problems()).singleElement().asString().contains("larger than 32 MiB");
    assertThat(
            Collections.frequency(events.stream().map(TrailEvent::eventName).toList(), "GetObject"))
        .isEqualTo(1);
  }
}
