package dev.lifecycle.benchmarks;

import dev.lifecycle.core.DetectionLevel;
import dev.lifecycle.core.KeyedPermits;
import dev.lifecycle.core.Permit;
import dev.lifecycle.core.Tracker;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A {@link KeyedPermits} round trip (acquire and release one permit) next to a {@link Semaphore}
 * round trip, and next to what a user would write with semaphores for per-key and global limits
 * (a map of semaphores plus a global one). {@code permitsUntracked} uses a tracker at level
 * {@code OFF}, to show what tracking costs. Run with {@code -t 1} and {@code -t 2}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class PermitsBenchmark {
  static final int KEYS = 16;
  static final int LIMIT = 1_000;

  /** Each thread's key sequence. */
  @State(Scope.Thread)
  public static class Keys {
    final String[] keys = new String[KEYS];
    int next;

    @Setup
    public void setUp() {
      for (int i = 0; i < KEYS; i++) {
        keys[i] = "mx" + i + ".example.org";
      }
    }

    String next() {
      next = (next + 1) & (KEYS - 1);
      return keys[next];
    }
  }

  final KeyedPermits<String> permits =
      KeyedPermits.<String>newBuilder().perKeyLimit(LIMIT).globalLimit(LIMIT).build();
  final Tracker offTracker = Tracker.newBuilder().name("off").level(DetectionLevel.OFF).build();
  final KeyedPermits<String> untracked =
      KeyedPermits.<String>newBuilder()
          .perKeyLimit(LIMIT)
          .globalLimit(LIMIT)
          .tracker(offTracker)
          .build();
  final Semaphore semaphore = new Semaphore(LIMIT);
  final Semaphore global = new Semaphore(LIMIT);
  final ConcurrentHashMap<String, Semaphore> perKey = new ConcurrentHashMap<>();

  @TearDown
  public void tearDown() {
    offTracker.close();
  }

  /** Keyed permits: tryAcquire a tracked permit and close it. */
  @Benchmark
  public boolean permits(Keys keys) {
    try (Permit permit = permits.tryAcquire(keys.next())) {
      return permit != null;
    }
  }

  /** Keyed permits with tracking off. */
  @Benchmark
  public boolean permitsUntracked(Keys keys) {
    try (Permit permit = untracked.tryAcquire(keys.next())) {
      return permit != null;
    }
  }

  /** One semaphore: tryAcquire and release. */
  @Benchmark
  public boolean semaphore() {
    if (semaphore.tryAcquire()) {
      semaphore.release();
      return true;
    }
    return false;
  }

  /** Hand-written per-key and global limits: a semaphore per key (kept forever) plus a global one. */
  @Benchmark
  public boolean semaphorePerKeyAndGlobal(Keys keys) {
    Semaphore forKey = perKey.computeIfAbsent(keys.next(), k -> new Semaphore(LIMIT));
    if (!forKey.tryAcquire()) {
      return false;
    }
    if (!global.tryAcquire()) {
      forKey.release();
      return false;
    }
    global.release();
    forKey.release();
    return true;
  }
}
