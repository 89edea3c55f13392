package dev.minrole.bench.generate;

import java.util.List;
import java.util.Map;

/**
 * The shared library every app of the monorepo uses: a handler base class whose {@code
 * handleRequest} calls the subclass's {@code process}, retries, environment lookup, JSON and
 * metrics helpers, and a clock interface with two implementations. It makes no AWS calls itself.
 */
final class CommonLibrary {
  static final String PKG = "com.acme.common";
  private static final String DIR = "libs/common/src/main/java/com/acme/common/";

  private CommonLibrary() {}

  static void write(SourceTree tree, Filler filler) {
    add(
        tree,
        filler,
        "BaseHandler",
        BASE_HANDLER,
        List.of(
            "com.amazonaws.services.lambda.runtime.Context",
            "com.amazonaws.services.lambda.runtime.RequestHandler"));
    add(
        tree,
        filler,
        "Retry",
        RETRY,
        List.of("java.util.concurrent.Callable", "java.util.function.Supplier"));
    add(tree, filler, "Env", ENV, List.of());
    add(tree, filler, "Json", JSON, List.of("java.util.Map", "java.util.StringJoiner"));
    add(tree, filler, "Metrics", METRICS, List.of("java.util.Map", "java.util.TreeMap"));
    add(tree, filler, "Clock", CLOCK, List.of("java.time.Instant"));
    add(tree, filler, "SystemClock", SYSTEM_CLOCK, List.of("java.time.Instant"));
    add(tree, filler, "FixedClock", FIXED_CLOCK, List.of("java.time.Instant"));
  }

  private static void add(
      SourceTree tree, Filler filler, String name, String body, List<String> imports) {
    tree.add(DIR + name + ".java", JavaFile.render(PKG, imports, body, Map.of(), filler));
  }

  private static final String BASE_HANDLER =
      """
      /**
       * The handler every function of the monorepo extends: it times the work, records metrics and
       * turns failures into a logged error. Subclasses implement {@link #process}.
       */
      public abstract class BaseHandler<I, O> implements RequestHandler<I, O> {
        private final Clock clock;

        protected BaseHandler() {
          this(Clock.system());
        }

        protected BaseHandler(Clock clock) {
          this.clock = clock;
        }

        @Override
        public O handleRequest(I input, Context context) {
          long started = clock.now().toEpochMilli();
          String function = context == null ? "local" : context.getFunctionName();
          try {
            O output = process(input);
            Metrics.count(function, "success", 1);
            return output;
          } catch (RuntimeException e) {
            Metrics.count(function, "failure", 1);
            System.err.println(Json.field("error", {{h0}}(String.valueOf(e.getMessage()))));
            throw e;
          } finally {
            Metrics.count(function, "millis", clock.now().toEpochMilli() - started);
          }
        }

        /** The function's own work. */
        protected abstract O process(I input);
      {{helpers}}}
      """;

  private static final String RETRY =
      """
      /** Retries a call a few times with exponential backoff. */
      public final class Retry {
        private static final int ATTEMPTS = 3;

        private Retry() {}

        public static <T> T call(Callable<T> task) {
          RuntimeException last = null;
          for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
              return task.call();
            } catch (RuntimeException e) {
              last = e;
              pause(attempt);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }
          throw last;
        }

        public static <T> T withBackoff(Supplier<T> supplier) {
          return call(supplier::get);
        }

        private static void pause(int attempt) {
          try {
            Thread.sleep(50L << attempt);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      {{helpers}}}
      """;

  private static final String ENV =
      """
      /** The function's configuration from its environment. */
      public final class Env {
        private Env() {}

        public static String get(String name, String fallback) {
          String value = System.getenv(name);
          return value == null || value.isBlank() ? fallback : value.strip();
        }

        public static int integer(String name, int fallback) {
          try {
            return Integer.parseInt(get(name, String.valueOf(fallback)));
          } catch (NumberFormatException e) {
            return fallback;
          }
        }
      {{helpers}}}
      """;

  private static final String JSON =
      """
      /** Just enough JSON for log lines and small payloads. */
      public final class Json {
        private Json() {}

        public static String field(String name, Object value) {
          return "{" + quote(name) + ":" + quote(String.valueOf(value)) + "}";
        }

        public static String object(Map<String, ?> fields) {
          StringJoiner out = new StringJoiner(",", "{", "}");
          fields.forEach((k, v) -> out.add(quote(k) + ":" + quote(String.valueOf(v))));
          return out.toString();
        }

        public static String quote(String text) {
          StringBuilder out = new StringBuilder("\\"");
          for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\\\') {
              out.append('\\\\');
            }
            out.append(c);
          }
          return out.append('"').toString();
        }
      {{helpers}}}
      """;

  private static final String METRICS =
      """
      /** Metrics in the embedded metric format, written to standard out. */
      public final class Metrics {
        private Metrics() {}

        public static void count(String function, String metric, long value) {
          Map<String, Object> line = new TreeMap<>();
          line.put("function", function);
          line.put("metric", metric);
          line.put("value", value);
          System.out.println(Json.object(line));
        }
      {{helpers}}}
      """;

  private static final String CLOCK =
      """
      /** The time, replaceable in tests. */
      public interface Clock {
        Instant now();

        static Clock system() {
          return new SystemClock();
        }
      }
      """;

  private static final String SYSTEM_CLOCK =
      """
      /** The wall clock. */
      public final class SystemClock implements Clock {
        @Override
        public Instant now() {
          return Instant.now();
        }
      {{helpers}}}
      """;

  private static final String FIXED_CLOCK =
      """
      /** A clock that always says the same time, for tests and replays. */
      public final class FixedClock implements Clock {
        private final Instant at;

        public FixedClock(Instant at) {
          this.at = at;
        }

        @Override
        public Instant now() {
          return at;
        }
      {{helpers}}}
      """;
}
