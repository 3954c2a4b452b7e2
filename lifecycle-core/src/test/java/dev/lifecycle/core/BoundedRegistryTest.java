package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.core.BoundedRegistry.WhenFull;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class BoundedRegistryTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger created = new AtomicInteger();
  private final AtomicLong now = new AtomicLong();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<BoundedRegistry<String, RegistryValue>> registries = new ArrayList<>();

  private final LifecycleListener listener =
      new LifecycleListener() {
        @Override
        public void onValueCreated(RegistryEvent event) {
          events.add("created " + event.key());
        }

        @Override
        public void onEviction(RegistryEvent event) {
          events.add("evicted " + event.key() + " " + event.cause());
        }

        @Override
        public void onValueClosed(RegistryEvent event) {
          events.add("closed " + event.key());
        }

        @Override
        public void onCloseFailed(RegistryEvent event) {
          events.add("close failed " + event.key() + ": " + event.failure());
        }
      };

  private BoundedRegistry<String, RegistryValue> registry(int capacity, WhenFull policy, Duration wait) {
    BoundedRegistry<String, RegistryValue> registry =
        BoundedRegistry.newBuilder("test")
            .capacity(capacity)
            .whenFull(policy, wait)
            .idleTimeout(Duration.ofSeconds(10))
            .closeTimeout(Duration.ZERO)
            .ticker(now::get)
            .listener(listener)
            .build();
    registries.add(registry);
    return registry;
  }

  private BoundedRegistry<String, RegistryValue> registry(int capacity) {
    return registry(capacity, WhenFull.FAIL_FAST, Duration.ZERO);
  }

  @AfterEach
  void closeRegistries() {
    registries.forEach(BoundedRegistry::close);
  }

  private RegistryValue value(String key) {
    return new RegistryValue(key, created.incrementAndGet(), false, open);
  }

  private RegistryValue failingValue(String key) {
    return new RegistryValue(key, created.incrementAndGet(), true, open);
  }

  @Test
  void acquire_sameKeyTwice_createsOnceAndCountsHit() throws Exception {
    BoundedRegistry<String, RegistryValue> registry = registry(2);
    try (Lease<RegistryValue> first = registry.acquire("a", this::value);
        Lease<RegistryValue> second = registry.acquire("a", this::value)) {
      assertThat(second.value()).isSameAs(first.value());
      assertThat(second.key()).isEqualTo("a");
    }
    assertThat(registry.stats()).isEqualTo(new RegistryStats(1, 0, 1, 1, 0, 0, 0));
    assertThat(events).containsExactly("created a");
  }

  @Test
  void acquire_atCapacity_evictsLeastRecentlyUsedIdleValueAndClosesItFirst() throws Exception {
    BoundedRegistry<String, RegistryValue> registry = registry(2);
    RegistryValue a;
    RegistryValue b;
    try (Lease<RegistryValue> lease = registry.acquire("a", this::value)) {
      a = lease.value();
    }
    try (Lease<RegistryValue> lease = registry.acquire("b", this::value)) {
      b = lease.value();
    }
    registry.acquire("a", this::value).close(); // a is now more recently used than b
    try (Lease<RegistryValue> lease = registry.acquire("c", key -> {
      assertThat(open.get()).as("values open while c is created").isEqualTo(1);
      return value(key);
    })) {
      assertThat(lease.value().key).isEqualTo("c");
    }
    assertThat(b.closes.get()).isEqualTo(1);
    assertThat(a.isClosed()).isFalse();
    assertThat(registry.contains("b")).isFalse();
    assertThat(registry.stats().evictions()).isEqualTo(1);
    assertThat(events).containsSubsequence("evicted b SIZE", "closed b", "created c");
  }

  @Test
  void acquire_leasedValue_isNeverEvicted() throws Exception {
    BoundedRegistry<String, RegistryValue> registry = registry(1);
    try (Lease<RegistryValue> a = registry.acquire("a", this::value)) {
      assertThatThrownBy(() -> registry.acquire("b", this::value))
          .isInstanceOf(CapacityExceededException.class)
          .hasMessage(
              "registry \"test\" is full: capacity 1, 1 leased; no room for key b (policy"
                  + " FAIL_FAST); close leases sooner, raise the capacity or the wait");
      assertThat(a.value().isClosed()).isFalse();
    }
    assertThat(registry.stats().size()).isEqualTo(1);
  }

  @Test
  void acquire_fullWithWait_timesOutWithMessageAndCounts() throws Exception {
    BoundedRegistry<String, RegistryValue> registry =
        registry(1, WhenFull.WAIT, Duration.ofMillis(20));
    try (Lease<RegistryValue> a = registry.acquire("a", this::value)) {
      assertThat(a.isOpen()).isTrue();
      assertThatThrownBy(() -> registry.acquire("b", this::value))
          .isInstanceOf(CapacityExceededException.class)
          .hasMessage(
              "registry \"test\" is full: capacity 1, 1 leased; no room for key b within 20 ms (the"
                  + " max wait, set by Builder.whenFull(WAIT, maxWait), 30 s by default); close"
                  + " leases sooner, raise the capacity or the wait");
    }
    RegistryStats stats = registry.stats();
    assertThat(stats.waits()).isEqualTo(1);
    assertThat(stats.timeouts()).isEqualTo(1);
    assertThat(stats.leased()).isZero();
  }

  @Test
  void acquire_fullWithWait_getsRoomWhenALeaseIsReleased() throws Exception {
    BoundedRegistry<String, RegistryValue> registry = registry(1, WhenFull.WAIT, DEADLINE);
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      Lease<RegistryValue> a = registry.acquire("a", this::value);
      Future<String> b =
          executor.submit(
              () -> {
                try (Lease<RegistryValue> lease = registry.acquire("b", this::value)) {
                  return lease.value().key;
                }
              });
      awaitCondition(() -> registry.stats().waits() == 1);
      RegistryValue aValue = a.value();
      a.close();
      assertThat(b.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("b");
      assertThat(aValue.closes.get()).isEqualTo(1);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void acquire_interruptedWhileWaiting_leavesNothingLeased() throws Exception {
    BoundedRegistry<String, RegistryValue> registry = registry(1, WhenFull.WAIT, DEADLINE);
    try (Lease<RegistryValue> a = registry.acquire("a", this::value)) {
      assertThat(a.isOpen()).isTrue();
      Thread.currentThread().interrupt();
      assertThatThrownBy(() -> registry.acquire("b", this::value))
          .isInstanceOf(InterruptedException.class);
      assertThat(Thread.interrupted()).isFalse();
      assertThat(registry.stats().leased()).isEqualTo(1);
      assertThat(registry.stats().size()).isEqualTo(1);
    }
  }

  @Test
  void idleTimeout_expiredValue_isClosedOnCleanUpButLeasedOneIsNot() throws Exception {
    BoundedRegistry<String, RegistryValue> registry = registry(3);
    RegistryValue a;
    try (Lease<RegistryValue> lease = registry.acquire("a", this::value)) {
      a = lease.value();
    }
    try (Lease<RegistryValue> b = registry.acquire("b", this::value)) {
      now.addAndGet(Duration.ofSeconds(9).toNanos());
      registry.cleanUp();
      assertThat(a.isClosed()).isFalse();
      now.addAndGet(Duration.ofSeconds(1).toNanos());
      registry.cleanUp();
      assertThat(a.closes.get()).isEqualTo(1);
      now.addAndGet(Duration.ofSeconds(60).toNanos());
      registry.cleanUp();
      assertThat(b.value().isClosed()).isFalse();
    }
    assertThat(registry.contains("a")).isFalse();
    assertThat(events).contains("evicted a EXPIRED");
  }

  @Test
  void acquire_concurrentMissesOfOneKey_createTheValueOnce() throws Exception {
    BoundedRegistry<String, RegistryValue> registry = registry(4, WhenFull.WAIT, DEADLINE);
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch inFactory = new CountDownLatch(1);
    CountDownLatch proceed = new CountDownLatch(1);
    AtomicInteger factoryCalls = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Future<RegistryValue>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            executor.submit(
                () -> {
                  start.await();
                  try (Lease<RegistryValue> lease =
                      registry.acquire(
                          "shared",
                          key -> {
                            factoryCalls.incrementAndGet();
                            inFactory.countDown();
                            assertThat(proceed.await(30, TimeUnit.SECONDS)).isTrue();
                            return value(key);
                          })) {
                    return lease.value();
                  }
                }));
      }
      start.countDown();
      assertThat(inFactory.await(30, TimeUnit.SECONDS)).isTrue();
      proceed.countDown();
      RegistryValue first = results.get(0).get(30, TimeUnit.SECONDS);
      for (Future<RegistryValue> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).isSameAs(first);
      }
      assertThat(factoryCalls.get()).isEqualTo(1);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void acquire_factoryThrows_leavesNoEntryAndNoLease() throws Exception {
    BoundedRegistry<String, RegistryValue> registry = registry(1);
    IllegalArgumentException boom = new IllegalArgumentException("no such tenant");
    assertThatThrownBy(() -> registry.acquire("a", key -> {
      throw boom;
    })).isSameAs(boom);
    assertThat(registry.stats()).isEqualTo(new RegistryStats(0, 0, 0, 1, 0, 0, 0));
    assertThat(registry.contains("a")).isFalse();
    try (Lease<RegistryValue> a = registry.acquire("a", this::value)) {
      assertThat(a.value().key).isEqualTo("a");
    }
  }

  @Test
  void acquire_factoryThrowsChecked_isWrappedWithKey() {
    BoundedRegistry<String, RegistryValue> registry = registry(1);
    IOException refused = new IOException("connection refused");
    assertThatThrownBy(() -> registry.acquire("db://admin:secret@host/a", key -> {
      throw refused;
    }))
        .isInstanceOf(BoundedRegistry.FactoryException.class)
        .hasMessage(
            "the factory of registry \"test\" threw a checked exception for key db://***@host/a (it"
                + " is the cause; nothing was created): java.io.IOException: connection refused")
        .hasCause(refused);
    assertThat(registry.size()).isZero();
  }

  @Test
  void acquire_factoryReturnsNull_failsAndLeavesNothing() {
    BoundedRegistry<String, RegistryValue> registry = registry(1);
    assertThatThrownBy(() -> registry.acquire("a", key -> null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the factory of registry \"test\" returned null for key a; a factory must return a"
                + " value or throw");
    assertThat(registry.size()).isZero();
  }

  @Test
  void close_valueThrows_isRemovedAndFailureReported() throws Exception {
    BoundedRegistry<String, RegistryValue> registry = registry(1);
    RegistryValue a;
    try (Lease<RegistryValue> lease = registry.acquire("a", this::failingValue)) {
      a = lease.value();
    }
    assertThat(registry.invalidate("a")).isTrue();
    assertThat(a.closes.get()).isEqualTo(1);
    assertThat(registry.size()).isZero();
    assertThat(events)
        .contains("close failed a: java.io.IOException: close of a#1 failed")
        .doesNotContain("closed a");
  }

  @Test
  void invalidate_leasedValue_isClosedAfterItsLastLease() throws Exception {
    BoundedRegistry<String, RegistryValue> registry = registry(1);
    Lease<RegistryValue> first = registry.acquire("a", this::value);
    Lease<RegistryValue> second = registry.acquire("a", this::value);
    RegistryValue a = first.value();
    assertThat(registry.invalidate("a")).isTrue();
    assertThat(registry.contains("a")).isFalse();
    assertThat(registry.size()).isEqualTo(1); // still open: counts against the capacity
    first.close();
    assertThat(a.isClosed()).isFalse();
    second.close();
    second.close();
    assertThat(a.closes.get()).isEqualTo(1);
    assertThat(registry.size()).isZero();
    assertThat(registry.invalidate("a")).isFalse();
  }

  @Test
  void lease_afterClose_failsOnValue() throws Exception {
    BoundedRegistry<String, RegistryValue> registry = registry(1);
    Lease<RegistryValue> lease = registry.acquire("a", this::value);
    lease.close();
    lease.close();
    assertThat(lease.isOpen()).isFalse();
    assertThatThrownBy(lease::value)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("lifecycle.Lease#")
        .hasMessageContaining(" is closed: ");
    assertThat(registry.stats().leased()).isZero();
  }

  @Test
  void close_closesIdleAndForceClosesLeasedAndRefusesAcquire() throws Exception {
    BoundedRegistry<String, RegistryValue> registry = registry(2);
    RegistryValue a;
    try (Lease<RegistryValue> lease = registry.acquire("a", this::value)) {
      a = lease.value();
    }
    Lease<RegistryValue> b = registry.acquire("b", this::value);
    RegistryValue bValue = b.value();
    registry.close();
    registry.close();
    assertThat(a.closes.get()).isEqualTo(1);
    assertThat(bValue.closes.get()).isEqualTo(1);
    assertThat(registry.size()).isZero();
    assertThatThrownBy(b::value)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the value of key b was force-closed when registry \"test\" closed while it was leased;"
                + " close leases before the registry, or give the registry a longer close timeout");
    b.close();
    assertThat(bValue.closes.get()).isEqualTo(1);
    assertThatThrownBy(() -> registry.acquire("c", this::value))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("registry \"test\" is closed; cannot acquire key c; acquire before closing the registry");
    assertThat(events).contains("evicted a CLOSED", "evicted b CLOSED");
  }

  @Test
  void close_withTimeout_waitsForLeaseReleasedByAnotherThread() throws Exception {
    BoundedRegistry<String, RegistryValue> registry =
        BoundedRegistry.newBuilder("waiting").capacity(1).closeTimeout(DEADLINE).build();
    Lease<RegistryValue> a = registry.acquire("a", this::value);
    RegistryValue value = a.value();
    Thread releaser =
        new Thread(
            () -> {
              awaitCondition(() -> !registry.contains("a"));
              a.close();
            });
    releaser.start();
    registry.close(); // returns once the lease is released: value closed normally, not forced
    releaser.join(DEADLINE.toMillis());
    assertThat(value.closes.get()).isEqualTo(1);
    assertThat(registry.size()).isZero();
  }

  @Test
  void invalidate_duringCreation_creatorKeepsItsLeaseAndValueClosesAfterIt() throws Exception {
    BoundedRegistry<String, RegistryValue> registry = registry(1);
    RegistryValue value;
    try (Lease<RegistryValue> lease =
        registry.acquire(
            "a",
            key -> {
              assertThat(registry.invalidate(key)).isTrue();
              return value(key);
            })) {
      value = lease.value();
      assertThat(registry.contains("a")).isFalse();
      assertThat(value.isClosed()).isFalse();
    }
    assertThat(value.closes.get()).isEqualTo(1);
    assertThat(registry.size()).isZero();
  }

  @Test
  void close_duringCreation_closesTheNewValueAndRefusesTheAcquire() {
    BoundedRegistry<String, RegistryValue> registry = registry(1);
    List<RegistryValue> made = new ArrayList<>();
    assertThatThrownBy(
            () ->
                registry.acquire(
                    "a",
                    key -> {
                      registry.close();
                      RegistryValue value = value(key);
                      made.add(value);
                      return value;
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("registry \"test\" is closed; cannot acquire key a; acquire before closing the registry");
    assertThat(made).singleElement().satisfies(v -> assertThat(v.closes.get()).isEqualTo(1));
    assertThat(registry.size()).isZero();
  }

  @Test
  void builder_badArguments_areRejectedWithValue() {
    assertThatThrownBy(() -> BoundedRegistry.newBuilder(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("registry name must not be blank: \" \"");
    assertThatThrownBy(() -> BoundedRegistry.newBuilder("r").capacity(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacity must be at least 1: 0");
    assertThatThrownBy(() -> BoundedRegistry.newBuilder("r").idleTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("idle timeout must not be negative: PT-1S");
    assertThatThrownBy(
            () -> BoundedRegistry.newBuilder("r").whenFull(WhenFull.WAIT, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max wait must not be negative: PT-0.001S");
  }

  /** Polls {@code condition} until it holds; fails after {@link #DEADLINE}. */
  static void awaitCondition(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + DEADLINE);
      }
      Thread.onSpinWait();
      java.util.concurrent.locks.LockSupport.parkNanos(100_000); // a pause between polls
    }
  }
}
