package dev.minrole.analyzer.cloudtrail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * CloudTrail files on disk, read in parallel: one thread per core takes files from a shared queue
 * (largest first, so the cores finish together), streams each through the record parser, and counts
 * what it sees in its own table. Memory is bounded by the number of distinct observations (see
 * {@link TrailAccumulator}), never by the number of events.
 */
public final class LocalTrailSource implements TrailSource {
  private final List<Path> paths;
  private final Set<String> resourceParameters;
  private final int threads;
  private final TrailProgress progress;
  private final int limit;

  public LocalTrailSource(
      List<Path> paths, Set<String> resourceParameters, TrailProgress progress) {
    this(
        paths,
        resourceParameters,
        Runtime.getRuntime().availableProcessors(),
        progress,
        TrailAccumulator.DEFAULT_LIMIT);
  }

  LocalTrailSource(
      List<Path> paths,
      Set<String> resourceParameters,
      int threads,
      TrailProgress progress,
      int limit) {
    this.paths = List.copyOf(paths);
    this.resourceParameters = Set.copyOf(resourceParameters);
    this.threads = Math.max(1, threads);
    this.progress = progress;
    this.limit = limit;
  }

  @Override
  public TrailScan scan(RoleSelector roles, TrailWindow window) {
    TrailFiles.Found found = TrailFiles.find(paths);
    List<TrailFiles.TrailFile> files = new ArrayList<>(found.files());
    files.sort(
        Comparator.comparingLong(TrailFiles.TrailFile::size)
            .reversed()
            .thenComparing(TrailFiles.TrailFile::display));
    progress.start(files.size(), files.stream().mapToLong(TrailFiles.TrailFile::size).sum());
    ConcurrentLinkedQueue<TrailFiles.TrailFile> queue = new ConcurrentLinkedQueue<>(files);
    TrailAccumulator shared = new TrailAccumulator(limit);
    List<FileReport> reports = Collections.synchronizedList(new ArrayList<>(found.unreadable()));
    RecordParser parser = new RecordParser(resourceParameters);
    List<Thread> workers = new ArrayList<>();
    java.util.concurrent.atomic.AtomicReference<Throwable> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    int count = Math.min(threads, Math.max(1, files.size()));
    for (int i = 0; i < count; i++) {
      Thread t =
          new Thread(
              () -> {
                TrailFileReader reader = new TrailFileReader(parser);
                EventCollector collector = new EventCollector(roles, window, shared, progress);
                TrailFiles.TrailFile file;
                while ((file = queue.poll()) != null) {
                  reports.add(
                      reader.read(file.path(), file.display(), collector, progress::bytesRead));
                  progress.fileDone();
                }
                collector.flush();
              },
              "minrole-trail-" + i);
      t.setDaemon(true);
      t.setUncaughtExceptionHandler((thread, e) -> failure.compareAndSet(null, e));
      workers.add(t);
      t.start();
    }
    for (Thread t : workers) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    progress.finish();
    if (failure.get() != null) {
      throw new IllegalStateException(
          "a trail reader thread failed: " + failure.get(), failure.get());
    }
    List<FileReport> sorted = new ArrayList<>(reports);
    sorted.sort(Comparator.comparing(FileReport::file));
    return shared.result(roles.targets(), sorted, List.of());
  }
}
