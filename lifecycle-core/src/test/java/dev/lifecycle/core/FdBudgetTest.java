package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.core.health.FileDescriptors.Source;
import dev.lifecycle.core.health.FileDescriptors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class FdBudgetTest {
  /** A budget that counts reservations only, against a fixed limit. */
  static FdBudget counting(long limit, long headroom) {
    return FdBudget.newBuilder()
        .fileDescriptors(FileDescriptors.from(Source.UNSUPPORTED))
        .limit(limit)
        .headroom(headroom)
        .build();
  }

  @Test
  void tryReserve_manyThreads_neverExceedTheCapacityAndAllReturn() throws Exception {
    FdBudget budget = counting(60, 10);
    int threads = 8;
    int rounds = 20_000;
    AtomicLong held = new AtomicLong();
    AtomicLong maxHeld = new AtomicLong();
    AtomicLong granted = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int seed = t;
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < rounds; i++) {
            int count = 1 + (i + seed) % 3;
            try (FdBudget.Reservation r = budget.tryReserve(count)) {
              if (r == null) {
                refused.incrementAndGet();
                continue;
              }
              granted.incrementAndGet();
              long now = held.addAndGet(count);
              maxHeld.accumulateAndGet(now, Math::max);
              held.addAndGet(-count);
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(maxHeld.get()).isLessThanOrEqualTo(50);
    assertThat(granted.get() + refused.get()).isEqualTo((long) threads * rounds);
    assertThat(granted.get()).isPositive();
    assertThat(budget.reserved()).isZero();
    assertThat(budget.available()).isEqualTo(50);
  }

  @Test
  void tryReserve_full_refusesUntilAReservationCloses() {
    FdBudget budget = counting(10, 2);
    FdBudget.Reservation five = budget.tryReserve(5);
    FdBudget.Reservation three = budget.tryReserve(3);
    assertThat(five).isNotNull();
    assertThat(three).isNotNull();
    assertThat(budget.reserved()).isEqualTo(8);
    assertThat(budget.available()).isZero();
    assertThat(budget.tryReserve(1)).isNull();
    three.close();
    assertThat(three.isClosed()).isTrue();
    try (FdBudget.Reservation two = budget.tryReserve(2)) {
      assertThat(two).isNotNull();
      assertThat(two.count()).isEqualTo(2);
    }
    five.close();
    assertThat(budget.reserved()).isZero();
  }

  @Test
  void close_twice_releasesOnce() {
    FdBudget budget = counting(10, 0);
    FdBudget.Reservation a = budget.tryReserve(4);
    FdBudget.Reservation b = budget.tryReserve(4);
    a.close();
    a.close();
    assertThat(budget.reserved()).isEqualTo(4);
    b.close();
    assertThat(budget.reserved()).isZero();
  }

  @Test
  void close_onAnExceptionPath_releases() {
    FdBudget budget = counting(10, 0);
    assertThatThrownBy(() -> {
      try (FdBudget.Reservation r = budget.tryReserve(3)) {
        assertThat(r).isNotNull();
        throw new IllegalStateException("connect failed");
      }
    }).hasMessage("connect failed");
    assertThat(budget.reserved()).isZero();
  }

  @Test
  void system_defaults_keepATenthOfTheLimitAsHeadroom() {
    FdBudget budget = FdBudget.system();
    long max = FileDescriptors.system().max().orElseThrow();
    assertThat(budget.headroom()).isEqualTo(Math.max(64, max / 10));
    assertThat(budget.capacity()).isEqualTo(max - budget.headroom());
  }

  @Test
  void badInput_isRejectedWithTheValue() {
    FdBudget budget = counting(100, 10);
    assertThatThrownBy(() -> budget.tryReserve(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count 0 is not in [1, 90] (the capacity: limit 100 minus headroom 10); reserve at least 1"
            + " and at most the capacity");
    assertThatThrownBy(() -> budget.tryReserve(91)).hasMessageStartingWith("count 91 is not in [1, 90]");
    assertThatThrownBy(() -> FdBudget.newBuilder().limit(0))
        .hasMessage("limit 0 is not positive; give the most descriptors the process may open");
    assertThatThrownBy(() -> FdBudget.newBuilder().headroom(-1))
        .hasMessage("headroom -1 is negative; give 0 or more descriptors to keep free");
    assertThatThrownBy(() -> FdBudget.newBuilder().recheck(Duration.ofMillis(-1)))
        .hasMessage("recheck interval PT-0.001S is negative; give 0 (read every time) or more");
    assertThatThrownBy(() -> counting(10, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("headroom 10 is not below the limit 10; keep fewer descriptors free or raise the limit");
    assertThatThrownBy(() -> FdBudget.newBuilder().fileDescriptors(FileDescriptors.from(Source.UNSUPPORTED)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot read this process's file-descriptor limit (UNSUPPORTED on ")
        .hasMessageEndingWith("); give the budget a limit(...)");
  }
}
