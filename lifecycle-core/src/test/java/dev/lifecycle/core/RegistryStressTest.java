package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.core.BoundedRegistry.WhenFull;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Many threads, tens of thousands of random operations on one registry and one set of permits,
 * bounded by a deadline; the invariants are checked during the run and at the end.
 */
final class RegistryStressTest {
  private static final int THREADS = 8;
  private static final int OPERATIONS = 40_000;
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  /** Runs {@code body} on {@link #THREADS} threads until the operations are done or the deadline. */
  private static int hammer(Worker body) throws InterruptedException {
    AtomicInteger done = new AtomicInteger();
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      Thread thread =
          new Thread(
              () -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                try {
                  while (done.getAndIncrement() < OPERATIONS && System.nanoTime() < deadline) {
                    body.step(random);
                  }
                } catch (Throwable e) { // any failure of a worker fails the test below
                  failures.add(e);
                }
              },
              "stress-" + t);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join(DEADLINE.toMillis() * 2);
      assertThat(thread.isAlive()).as(thread.getName() + " finished").isFalse();
    }
    assertThat(failures).isEmpty();
    return Math.min(done.get(), OPERATIONS);
  }

  @FunctionalInterface
  interface Worker {
    void step(ThreadLocalRandom random) throws Exception;
  }

  @Test
  void registry_underConcurrentRandomOperations_keepsItsInvariants() throws Exception {
    int capacity = 4;
    AtomicInteger open = new AtomicInteger();
    AtomicInteger maxOpen = new AtomicInteger();
    AtomicInteger ids = new AtomicInteger();
    AtomicInteger closedWhileLeased = new AtomicInteger();
    Queue<RegistryValue> values = new ConcurrentLinkedQueue<>();
    AtomicLong failedCloses = new AtomicLong();
    BoundedRegistry<String, RegistryValue> registry =
        BoundedRegistry.newBuilder("stress")
            .capacity(capacity)
            .idleTimeout(Duration.ofNanos(200_000))
            .whenFull(WhenFull.WAIT, Duration.ofSeconds(5))
            .closeTimeout(Duration.ZERO)
            .listener(
                new LifecycleListener() {
                  @Override
                  public void onCloseFailed(RegistryEvent event) {
                    failedCloses.incrementAndGet();
                  }
                })
            .build();
    BoundedRegistry.Factory<String, RegistryValue> factory =
        key -> {
          int id = ids.incrementAndGet();
          if (id % 20 == 0) {
            throw new IOException("factory of " + key + " failed on purpose");
          }
          RegistryValue value = new RegistryValue(key, id, id % 17 == 0, open);
          maxOpen.accumulateAndGet(open.get(), Math::max);
          values.add(value);
          return value;
        };
    int operations;
    try {
      operations =
          hammer(
              random -> {
                String key = "k" + random.nextInt(12);
                int op = random.nextInt(10);
                if (op == 0) {
                  registry.invalidate(key);
                } else if (op == 1) {
                  registry.cleanUp();
                } else {
                  try (Lease<RegistryValue> lease = registry.acquire(key, factory)) {
                    if (op == 2) {
                      // the same value, unless another thread invalidated the key meanwhile
                      try (Lease<RegistryValue> again = registry.acquire(key, factory)) {
                        if (again.value().isClosed()) {
                          closedWhileLeased.incrementAndGet();
                        }
                      }
                    }
                    if (lease.value().isClosed()) {
                      closedWhileLeased.incrementAndGet();
                    }
                  } catch (BoundedRegistry.FactoryException e) {
                    assertThat(e).hasMessageContaining("failed on purpose");
                  }
                }
                assertThat(registry.size()).isLessThanOrEqualTo(capacity);
              });
      RegistryStats stats = registry.stats();
      assertThat(stats.leased()).isZero();
      assertThat(stats.size()).isLessThanOrEqualTo(capacity);
      assertThat(stats.hits() + stats.misses()).isPositive();
    } finally {
      registry.close();
    }
    assertThat(operations).isGreaterThan(1_000);
    assertThat(maxOpen.get()).as("values open at once").isLessThanOrEqualTo(capacity);
    assertThat(closedWhileLeased.get()).as("values closed while leased").isZero();
    assertThat(open.get()).as("values open after close").isZero();
    assertThat(registry.size()).isZero();
    long failing = 0;
    for (RegistryValue value : values) {
      assertThat(value.closes.get()).as("closes of " + value).isEqualTo(1);
      failing += value.failOnClose ? 1 : 0;
    }
    assertThat(failedCloses.get()).isEqualTo(failing);
  }

  @Test
  void permits_underConcurrentRandomOperationsAndInterrupts_neverDrift() throws Exception {
    int keys = 6;
    int perKey = 2;
    int global = 6;
    KeyedPermits<Integer> permits =
        KeyedPermits.<Integer>newBuilder().perKeyLimit(perKey).globalLimit(global).build();
    AtomicInteger[] holders = new AtomicInteger[keys];
    for (int i = 0; i < keys; i++) {
      holders[i] = new AtomicInteger();
    }
    AtomicInteger total = new AtomicInteger();
    AtomicInteger violations = new AtomicInteger();
    AtomicInteger interrupts = new AtomicInteger();
    int operations =
        hammer(
            random -> {
              int key = random.nextInt(keys);
              if (random.nextInt(50) == 0) {
                Thread.currentThread().interrupt(); // the next acquire must leave nothing counted
                interrupts.incrementAndGet();
              }
              if (random.nextInt(200) == 0) {
                assertThat(permits.audit().differences()).isEmpty();
              }
              Permit permit;
              try {
                permit =
                    random.nextBoolean()
                        ? permits.tryAcquire(key)
                        : permits.acquire(key, Duration.ofNanos(random.nextInt(2_000_000)));
              } catch (InterruptedException | CapacityExceededException e) {
                return;
              }
              if (permit == null) {
                return;
              }
              try (permit) {
                int forKey = holders[key].incrementAndGet();
                int inTotal = total.incrementAndGet();
                if (forKey > perKey || inTotal > global) {
                  violations.incrementAndGet();
                }
                for (int spin = random.nextInt(200); spin > 0; spin--) {
                  Thread.onSpinWait();
                }
                holders[key].decrementAndGet();
                total.decrementAndGet();
              }
              if (random.nextInt(10) == 0) {
                permit.close(); // a second close changes nothing
              }
            });
    Thread.interrupted();
    assertThat(operations).isGreaterThan(1_000);
    assertThat(interrupts.get()).isPositive();
    assertThat(violations.get()).as("limits exceeded").isZero();
    assertThat(permits.inUse()).isZero();
    assertThat(permits.waiting()).isZero();
    assertThat(permits.keyCount()).as("keys with state").isZero();
    PermitAudit audit = permits.audit();
    assertThat(audit.differences()).isEmpty();
    assertThat(audit.recounted()).isZero();
  }
}
