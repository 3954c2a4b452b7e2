package dev.lifecycle.proptest;

import static dev.lifecycle.proptest.GenTest.catchFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

final class ConcurrentStatefulTest {
  /** One permit, handed out by check-then-act without a lock: two threads can both get it. */
  static class RacySemaphore {
    int available = 1; // racy on purpose: read and written by several threads without a lock

    boolean tryAcquire() {
      if (available > 0) {
        LockSupport.parkNanos(100_000); // widens the race window, as a slow path would
        available--;
        return true;
      }
      return false;
    }

    void release() {
      available++;
    }
  }

  /** The same semaphore, with the check and the act under one lock. */
  static final class SafeSemaphore extends RacySemaphore {
    @Override
    synchronized boolean tryAcquire() {
      return super.tryAcquire();
    }

    @Override
    synchronized void release() {
      super.release();
    }
  }

  /** What a branch knows: how many permits it holds. */
  static final class Held {
    int permits;

    Held copy() {
      Held copy = new Held();
      copy.permits = permits;
      return copy;
    }
  }

  private static <S extends RacySemaphore> Stateful<Held, S> property(
      java.util.function.Supplier<S> semaphore) {
    return Stateful.<Held, S>of(Held::new, semaphore)
        .action(
            "tryAcquire",
            (held, s) -> {
              if (s.tryAcquire()) {
                held.permits++;
              }
            })
        .action(
            "release",
            held -> held.permits > 0,
            (held, s) -> {
              s.release();
              held.permits--;
            })
        .systemInvariant(
            "never more than one permit out",
            s -> assertThat(s.available).isBetween(0, 1));
  }

  @Test
  void checkConcurrently_failureRerunFromItsSeed_failsAgain() {
    PropertyFailure found =
        catchFailure(
            () -> property(RacySemaphore::new).seed(21).checkConcurrently(2, held -> new Held()));
    assertThat(found.getMessage()).containsPattern("the minimal case failed again in \\d+ of 20 replays");

    int reproduced = 0;
    int reruns = 10;
    for (int i = 0; i < reruns; i++) {
      PropertyFailure again =
          catchFailure(
              () ->
                  property(RacySemaphore::new)
                      .seed(found.seed())
                      .tries(1)
                      .checkConcurrently(2, held -> new Held()));
      if (again != null) {
        assertThat(again.seed()).isEqualTo(found.seed());
        assertThat(again.original()).isEqualTo(found.original());
        reproduced++;
      }
    }
    System.out.println("concurrent failure re-run from its seed failed again in " + reproduced + " of " + reruns);
    assertThat(reproduced).as("re-runs from the seed that failed again").isPositive();
  }

  @Test
  void checkConcurrently_raceInSystem_isFoundAndShrunk() {
    PropertyFailure failure =
        catchFailure(
            () -> property(RacySemaphore::new).seed(21).checkConcurrently(2, held -> new Held()));

    assertThat(failure.getMessage())
        .startsWith("ConcurrentStatefulTest.")
        .contains(": concurrent stateful property failed on try ")
        .contains("then in parallel:\n  ")
        .contains("after the parallel part, invariant \"never more than one permit out\" failed");
    assertThat(failure.minimal()).contains("thread 1: tryAcquire").contains("thread 2: tryAcquire");
  }

  @Test
  void checkConcurrently_threadSafeSystem_passes() {
    // Each branch starts owning nothing: permits the prefix holds stay with the prefix.
    Statistics statistics =
        property(SafeSemaphore::new).tries(50).seed(22).checkConcurrently(2, held -> new Held());

    assertThat(statistics.tries()).isEqualTo(50);
    assertThat(statistics.actionCounts().get("tryAcquire")).isPositive();
  }

  @Test
  void checkConcurrently_stepFailsUnderContention_namesThreadAndStep() {
    AtomicInteger inside = new AtomicInteger();
    PropertyFailure failure =
        catchFailure(
            () ->
                Stateful.<Held, Object>of(Held::new, Object::new)
                    .action(
                        "enter",
                        (held, s) -> {
                          int now = inside.incrementAndGet();
                          try {
                            LockSupport.parkNanos(100_000);
                            assertThat(inside.get()).as("threads inside at once").isEqualTo(now);
                          } finally {
                            inside.decrementAndGet();
                          }
                        })
                    .seed(23)
                    .checkConcurrently(3, Held::copy));

    assertThat(failure.getMessage()).containsPattern("thread \\d threw at enter:");
  }

  /** Counts what was given back against what was taken, atomically. */
  static final class Ledger {
    final AtomicInteger taken = new AtomicInteger();
    final AtomicInteger given = new AtomicInteger();
  }

  @Test
  void checkConcurrently_everyBranchGivesBackTheSamePermit_isCaught() {
    PropertyFailure failure =
        catchFailure(
            () ->
                Stateful.<Held, Ledger>of(Held::new, Ledger::new)
                    .action(
                        "take",
                        held -> held.permits == 0,
                        (held, ledger) -> {
                          ledger.taken.incrementAndGet();
                          held.permits++;
                        })
                    .action(
                        "give",
                        held -> held.permits > 0,
                        (held, ledger) -> {
                          ledger.given.incrementAndGet();
                          held.permits--;
                        })
                    .systemInvariant(
                        "given back at most what was taken",
                        ledger -> assertThat(ledger.given.get()).isLessThanOrEqualTo(ledger.taken.get()))
                    .seed(25)
                    .checkConcurrently(2, Held::copy));

    // Each branch's copy of the model holds the prefix's permit, so each gives it back once: a
    // forkModel that copies what the prefix owns lets every branch use it.
    assertThat(failure.minimal())
        .isEqualTo("1. take\nthen in parallel:\n  thread 1: give\n  thread 2: give");
  }

  /** Two locks taken in opposite orders by two actions: a deadlock waiting to happen. */
  static final class TwoLocks {
    final ReentrantLock a = new ReentrantLock();
    final ReentrantLock b = new ReentrantLock();

    void both(ReentrantLock first, ReentrantLock second) throws InterruptedException {
      first.lockInterruptibly();
      try {
        LockSupport.parkNanos(1_000_000); // lets the other thread take its first lock
        second.lockInterruptibly();
        second.unlock();
      } finally {
        first.unlock();
      }
    }
  }

  @Test
  void checkConcurrently_deadlock_isReportedWithTheStuckStack() {
    PropertyFailure failure =
        catchFailure(
            () ->
                Stateful.<Held, TwoLocks>of(Held::new, TwoLocks::new)
                    .action("aThenB", (held, locks) -> locks.both(locks.a, locks.b))
                    .action("bThenA", (held, locks) -> locks.both(locks.b, locks.a))
                    .maxSteps(2) // every step parks: keep the runs short
                    .branchSteps(2)
                    // long enough that a branch thread on a loaded machine is past its start
                    // before the deadline, so the stuck stack is the deadlock's
                    .branchDeadline(Duration.ofSeconds(1))
                    .seed(26)
                    .checkConcurrently(2, held -> new Held()));

    assertThat(failure.getMessage()).containsPattern("thread \\d is stuck \\(possible deadlock\\)");
    assertThat(failure.getCause())
        .hasMessageContaining("did not finish within PT1S; it may be deadlocked");
    assertThat(failure.getCause().getStackTrace())
        .anySatisfy(frame -> assertThat(frame.getMethodName()).isEqualTo("both"));
  }

  @Test
  void branchDeadline_notPositive_fails() {
    assertThatThrownBy(() -> property(RacySemaphore::new).branchDeadline(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("branch deadline not positive: PT0S; give the branches some time");
  }

  @Test
  void checkConcurrently_oneThread_fails() {
    assertThatThrownBy(() -> property(RacySemaphore::new).checkConcurrently(1, Held::copy))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threads < 2: 1; concurrent mode runs at least two branches");
  }
}
