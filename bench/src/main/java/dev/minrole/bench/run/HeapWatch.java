package dev.minrole.bench.run;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures the heap of the running JVM three ways: the largest heap in use just before a garbage
 * collection (the real high-water mark of used heap, from GC notifications), the sum of the heap
 * pools' peaks (an upper bound, since pools peak at different times), and the heap still in use
 * after a full collection at the end (what the finished work keeps alive).
 */
final class HeapWatch implements AutoCloseable {
  private final AtomicLong peakBeforeGc = new AtomicLong();
  private final AtomicLong collections = new AtomicLong();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = (notification, handback) -> onGc(notification);

  HeapWatch() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        emitters.add(emitter);
      }
    }
  }

  private void onGc(javax.management.Notification notification) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long used = 0;
    for (var entry : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
      if (isHeapPool(entry.getKey())) {
        used += entry.getValue().getUsed();
      }
    }
    collections.incrementAndGet();
    peakBeforeGc.accumulateAndGet(used, Math::max);
  }

  private static boolean isHeapPool(String name) {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getName().equals(name)) {
        return pool.getType() == MemoryType.HEAP;
      }
    }
    return false;
  }

  /** What was measured. All sizes in bytes. */
  record Heap(long peakUsed, long sumOfPoolPeaks, long retained, long max, long collections) {}

  /** Ends the measurement: the peak includes the heap in use now, before the final collection. */
  Heap finish() {
    long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    peakBeforeGc.accumulateAndGet(now, Math::max);
    long poolPeaks = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        MemoryUsage peak = pool.getPeakUsage();
        poolPeaks += peak == null ? 0 : peak.getUsed();
      }
    }
    long gcs = collections.get();
    System.gc();
    MemoryUsage after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return new Heap(peakBeforeGc.get(), poolPeaks, after.getUsed(), after.getMax(), gcs);
  }

  @Override
  public void close() {
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (javax.management.ListenerNotFoundException e) {
        // already gone
      }
    }
  }
}
