package dev.lifecycle.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.testing.LeakChecked;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract every tracked wrapper keeps: closed exactly once across threads, use after close
 * fails saying when and by whom, dropped is reported and reclaimed, close failures surface. Each
 * wrapper type extends it with how to open, use and inspect one; written so that it can later
 * extend the shared contract of lifecycle-testing.
 *
 * @param <W> the wrapper type
 */
abstract class WrapperContract<W extends AutoCloseable> {
  /** A new, open wrapper. */
  abstract W open() throws Exception;

  /** Uses the wrapper as its users do. */
  abstract void use(W wrapper) throws Exception;

  /** How many times the raw resource under all wrappers opened so far was released. */
  abstract long rawReleases() throws Exception;

  /** Opens a wrapper and drops it, in a frame of its own. */
  abstract void openAndDrop() throws Exception;

  /** Whether the last dropped wrapper was reported and its raw resource reclaimed. */
  abstract boolean droppedWasReportedAndReclaimed() throws Exception;

  /** Opens a wrapper whose raw close fails, and returns it. */
  abstract W openFailingOnClose() throws Exception;

  @Test
  void close_fromManyThreadsAtOnce_releasesTheRawResourceOnce() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 20; round++) {
        W wrapper = open();
        use(wrapper);
        long before = rawReleases();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> closes = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          closes.add(
              threads.submit(
                  () -> {
                    start.await(10, TimeUnit.SECONDS);
                    wrapper.close();
                    return null;
                  }));
        }
        start.countDown();
        for (Future<?> close : closes) {
          close.get(10, TimeUnit.SECONDS);
        }
        assertThat(rawReleases() - before).isEqualTo(1);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void use_afterClose_failsSayingWhenAndByWhom() throws Exception {
    W wrapper = open();
    wrapper.close();
    assertThatThrownBy(() -> use(wrapper))
        .hasMessageContaining(" is closed: closed at ")
        .hasMessageContaining(" by thread " + Thread.currentThread().getName());
  }

  // Drops a wrapper on purpose to test the leak report: the leak check would report it too.
  @LeakChecked(resources = false, fileDescriptors = false)
  @Test
  void dropped_isReportedAndReclaimed() throws Exception {
    openAndDrop();
    assertThat(H2.eventually(Duration.ofSeconds(20), true, () -> {
      try {
        return droppedWasReportedAndReclaimed();
      } catch (Exception e) {
        return false;
      }
    })).isTrue();
  }

  @Test
  void close_whenTheRawCloseFails_surfacesTheFailure() throws Exception {
    W wrapper = openFailingOnClose();
    assertThatThrownBy(wrapper::close).hasMessageContaining("injected failure of close");
    wrapper.close(); // closed all the same: a second close does nothing
  }
}
