package dev.minrole.analyzer.cloudtrail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads one trail file, gzip-compressed or not (told by its first bytes, not its name), and streams
 * its records to a consumer. Whatever goes wrong is recorded in the file's report and reading stops
 * at that point; records read before it are kept.
 */
final class TrailFileReader {
  private static final int BUFFER = 1 << 16;

  private final RecordParser parser;

  TrailFileReader(RecordParser parser) {
    this.parser = parser;
  }

  FileReport read(Path file, String display, Consumer<TrailEvent> events, LongConsumer bytesRead) {
    Counter counter = new Counter();
    List<String> problems = new ArrayList<>();
    Map<String, Long> missing = new TreeMap<>();
    Map<String, Invalid> invalid = new TreeMap<>();
    CountingStream raw = null;
    try {
      raw = new CountingStream(Files.newInputStream(file), bytesRead);
      try (InputStream in = decompressed(new BufferedInputStream(raw, BUFFER));
          JsonParser json = RecordParser.FACTORY.createParser(in)) {
        parser.readAll(
            json,
            new RecordParser.Sink() {
              @Override
              public void event(TrailEvent event) {
                counter.records++;
                events.accept(event);
              }

              @Override
              public void incomplete(String field) {
                counter.incomplete++;
                missing.merge(field, 1L, Long::sum);
              }

              @Override
              public void invalid(String field, String value) {
                invalid.computeIfAbsent(
                        field, f -> new Invalid(value, json.currentLocation().getLineNr()))
                    .count++;
              }

              @Override
              public void container() {
                counter.container = true;
              }
            });
      }
    } catch (NoSuchFileException e) {
      problems.add("the file does not exist");
    } catch (AccessDeniedException e) {
      problems.add("the file cannot be read (permission denied)");
    } catch (EOFException e) {
      problems.add("the gzip stream ends early (truncated file)");
    } catch (ZipException e) {
      problems.add("the gzip data is corrupt (" + e.getMessage() + ")");
    } catch (StreamConstraintsException e) {
      problems.add(
          "a value is larger than "
              + RecordParser.MAX_STRING / (1024 * 1024)
              + " MiB, so reading stopped there");
    } catch (JsonProcessingException e) {
      problems.add(
          "invalid JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + " ("
              + e.getOriginalMessage().lines().findFirst().orElse("")
              + ")");
    } catch (IOException e) {
      problems.add("the file cannot be read (" + e.getMessage() + ")");
    }
    invalid.forEach((field, first) -> problems.add(first.describe(field)));
    if (problems.isEmpty()
        && counter.records == 0
        && counter.incomplete == 0
        && !counter.container) {
      problems.add(
          "no CloudTrail records: expected {\"Records\": [...]}, JSON lines of records, or"
              + " lookup-events output");
    }
    if (!missing.isEmpty() && counter.records == 0) {
      problems.add("not CloudTrail records: none has " + String.join(", ", missing.keySet()));
    }
    return new FileReport(
        display, raw == null ? 0 : raw.count, counter.records, counter.incomplete, problems);
  }

  private static InputStream decompressed(BufferedInputStream in) throws IOException {
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      return new GZIPInputStream(in, BUFFER);
    }
    return in;
  }

  /** Records skipped for an unreadable value of one field: how many, and the first. */
  private static final class Invalid {
    private static final int SHOWN = 40;
    final String value;
    final int line;
    long count;

    Invalid(String value, int line) {
      this.value = value;
      this.line = line;
    }

    /**
     * {@code skipped 1 record whose eventTime is not a valid time: "2024-13-01T00:00:00Z" (line
     * 7)}.
     */
    String describe(String field) {
      String shown = value.length() > SHOWN ? value.substring(0, SHOWN) + "..." : value;
      return "skipped "
          + count
          + (count == 1 ? " record whose " : " records whose ")
          + field
          + " is not a valid time: "
          + (count == 1 ? "" : "the first, ")
          + "\""
          + shown
          + "\""
          + (line > 0 ? " (line " + line + ")" : "");
    }
  }

  private static final class Counter {
    long records;
    long incomplete;
    boolean container;
  }

  /** Counts the bytes read from disk, for the report and the progress bar. */
  private static final class CountingStream extends FilterInputStream {
    private final LongConsumer progress;
    long count;

    CountingStream(InputStream in, LongConsumer progress) {
      super(in);
      this.progress = progress;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
        progress.accept(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
        progress.accept(n);
      }
      return n;
    }
  }
}
