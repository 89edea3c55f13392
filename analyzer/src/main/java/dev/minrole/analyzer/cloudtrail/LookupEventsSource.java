package dev.minrole.analyzer.cloudtrail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

/**
 * The account's event history through {@code LookupEvents}. It holds management events of the last
 * 90 days only, never data events (S3 objects, DynamoDB items, Lambda Invoke, SQS messages), so the
 * scan carries a note that says so, and a window reaching further back is cut to 90 days. Each
 * event's {@code CloudTrailEvent} is a whole record and goes through the same parser as files.
 */
public final class LookupEventsSource implements TrailSource {
  static final Duration HISTORY = Duration.ofDays(90);

  private final CloudTrailClient cloudTrail;
  private final Set<String> resourceParameters;
  private final Clock clock;

  public LookupEventsSource(
      CloudTrailClient cloudTrail, Set<String> resourceParameters, Clock clock) {
    this.cloudTrail = cloudTrail;
    this.resourceParameters = Set.copyOf(resourceParameters);
    this.clock = clock;
  }

  @Override
  public TrailScan scan(RoleSelector roles, TrailWindow window) throws TrailSourceException {
    Instant now = clock.instant();
    Instant oldest = now.minus(HISTORY);
    List<String> notes = new ArrayList<>();
    notes.add(
        "LookupEvents returns management events of the last 90 days only: data events (S3 objects,"
            + " DynamoDB items, Lambda Invoke, SQS messages) are never in it. Use --cloudtrail,"
            + " --athena-table or --cloudtrail-lake over a trail that logs data events to see"
            + " them");
    Instant start = window.since().orElse(oldest);
    if (start.isBefore(oldest)) {
      notes.add(
          "--since "
              + TrailTime.format(start)
              + " is more than 90 days ago; LookupEvents starts at "
              + TrailTime.format(oldest));
      start = oldest;
    }
    Instant end = window.until().orElse(now);
    TrailAccumulator shared = new TrailAccumulator(TrailAccumulator.DEFAULT_LIMIT);
    EventCollector collector = new EventCollector(roles, window, shared, TrailProgress.NONE);
    RecordParser parser = new RecordParser(resourceParameters);
    long unparsed = 0;
    Instant from = start;
    try {
      for (LookupEventsResponse page :
          cloudTrail.lookupEventsPaginator(b -> b.startTime(from).endTime(end))) {
        for (Event event : page.events()) {
          if (!parse(parser, event, collector)) {
            unparsed++;
          }
        }
      }
    } catch (SdkException e) {
      throw new TrailSourceException("LookupEvents failed: " + e.getMessage(), e);
    }
    collector.flush();
    if (unparsed > 0) {
      notes.add(
          unparsed + " events from LookupEvents had no readable CloudTrailEvent and were skipped");
    }
    return shared.result(roles.targets(), List.of(), notes);
  }

  private static boolean parse(RecordParser parser, Event event, EventCollector collector) {
    String json = Optional.ofNullable(event.cloudTrailEvent()).orElse("");
    boolean[] seen = {false};
    try (var p = RecordParser.FACTORY.createParser(json)) {
      parser.readAll(
          p,
          RecordParser.Sink.of(
              e -> {
                seen[0] = true;
                collector.accept(e);
              },
              missing -> {}));
    } catch (java.io.IOException e) {
      return false;
    }
    return seen[0];
  }
}
