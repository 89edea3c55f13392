package dev.minrole.analyzer.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTrailSourceTest {
  private static final Set<String> PARAMETERS = Set.of("bucketName", "key", "tableName");
  private static final RoleSelector ROLE =
      new RoleSelector(List.of(new RoleTarget(Records.ROLE, Optional.empty())));

  @TempDir Path dir;

  private Path day(int day, List<String> records) throws IOException {
    String folder =
        "AWSLogs/o-a1b2c3/111122223333/CloudTrail/us-east-1/2024/05/%02d/".formatted(day);
    return Records.writeGzip(
        dir.resolve(
            folder + "111122223333_CloudTrail_us-east-1_202405%02dT0000Z_x.json.gz".formatted(day)),
        Records.file(records));
  }

  private TrailScan scan(int threads, int limit, TrailWindow window) {
    return new LocalTrailSource(List.of(dir), PARAMETERS, threads, TrailProgress.NONE, limit)
        .scan(ROLE, window);
  }

  @Test
  void scan_whenOrganizationLayout_countsTheRolesCallsAcrossFilesAndSkipsDigests()
      throws IOException {
    day(
        1,
        List.of(
            Records.getObject("2024-05-01T10:00:00Z", "media", "a.jpg"),
            Records.getObject("2024-05-01T11:00:00Z", "media", "a.jpg")));
    day(
        2,
        List.of(
            Records.getObject("2024-05-02T09:00:00Z", "media", "a.jpg"),
            Records.management(
                "arn:aws:iam::111122223333:role/other",
                "2024-05-02T09:00:01Z",
                "s3.amazonaws.com",
                "ListBuckets",
                "null",
                "")));
    Records.write(
        dir.resolve(
            "AWSLogs/o-a1b2c3/111122223333/CloudTrail-Digest/us-east-1/2024/05/01/digest.json.gz"),
        "{\"digest\":true}");

    TrailScan scan = scan(2, 1000, TrailWindow.ALL);

    assertThat(scan.files()).hasSize(2).noneMatch(FileReport::partial);
    assertThat(scan.events()).isEqualTo(4);
    assertThat(scan.observations())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.count()).isEqualTo(3);
              assertThat(o.firstSeen()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
              assertThat(o.lastSeen()).isEqualTo(Instant.parse("2024-05-02T09:00:00Z"));
              assertThat(o.key().resources())
                  .containsExactly("arn:aws:s3:::media", "arn:aws:s3:::media/a.jpg");
              assertThat(o.key().parameters())
                  .as("resources[] are there, so parameters are not kept")
                  .isEmpty();
            });
    assertThat(scan.activity()).singleElement().extracting(RoleActivity::events).isEqualTo(3L);
    assertThat(scan.dataEventSources()).containsExactly("s3.amazonaws.com");
  }

  @Test
  void scan_whenWindowGiven_countsOnlyEventsInside() throws IOException {
    day(
        1,
        List.of(
            Records.getObject("2024-04-30T23:59:59Z", "m", "a"),
            Records.getObject("2024-05-01T00:00:00Z", "m", "a"),
            Records.getObject("2024-05-31T23:59:59Z", "m", "a"),
            Records.getObject("2024-06-01T00:00:00Z", "m", "a")));

    TrailScan scan =
        scan(
            1,
            1000,
            new TrailWindow(
                Optional.of(Instant.parse("2024-05-01T00:00:00Z")),
                Optional.of(Instant.parse("2024-06-01T00:00:00Z"))));

    assertThat(scan.observations()).singleElement().extracting(Observation::count).isEqualTo(2L);
  }

  @Test
  void scan_whenRoleNeverActs_reportsItWithZeroEvents() throws IOException {
    day(
        1,
        List.of(
            Records.management(
                "arn:aws:iam::111122223333:role/other",
                "2024-05-01T00:00:00Z",
                "s3.amazonaws.com",
                "ListBuckets",
                "null",
                "")));

    TrailScan scan = scan(1, 1000, TrailWindow.ALL);

    assertThat(scan.activity()).singleElement().satisfies(a -> assertThat(a.inactive()).isTrue());
    assertThat(scan.observations()).isEmpty();
  }

  @Test
  void scan_whenManyDistinctKeys_staysWithinTheLimitAndKeepsEveryCount() throws IOException {
    for (int d = 1; d <= 4; d++) {
      List<String> records = new ArrayList<>();
      for (int i = 0; i < 1500; i++) {
        records.add(
            Records.getObject(
                "2024-05-%02dT10:00:00Z".formatted(d),
                "media",
                "in/%d/%d/img-%d.jpg".formatted(d, i % 7, i)));
      }
      day(d, records);
    }

    TrailScan bounded = scan(2, 200, TrailWindow.ALL);
    TrailScan exact = scan(1, 1_000_000, TrailWindow.ALL);

    assertThat(exact.observations()).hasSize(6000);
    assertThat(bounded.observations().size()).isLessThanOrEqualTo(200);
    assertThat(bounded.folded()).isTrue();
    assertThat(bounded.observations().stream().mapToLong(Observation::count).sum()).isEqualTo(6000);
    assertThat(bounded.observations())
        .allSatisfy(
            o -> assertThat(o.key().resources()).allMatch(r -> r.startsWith("arn:aws:s3:::media")));
  }

  @Test
  void scan_whenRunOnSeveralThreads_givesTheSameResultAsOne() throws IOException {
    for (int d = 1; d <= 6; d++) {
      day(
          d,
          List.of(Records.getObject("2024-05-%02dT10:00:00Z".formatted(d), "media", "k" + d % 2)));
    }

    assertThat(scan(4, 1000, TrailWindow.ALL).observations())
        .isEqualTo(scan(1, 1000, TrailWindow.ALL).observations());
  }
}
