package dev.minrole.analyzer.java;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs a task that may not end in reasonable time (a parse whose lookahead explodes) on its own
 * deep-stack daemon thread, and gives up waiting after a time limit. A task that is given up on
 * keeps its thread until it ends or the program exits; nothing waits for it.
 */
final class Watchdog {
  private Watchdog() {}

  /**
   * The task's result, or empty if it did not finish within {@code seconds}. An error or runtime
   * exception of the task is rethrown here.
   */
  static <T> Optional<T> run(Supplier<T> task, long seconds) {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                result.set(task.get());
              } catch (RuntimeException | Error e) {
                failure.set(e);
              }
            },
            Thread.currentThread().getName() + "-watched",
            Workers.STACK_BYTES);
    thread.setDaemon(true);
    thread.start();
    try {
      thread.join(seconds * 1000L);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    if (thread.isAlive()) {
      return Optional.empty();
    }
    Throwable thrown = failure.get();
    if (thrown instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (thrown instanceof Error error) {
      throw error;
    }
    return Optional.ofNullable(result.get());
  }
}
