package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.lifecycle.core.BoundedRegistry.WhenFull;
import dev.lifecycle.core.HostileKey.Attack;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The registry under user code that throws Errors, blocks, re-enters, or has broken keys. */
final class BoundedRegistryHostileTest {
  /** A bug that, before the fix, hung an acquire forever: fail the test instead. */
  private static final Duration HANG = Duration.ofSeconds(20);

  private final List<String> events = new CopyOnWriteArrayList<>();
  private final AtomicInteger open = new AtomicInteger();

  private final LifecycleListener recorder =
      new LifecycleListener() {
        @Override
        public void onValueCreated(RegistryEvent event) {
          events.add("created " + event.key());
        }

        @Override
        public void onEviction(RegistryEvent event) {
          events.add("evicted " + event.key());
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

  private static BoundedRegistry.Builder waiting(Duration maxWait) {
    return BoundedRegistry.newBuilder("hostile")
        .capacity(1)
        .whenFull(WhenFull.WAIT, maxWait)
        .closeTimeout(Duration.ofSeconds(30));
  }

  private RegistryValue value(Object key) {
    return new RegistryValue(String.valueOf(key), 1, false, open);
  }

  @Test
  void acquire_evictedValuesCloseThrowsError_nextKeyIsCreatedAndUsable() {
    try (BoundedRegistry<String, AutoCloseable> registry = waiting(Duration.ofSeconds(1)).build()) {
      assertTimeoutPreemptively(
          HANG,
          () -> {
            registry
                .acquire("a", k -> () -> {
                  throw new AssertionError("close of a throws on purpose");
                })
                .close();
            try (Lease<AutoCloseable> b = registry.acquire("b", k -> () -> {})) {
              assertThat(b.isOpen()).isTrue();
              assertThat(registry.stats().size()).isEqualTo(1);
              assertThat(registry.stats().leased()).isEqualTo(1);
            }
            registry.acquire("b", k -> () -> {}).close();
          });
      assertThat(registry.stats().leased()).isZero();
      assertThat(registry.contains("b")).isTrue();
    }
  }

  @Test
  void acquire_evictionListenerThrowsError_nextKeyIsCreatedAndValueClosedOnce() {
    LifecycleListener hostile =
        new LifecycleListener() {
          @Override
          public void onEviction(RegistryEvent event) {
            throw new StackOverflowError("listener throws on purpose");
          }
        };
    RegistryValue a = value("a");
    try (BoundedRegistry<String, RegistryValue> registry =
        waiting(Duration.ofSeconds(1)).listener(hostile).listener(recorder).build()) {
      assertTimeoutPreemptively(
          HANG,
          () -> {
            registry.acquire("a", k -> a).close();
            registry.acquire("b", this::value).close();
            registry.acquire("b", this::value).close();
          });
      assertThat(a.closes).hasValue(1);
      assertThat(events).containsExactly("created a", "evicted a", "closed a", "created b");
      assertThat(registry.stats().size()).isEqualTo(1);
    }
    assertThat(open).hasValue(0);
  }

  @Test
  void acquire_factoryAcquiresItsOwnKey_failsAtOnceNamingTheKey() {
    try (BoundedRegistry<String, RegistryValue> registry = waiting(Duration.ofSeconds(30)).build()) {
      assertTimeoutPreemptively(
          HANG,
          () ->
              assertThatThrownBy(
                      () ->
                          registry.acquire(
                              "tenant-7",
                              k -> {
                                try (Lease<RegistryValue> inner = registry.acquire(k, this::value)) {
                                  return inner.value();
                                }
                              }))
                  .isInstanceOf(IllegalStateException.class)
                  .hasMessage(
                      "the factory of key tenant-7 in registry \"hostile\" acquires that same key;"
                          + " the factory of a key must not acquire that key (it would wait for"
                          + " itself forever): build what it needs without the registry, or use"
                          + " another key"));
      assertThat(registry.stats().size()).isZero();
      assertThat(registry.stats().leased()).isZero();
    }
  }

  @Test
  void acquire_otherThreadStillCreatingTheKey_givesUpAfterTheMaxWait() throws Exception {
    CountDownLatch inFactory = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService creator = Executors.newSingleThreadExecutor();
    try (BoundedRegistry<String, RegistryValue> registry =
        BoundedRegistry.newBuilder("hostile")
            .capacity(2)
            .whenFull(WhenFull.WAIT, Duration.ofMillis(100))
            .build()) {
      Future<?> slow =
          creator.submit(
              () -> {
                registry
                    .acquire(
                        "slow",
                        k -> {
                          inFactory.countDown();
                          release.await(30, TimeUnit.SECONDS);
                          return value(k);
                        })
                    .close();
                return null;
              });
      assertThat(inFactory.await(30, TimeUnit.SECONDS)).isTrue();
      assertTimeoutPreemptively(
          HANG,
          () ->
              assertThatThrownBy(() -> registry.acquire("slow", this::value))
                  .isInstanceOf(CapacityExceededException.class)
                  .hasMessage(
                      "registry \"hostile\": the value of key slow was still being created by"
                          + " another thread after 100 ms (the max wait, set by"
                          + " Builder.whenFull(policy, maxWait), 30 s by default); make its factory"
                          + " faster or raise the wait"));
      assertThat(registry.stats().timeouts()).isEqualTo(1);
      release.countDown();
      slow.get(30, TimeUnit.SECONDS);
      assertThat(registry.stats().leased()).isZero();
    } finally {
      release.countDown();
      creator.shutdownNow();
    }
  }

  @Test
  void acquire_keyWhoseToStringThrows_keepsTheLeaseAndNamesTheKeyByIdentity() throws Exception {
    HostileKey key = new HostileKey("k", Attack.TO_STRING, 1);
    try (BoundedRegistry<HostileKey, RegistryValue> registry =
        BoundedRegistry.newBuilder("hostile").capacity(1).listener(recorder).build()) {
      try (Lease<RegistryValue> lease = registry.acquire(key, k -> value("k"))) {
        assertThat(lease.isOpen()).isTrue();
        assertThat(lease.toString()).contains("on " + HostileKey.class.getName() + "@");
      }
      assertThat(registry.invalidate(key)).isTrue();
      assertThat(registry.stats().size()).isZero();
    }
    String identity = HostileKey.class.getName() + "@";
    assertThat(events).hasSize(3).allSatisfy(event -> assertThat(event).contains(identity));
    assertThat(open).hasValue(0);
  }

  @Test
  void acquire_keyWhoseHashCodeThrows_failsCleanlyWithNothingLeftBehind() {
    HostileKey key = new HostileKey("k", Attack.HASH_CODE, 1);
    try (BoundedRegistry<HostileKey, RegistryValue> registry =
        BoundedRegistry.newBuilder("hostile").capacity(1).build()) {
      assertThatThrownBy(() -> registry.acquire(key, k -> value("k")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "key k (dev.lifecycle.core.HostileKey): its hashCode() threw"
                  + " java.lang.StackOverflowError: hashCode of key k throws on purpose; keys need"
                  + " an equals and hashCode that do not throw")
          .hasCauseInstanceOf(StackOverflowError.class);
      assertThat(registry.stats()).isEqualTo(new RegistryStats(0, 0, 0, 0, 0, 0, 0));
    }
    assertThat(open).hasValue(0);
  }

  @Test
  void acquire_keyWhoseEqualsThrows_failsCleanlyAndTheOtherKeyStaysUsable() throws Exception {
    HostileKey good = new HostileKey("good", Attack.NONE, 7);
    HostileKey bad = new HostileKey("bad", Attack.EQUALS, 7);
    try (BoundedRegistry<HostileKey, RegistryValue> registry =
        BoundedRegistry.newBuilder("hostile").capacity(2).build()) {
      try (Lease<RegistryValue> lease = registry.acquire(good, k -> value("good"))) {
        assertThatThrownBy(() -> registry.acquire(bad, k -> value("bad")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("key bad (dev.lifecycle.core.HostileKey): its equals(Object) threw")
            .hasCauseInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> registry.contains(bad)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.invalidate(bad)).isInstanceOf(IllegalArgumentException.class);
        assertThat(registry.stats().size()).isEqualTo(1);
        assertThat(registry.stats().leased()).isEqualTo(1);
        assertThat(lease.value().isClosed()).isFalse();
      }
      assertThat(registry.invalidate(good)).isTrue();
      assertThat(registry.stats().size()).isZero();
    }
    assertThat(open).hasValue(0);
  }

  @Test
  void acquire_factoryThrowsError_rethrowsItWithNothingLeftBehind() {
    try (BoundedRegistry<String, RegistryValue> registry =
        BoundedRegistry.newBuilder("hostile").capacity(1).build()) {
      assertThatThrownBy(() -> registry.acquire("a", k -> {
            throw new OutOfMemoryError("factory throws on purpose");
          }))
          .isInstanceOf(OutOfMemoryError.class);
      assertThat(registry.stats().size()).isZero();
      assertThat(registry.stats().leased()).isZero();
    }
  }

  @Test
  void builder_durationsOfForever_saturateInsteadOfOverflowing() throws Exception {
    Duration forever = ChronoUnit.FOREVER.getDuration();
    try (BoundedRegistry<String, RegistryValue> registry =
        BoundedRegistry.newBuilder("forever")
            .capacity(1)
            .whenFull(WhenFull.WAIT, forever)
            .idleTimeout(forever)
            .closeTimeout(Duration.ofSeconds(Long.MAX_VALUE))
            .build()) {
      try (Lease<RegistryValue> lease = registry.acquire("a", this::value)) {
        assertThat(lease.value().isClosed()).isFalse();
      }
      registry.cleanUp();
      assertThat(registry.contains("a")).isTrue();
    }
    assertThat(open).hasValue(0);
  }

  @Test
  void builder_nulls_areRejectedWithTheirName() {
    BoundedRegistry.Builder builder = BoundedRegistry.newBuilder("nulls");
    assertThatThrownBy(() -> BoundedRegistry.newBuilder(null)).hasMessage("registry name must not be null");
    assertThatThrownBy(() -> builder.whenFull(null, Duration.ZERO)).hasMessage("policy must not be null");
    assertThatThrownBy(() -> builder.whenFull(WhenFull.WAIT, null)).hasMessage("max wait must not be null");
    assertThatThrownBy(() -> builder.listener(null)).hasMessage("listener must not be null");
    assertThatThrownBy(() -> builder.ticker(null)).hasMessage("ticker must not be null");
  }
}
