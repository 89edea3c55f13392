package dev.minrole.cli;

import dev.minrole.analyzer.cloudtrail.TrailProgress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A one-line progress bar on stderr while CloudTrail files are read: files done, events, and MB/s
 * read from disk. Only when minrole runs in a terminal; otherwise (a pipe, CI, tests) it prints
 * nothing.
 */
final class ProgressBar implements TrailProgress {
  private static final long REDRAW_MILLIS = 250;

  private final PrintStream err;
  private final LongAdder bytes = new LongAdder();
  private final LongAdder events = new LongAdder();
  private final AtomicInteger filesDone = new AtomicInteger();
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile int files;
  private volatile long started;
  private Thread painter;

  private ProgressBar(PrintStream err) {
    this.err = err;
  }

  /** A progress bar when stderr is a terminal, else nothing. */
  static TrailProgress forStderr() {
    return Terminal.isTerminal() ? new ProgressBar(System.err) : TrailProgress.NONE;
  }

  @Override
  public void start(int fileCount, long totalBytes) {
    files = fileCount;
    started = System.nanoTime();
    running.set(true);
    painter =
        new Thread(
            () -> {
              while (running.get()) {
                paint();
                try {
                  Thread.sleep(REDRAW_MILLIS);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "minrole-progress");
    painter.setDaemon(true);
    painter.start();
  }

  @Override
  public void bytesRead(long n) {
    bytes.add(n);
  }

  @Override
  public void eventsRead(long n) {
    events.add(n);
  }

  @Override
  public void fileDone() {
    filesDone.incrementAndGet();
  }

  @Override
  public void finish() {
    if (running.getAndSet(false)) {
      painter.interrupt();
      err.print("\r\033[K");
      err.flush();
    }
  }

  private void paint() {
    double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
    double mb = bytes.sum() / 1e6;
    err.print(
        String.format(
            Locale.ROOT,
            "\rminrole: reading CloudTrail: %d/%d files, %s events, %.1f MB/s\033[K",
            filesDone.get(),
            files,
            count(events.sum()),
            mb / seconds));
    err.flush();
  }

  private static String count(long n) {
    if (n >= 1_000_000) {
      return String.format(Locale.ROOT, "%.1fM", n / 1e6);
    }
    return n >= 1_000 ? String.format(Locale.ROOT, "%.1fk", n / 1e3) : Long.toString(n);
  }
}
