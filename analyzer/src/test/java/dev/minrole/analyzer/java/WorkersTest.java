package dev.minrole.analyzer.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class WorkersTest {
  @Test
  void run_whenLaterTasksFinishFirst_givesResultsInTaskOrder() throws Exception {
    CountDownLatch lastDone = new CountDownLatch(1);
    List<Callable<String>> tasks = new ArrayList<>();
    tasks.add(
        () -> {
          lastDone.await();
          return "first";
        });
    tasks.add(() -> Thread.currentThread().getName().startsWith("test-") ? "second" : "caller");
    tasks.add(
        () -> {
          lastDone.countDown();
          return "third";
        });

    assertThat(Workers.run("test", 3, tasks)).containsExactly("first", "second", "third");
  }

  @Test
  void run_whenTasksFail_throwsTheFailureOfTheFirstFailingTaskInTaskOrder() {
    CountDownLatch laterFailed = new CountDownLatch(1);
    List<Callable<String>> tasks = new ArrayList<>();
    tasks.add(() -> "ok");
    tasks.add(
        () -> {
          laterFailed.await();
          throw new IllegalStateException("second");
        });
    tasks.add(
        () -> {
          laterFailed.countDown();
          throw new IllegalStateException("third");
        });

    assertThatThrownBy(() -> Workers.run("test", 3, tasks))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .hasMessage("second");
  }

  @Test
  void run_withoutTasks_isEmpty() throws Exception {
    assertThat(Workers.run("test", 4, List.<Callable<String>>of())).isEmpty();
  }
}
