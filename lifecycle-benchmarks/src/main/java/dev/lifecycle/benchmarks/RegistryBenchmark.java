package dev.lifecycle.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lifecycle.core.BoundedRegistry;
import dev.lifecycle.core.DetectionLevel;
import dev.lifecycle.core.Lease;
import dev.lifecycle.core.Tracker;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * {@link BoundedRegistry} next to the caches a user would pick instead: Caffeine, and a
 * synchronized access-ordered {@link LinkedHashMap}. {@code hit*}: look up a present key (the
 * registry also takes and releases a tracked lease). {@code cycle*}: a new key in a full
 * structure, so each operation creates a value, evicts the least recently used one and closes it.
 * Run with {@code -t 1} and {@code -t 2}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class RegistryBenchmark {
  static final int CAPACITY = 1024;
  static final int HOT_KEYS = 256;

  /** A value whose close is observable, so that closing it is not optimized away. */
  static final class Value implements AutoCloseable {
    final int key;
    volatile boolean closed;

    Value(int key) {
      this.key = key;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** Each thread's own key sequence: hot keys for hits, fresh keys for cycles. */
  @State(Scope.Thread)
  public static class Keys {
    private static final AtomicInteger THREADS = new AtomicInteger();
    final Integer[] hot = new Integer[HOT_KEYS];
    int next;
    int fresh;

    @Setup
    public void setUp() {
      for (int i = 0; i < HOT_KEYS; i++) {
        hot[i] = i;
      }
      fresh = (THREADS.incrementAndGet() << 24) + HOT_KEYS;
    }

    Integer hot() {
      next = (next + 1) & (HOT_KEYS - 1);
      return hot[next];
    }

    Integer fresh() {
      return fresh++;
    }
  }

  final BoundedRegistry<Integer, Value> registry =
      BoundedRegistry.newBuilder("benchmark").capacity(CAPACITY).build();
  final Tracker offTracker = Tracker.newBuilder().name("off").level(DetectionLevel.OFF).build();
  final BoundedRegistry<Integer, Value> untracked =
      BoundedRegistry.newBuilder("untracked").capacity(CAPACITY).tracker(offTracker).build();
  final Cache<Integer, Value> caffeine =
      Caffeine.newBuilder()
          .maximumSize(CAPACITY)
          .executor(Runnable::run) // evict and close on the caller, as the registry does
          .<Integer, Value>evictionListener(
              (key, value, cause) -> {
                if (value != null) {
                  value.close();
                }
              })
          .build();
  final Map<Integer, Value> linkedHashMap =
      new LinkedHashMap<>(CAPACITY * 2, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Value> eldest) {
          if (size() > CAPACITY) {
            eldest.getValue().close();
            return true;
          }
          return false;
        }
      };

  @Setup
  public void setUp() throws InterruptedException {
    for (int i = 0; i < CAPACITY; i++) {
      Integer key = i;
      registry.acquire(key, Value::new).close();
      untracked.acquire(key, Value::new).close();
      caffeine.put(key, new Value(key));
      linkedHashMap.put(key, new Value(key));
    }
  }

  @TearDown
  public void tearDown() {
    registry.close();
    untracked.close();
    offTracker.close();
  }

  /** Registry hit: acquire a tracked lease on a present value, read it, release the lease. */
  @Benchmark
  public int hitRegistry(Keys keys) throws InterruptedException {
    try (Lease<Value> lease = registry.acquire(keys.hot(), Value::new)) {
      return lease.value().key;
    }
  }

  /** Registry hit with leak tracking off: what the lease's tracking costs. */
  @Benchmark
  public int hitRegistryUntracked(Keys keys) throws InterruptedException {
    try (Lease<Value> lease = untracked.acquire(keys.hot(), Value::new)) {
      return lease.value().key;
    }
  }

  /** Caffeine hit: {@code getIfPresent}. */
  @Benchmark
  public int hitCaffeine(Keys keys) {
    Value value = caffeine.getIfPresent(keys.hot());
    return value == null ? -1 : value.key;
  }

  /** Synchronized LRU hit: {@code get} (which reorders) under the map's lock. */
  @Benchmark
  public int hitLinkedHashMap(Keys keys) {
    synchronized (linkedHashMap) {
      Value value = linkedHashMap.get(keys.hot());
      return value == null ? -1 : value.key;
    }
  }

  /** Registry miss at capacity: create, evict the LRU value and close it, lease and release. */
  @Benchmark
  public int cycleRegistry(Keys keys) throws InterruptedException {
    try (Lease<Value> lease = registry.acquire(keys.fresh(), Value::new)) {
      return lease.value().key;
    }
  }

  /** Registry miss at capacity with leak tracking off. */
  @Benchmark
  public int cycleRegistryUntracked(Keys keys) throws InterruptedException {
    try (Lease<Value> lease = untracked.acquire(keys.fresh(), Value::new)) {
      return lease.value().key;
    }
  }

  /** Caffeine miss at capacity: {@code get(key, create)}, eviction listener closes. */
  @Benchmark
  public int cycleCaffeine(Keys keys) {
    return caffeine.get(keys.fresh(), Value::new).key;
  }

  /** Synchronized LRU miss at capacity: {@code computeIfAbsent}, eldest closed and removed. */
  @Benchmark
  public int cycleLinkedHashMap(Keys keys) {
    Integer key = keys.fresh();
    synchronized (linkedHashMap) {
      return linkedHashMap.computeIfAbsent(key, Value::new).key;
    }
  }
}
