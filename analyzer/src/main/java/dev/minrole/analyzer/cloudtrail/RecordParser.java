package dev.minrole.analyzer.cloudtrail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads CloudTrail records with Jackson's streaming parser, keeping only the fields minrole needs
 * and skipping the rest without building trees. It accepts every shape CloudTrail data comes in:
 * files as delivered to S3 ({@code {"Records": [...]}}), JSON lines of records (CloudTrail Lake
 * exports), top-level arrays, and {@code lookup-events} output, whose {@code Events[]} carry each
 * record as a JSON string in {@code CloudTrailEvent}.
 */
final class RecordParser {
  /** Where records go. */
  interface Sink {
    void event(TrailEvent event);

    /** A record without a field minrole needs, e.g. {@code eventTime}. */
    void incomplete(String missing);

    /**
     * A record skipped because a field minrole needs has a value it cannot read, e.g. {@code
     * eventTime} {@code 2024-13-01T00:00:00Z}. By default it counts as {@link #incomplete}.
     */
    default void invalid(String field, String value) {
      incomplete("a valid " + field);
    }

    /**
     * A {@code Records} or {@code Events} array: the input is CloudTrail, even if it holds no
     * record.
     */
    default void container() {}

    static Sink of(
        java.util.function.Consumer<TrailEvent> events,
        java.util.function.Consumer<String> incomplete) {
      return of(events, incomplete, () -> {});
    }

    static Sink of(
        java.util.function.Consumer<TrailEvent> events,
        java.util.function.Consumer<String> incomplete,
        Runnable container) {
      return new Sink() {
        @Override
        public void container() {
          container.run();
        }

        @Override
        public void event(TrailEvent event) {
          events.accept(event);
        }

        @Override
        public void incomplete(String missing) {
          incomplete.accept(missing);
        }
      };
    }
  }

  /** Large enough for any record CloudTrail writes, and for a whole record held in a string. */
  static final int MAX_STRING = 32 * 1024 * 1024;

  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxStringLength(MAX_STRING).build())
          .build();

  private final Set<String> resourceParameters;

  RecordParser(Set<String> resourceParameters) {
    this.resourceParameters = Set.copyOf(resourceParameters);
  }

  /** Reads every root value of the parser: one document, or JSON lines. */
  void readAll(JsonParser p, Sink sink) throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) != null) {
      readValue(p, t, sink);
    }
  }

  private void readValue(JsonParser p, JsonToken t, Sink sink) throws IOException {
    if (t == JsonToken.START_OBJECT) {
      readObject(p, sink);
    } else if (t == JsonToken.START_ARRAY) {
      JsonToken e;
      while ((e = p.nextToken()) != JsonToken.END_ARRAY && e != null) {
        readValue(p, e, sink);
      }
    } else if (t == JsonToken.VALUE_STRING) {
      readEmbedded(p.getText(), sink);
    }
  }

  private void readEmbedded(String json, Sink sink) throws IOException {
    String trimmed = json.strip();
    if (!trimmed.startsWith("{")) {
      return;
    }
    try (JsonParser nested = FACTORY.createParser(trimmed)) {
      readAll(nested, sink);
    }
  }

  /** A record, or an object that holds records ({@code Records}, {@code Events}), or both. */
  private void readObject(JsonParser p, Sink sink) throws IOException {
    Fields f = new Fields();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      switch (name) {
        case "Records", "Events", "records", "events" -> {
          if (v == JsonToken.START_ARRAY) {
            sink.container();
            readValue(p, v, sink);
          } else {
            p.skipChildren();
          }
        }
        case "CloudTrailEvent", "eventJson" -> {
          if (v == JsonToken.VALUE_STRING) {
            readEmbedded(p.getText(), sink);
          } else {
            readValue(p, v, sink);
          }
        }
        case "eventVersion", "eventID", "eventType" -> {
          f.recordLike = true;
          p.skipChildren();
        }
        case "eventTime" -> {
          f.recordLike = true;
          f.eventTime = text(p, v);
        }
        case "eventSource" -> {
          f.recordLike = true;
          f.eventSource = text(p, v);
        }
        case "eventName" -> {
          f.recordLike = true;
          f.eventName = text(p, v);
        }
        case "awsRegion" -> f.region = text(p, v);
        case "recipientAccountId" -> f.account = text(p, v);
        case "errorCode" -> f.errorCode = text(p, v);
        case "errorMessage" -> f.errorMessage = text(p, v);
        case "eventCategory" -> f.dataEvent |= "Data".equals(text(p, v));
        case "managementEvent" -> f.dataEvent |= v == JsonToken.VALUE_FALSE;
        case "userIdentity" -> {
          f.recordLike = true;
          readIdentity(p, v, f);
        }
        case "resources" -> readResources(p, v, f);
        case "requestParameters" -> readParameters(p, v, f);
        default -> p.skipChildren();
      }
    }
    if (!f.recordLike) {
      return;
    }
    String missing =
        f.eventTime.isEmpty()
            ? "eventTime"
            : f.eventSource.isEmpty() ? "eventSource" : f.eventName.isEmpty() ? "eventName" : "";
    if (!missing.isEmpty()) {
      sink.incomplete(missing);
      return;
    }
    java.util.Optional<String> time = TrailTime.normalize(f.eventTime);
    if (time.isEmpty()) {
      sink.invalid("eventTime", f.eventTime);
      return;
    }
    sink.event(
        new TrailEvent(
            time.get(),
            f.eventSource,
            f.eventName,
            f.region,
            f.account.isEmpty() ? f.identityAccount : f.account,
            f.issuerArn,
            f.principalArn,
            f.errorCode,
            f.errorMessage,
            f.dataEvent,
            f.resources,
            f.parameters));
  }

  // The readers below loop over fields by hand rather than through a shared callback: this is the
  // hot path of ingest, and one call site serving several lambdas is not inlined.

  private static void readIdentity(JsonParser p, JsonToken v, Fields f) throws IOException {
    if (v != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      switch (name) {
        case "arn" -> f.principalArn = text(p, t);
        case "accountId" -> f.identityAccount = text(p, t);
        case "sessionContext" -> f.issuerArn = nested(p, t, "sessionIssuer", "arn");
        default -> p.skipChildren();
      }
    }
  }

  /** The string at {@code outer.inner} of the object {@code v} opens, or empty. */
  private static String nested(JsonParser p, JsonToken v, String outer, String inner)
      throws IOException {
    String found = "";
    if (v != JsonToken.START_OBJECT) {
      p.skipChildren();
      return found;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      if (name.equals(outer)) {
        found = field(p, t, inner, inner);
      } else {
        p.skipChildren();
      }
    }
    return found;
  }

  private static void readResources(JsonParser p, JsonToken v, Fields f) throws IOException {
    if (v != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    JsonToken e;
    while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
      String arn = field(p, e, "ARN", "arn");
      if (arn.startsWith("arn:")) {
        if (f.resources.isEmpty()) {
          f.resources = new ArrayList<>(2);
        }
        f.resources.add(arn);
      }
    }
  }

  /**
   * The string field {@code name} (or {@code alternative}, as CloudTrail Lake spells it) of the
   * object {@code v} opens, or empty; the rest is skipped.
   */
  private static String field(JsonParser p, JsonToken v, String name, String alternative)
      throws IOException {
    String found = "";
    if (v != JsonToken.START_OBJECT) {
      p.skipChildren();
      return found;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      if (field.equals(name) || field.equals(alternative)) {
        found = text(p, t);
      } else {
        p.skipChildren();
      }
    }
    return found;
  }

  private void readParameters(JsonParser p, JsonToken v, Fields f) throws IOException {
    if (v != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      if (t == JsonToken.VALUE_STRING && resourceParameters.contains(name)) {
        if (f.parameters.isEmpty()) {
          f.parameters = new TreeMap<>();
        }
        f.parameters.put(name, p.getText());
      } else {
        p.skipChildren();
      }
    }
  }

  private static String text(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    p.skipChildren();
    return "";
  }

  /** The fields of one record as they are read. */
  private static final class Fields {
    boolean recordLike;
    String eventTime = "";
    String eventSource = "";
    String eventName = "";
    String region = "";
    String account = "";
    String identityAccount = "";
    String issuerArn = "";
    String principalArn = "";
    String errorCode = "";
    String errorMessage = "";
    boolean dataEvent;
    List<String> resources = List.of();
    Map<String, String> parameters = Map.of();
  }
}
