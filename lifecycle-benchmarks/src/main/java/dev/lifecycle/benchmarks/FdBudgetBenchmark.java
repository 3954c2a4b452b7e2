package dev.lifecycle.benchmarks;

import dev.lifecycle.core.DetectionLevel;
import dev.lifecycle.core.FdBudget;
import dev.lifecycle.core.Tracker;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@code tryReserve(1)} and its release, at 1 and 2 threads, next to the peer a user would
 * write instead: {@code Semaphore.tryAcquire()} and {@code release()} on a plain semaphore. The
 * budget is {@code FdBudget.system()} (it re-reads the real open count every 100 ms), once with
 * reservations tracked by the global tracker (the default, SAMPLED) and once with a tracker at OFF.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class FdBudgetBenchmark {
  private final FdBudget budget = FdBudget.system();
  private final Tracker off = Tracker.newBuilder().name("fd-budget-bench").level(DetectionLevel.OFF).build();
  private final FdBudget budgetNoReclaim = FdBudget.newBuilder().tracker(off).build();
  private final Semaphore semaphore = new Semaphore((int) Math.min(Integer.MAX_VALUE, budget.capacity()));

  /** Stops the OFF tracker (it has no thread, but it is a resource like any other). */
  @TearDown
  public void stop() {
    off.close();
  }

  /** The default budget, one thread. */
  @Benchmark
  @Threads(1)
  public boolean budget1() {
    return reserveAndRelease(budget);
  }

  /** The default budget, two threads. */
  @Benchmark
  @Threads(2)
  public boolean budget2() {
    return reserveAndRelease(budget);
  }

  /** A budget whose tracker is OFF, one thread. */
  @Benchmark
  @Threads(1)
  public boolean budgetNoReclaim1() {
    return reserveAndRelease(budgetNoReclaim);
  }

  /** A budget whose tracker is OFF, two threads. */
  @Benchmark
  @Threads(2)
  public boolean budgetNoReclaim2() {
    return reserveAndRelease(budgetNoReclaim);
  }

  /** The peer: a plain semaphore, one thread. */
  @Benchmark
  @Threads(1)
  public boolean semaphore1() {
    return acquireAndRelease(semaphore);
  }

  /** The peer: a plain semaphore, two threads. */
  @Benchmark
  @Threads(2)
  public boolean semaphore2() {
    return acquireAndRelease(semaphore);
  }

  private static boolean reserveAndRelease(FdBudget budget) {
    try (FdBudget.Reservation reservation = budget.tryReserve(1)) {
      return reservation != null;
    }
  }

  private static boolean acquireAndRelease(Semaphore semaphore) {
    if (semaphore.tryAcquire()) {
      semaphore.release();
      return true;
    }
    return false;
  }
}
