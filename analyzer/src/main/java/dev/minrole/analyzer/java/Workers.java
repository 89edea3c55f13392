package dev.minrole.analyzer.java;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the analyzer's tasks on a few threads and gives their results in task order. The threads are
 * daemons with deep stacks: parsing and analyzing deeply nested code recurse deeply.
 */
final class Workers {
  static final long STACK_BYTES = 64L * 1024 * 1024;

  private Workers() {}

  /**
   * Runs every task on up to {@code threads} threads named {@code name-N}. The result of task i is
   * element i. A task that throws ends the run; the exception of the first such task in task order
   * reaches the caller in the {@link ExecutionException}.
   */
  static <T> List<T> run(String name, int threads, List<Callable<T>> tasks)
      throws InterruptedException, ExecutionException {
    if (tasks.isEmpty()) {
      return List.of();
    }
    AtomicInteger counter = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(threads, tasks.size())),
            task -> {
              Thread t =
                  new Thread(null, task, name + "-" + counter.incrementAndGet(), STACK_BYTES);
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<T>> futures = new ArrayList<>(tasks.size());
      for (Callable<T> task : tasks) {
        futures.add(pool.submit(task));
      }
      List<T> results = new ArrayList<>(tasks.size());
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
