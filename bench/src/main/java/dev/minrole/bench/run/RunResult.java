package dev.minrole.bench.run;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One measured run as a single line of {@code key=value} pairs on standard output, so that the
 * benchmark script can collect runs and {@link Summary} can take medians.
 */
final class RunResult {
  private final Map<String, String> values = new LinkedHashMap<>();

  RunResult(String run) {
    put("run", run);
  }

  RunResult put(String key, String value) {
    if (value.contains(" ") || value.contains("=")) {
      throw new IllegalArgumentException("value of " + key + " must not contain spaces or '='");
    }
    values.put(key, value);
    return this;
  }

  RunResult put(String key, long value) {
    return put(key, Long.toString(value));
  }

  /** CPU time of the whole process so far (all threads, JIT and GC included), in nanoseconds. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  RunResult seconds(String key, long nanos) {
    return put(key, String.format(Locale.ROOT, "%.3f", nanos / 1e9));
  }

  RunResult heap(HeapWatch.Heap heap) {
    return put("peak_heap_mib", mib(heap.peakUsed()))
        .put("pool_peaks_mib", mib(heap.sumOfPoolPeaks()))
        .put("retained_mib", mib(heap.retained()))
        .put("max_heap_mib", mib(heap.max()))
        .put("gcs", heap.collections());
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
  }

  String line() {
    StringBuilder out = new StringBuilder();
    values.forEach(
        (k, v) -> out.append(out.length() == 0 ? "" : " ").append(k).append('=').append(v));
    return out.toString();
  }
}
