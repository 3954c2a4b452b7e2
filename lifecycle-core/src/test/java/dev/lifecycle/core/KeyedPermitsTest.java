package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class KeyedPermitsTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private final ExecutorService executor = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    executor.shutdownNow();
  }

  private static KeyedPermits<String> permits() {
    return KeyedPermits.<String>newBuilder().perKeyLimit(2).limit("c", 1).globalLimit(3).build();
  }

  @Test
  void tryAcquire_withinLimits_countsPerKeyAndInTotal() {
    KeyedPermits<String> permits = permits();
    try (Permit a1 = permits.tryAcquire("a");
        Permit a2 = permits.tryAcquire("a")) {
      assertThat(a1).isNotNull();
      assertThat(a2).isNotNull();
      assertThat(permits.tryAcquire("a")).as("over the key's limit").isNull();
      assertThat(permits.inUse("a")).isEqualTo(2);
      try (Permit c = permits.tryAcquire("c")) {
        assertThat(c).isNotNull();
        assertThat(c.key()).isEqualTo("c");
        assertThat(permits.tryAcquire("b")).as("over the global limit").isNull();
        assertThat(permits.inUse()).isEqualTo(3);
      }
    }
    assertThat(permits.inUse()).isZero();
    assertThat(permits.keyCount()).isZero();
    assertThat(permits.audit().isClean()).isTrue();
  }

  @Test
  void close_twice_releasesOnce() {
    KeyedPermits<String> permits = permits();
    Permit a = permits.tryAcquire("a");
    assertThat(a).isNotNull();
    Permit other = permits.tryAcquire("a");
    a.close();
    a.close();
    assertThat(a.isOpen()).isFalse();
    assertThat(permits.inUse("a")).isEqualTo(1);
    assertThat(other).isNotNull();
    other.close();
    assertThat(permits.inUse()).isZero();
  }

  @Test
  void acquire_timeout_throwsWithLimitsAndLeavesNothingCounted() throws Exception {
    KeyedPermits<String> permits = permits();
    try (Permit c = permits.acquire("c", Duration.ZERO)) {
      assertThat(c.isOpen()).isTrue();
      assertThatThrownBy(() -> permits.acquire("c", Duration.ofMillis(10)))
          .isInstanceOf(CapacityExceededException.class)
          .hasMessage(
              "no permit for key c within PT0.01S: 1 of 1 in use for the key, 1 of 3 in total, 0"
                  + " waiting; close permits sooner, raise the limits or wait longer");
      assertThat(permits.waiting("c")).isZero();
      assertThat(permits.inUse("c")).isEqualTo(1);
    }
    assertThat(permits.keyCount()).isZero();
    assertThat(permits.audit().isClean()).isTrue();
  }

  @Test
  void acquire_interruptedWhileWaiting_leavesNothingCounted() throws Exception {
    KeyedPermits<String> permits = permits();
    try (Permit c = permits.acquire("c", Duration.ZERO)) {
      Future<?> waiter = executor.submit(() -> permits.acquire("c", DEADLINE));
      BoundedRegistryTest.awaitCondition(() -> permits.waiting("c") == 1);
      waiter.cancel(true); // interrupts the waiting thread
      BoundedRegistryTest.awaitCondition(() -> permits.waiting("c") == 0);
      assertThat(permits.inUse("c")).isEqualTo(1);
      assertThat(c.isOpen()).isTrue();
    }
    assertThat(permits.inUse()).isZero();
    assertThat(permits.keyCount()).isZero();
    assertThat(permits.audit().isClean()).isTrue();
  }

  @Test
  void acquire_alreadyInterrupted_throwsAndCountsNothing() {
    KeyedPermits<String> permits = permits();
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> permits.acquire("a", DEADLINE))
        .isInstanceOf(InterruptedException.class)
        .hasMessage("interrupted before acquiring a permit for a");
    assertThat(permits.inUse()).isZero();
  }

  @Test
  void release_handsPermitToWaiter() throws Exception {
    KeyedPermits<String> permits = permits();
    Permit c = permits.acquire("c", Duration.ZERO);
    Future<Boolean> waiter =
        executor.submit(
            () -> {
              try (Permit next = permits.acquire("c", DEADLINE)) {
                return permits.inUse("c") == 1 && next.isOpen();
              }
            });
    BoundedRegistryTest.awaitCondition(() -> permits.waiting("c") == 1);
    c.close();
    assertThat(waiter.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(permits.inUse()).isZero();
    assertThat(permits.audit().isClean()).isTrue();
  }

  @Test
  void fairness_hotKeyCannotStarveAnotherKeyOfTheGlobalBudget() throws Exception {
    KeyedPermits<String> permits =
        KeyedPermits.<String>newBuilder().perKeyLimit(4).globalLimit(4).build();
    List<Permit> hot = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      hot.add(permits.acquire("hot", Duration.ZERO));
    }
    Future<Permit> cold = executor.submit(() -> permits.acquire("cold", DEADLINE));
    BoundedRegistryTest.awaitCondition(() -> permits.waiting("cold") == 1);
    // the hot key keeps asking: it must not overtake the cold waiter
    List<Future<Permit>> moreHot = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      moreHot.add(executor.submit(() -> permits.acquire("hot", DEADLINE)));
    }
    BoundedRegistryTest.awaitCondition(() -> permits.waiting("hot") == 3);
    hot.remove(0).close();
    try (Permit coldPermit = cold.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
      assertThat(coldPermit.key()).isEqualTo("cold");
      assertThat(permits.tryAcquire("hot")).isNull();
      assertThat(permits.inUse("hot")).isEqualTo(3);
    }
    // the permit the cold key released goes to the first hot waiter
    BoundedRegistryTest.awaitCondition(() -> permits.waiting("hot") == 2);
    hot.forEach(Permit::close);
    for (Future<Permit> future : moreHot) {
      future.get(DEADLINE.toSeconds(), TimeUnit.SECONDS).close();
    }
    assertThat(permits.inUse()).isZero();
    assertThat(permits.keyCount()).isZero();
    assertThat(permits.audit().isClean()).isTrue();
  }

  @Test
  void waiterAtItsKeyLimit_doesNotHoldUpOtherKeys() throws Exception {
    KeyedPermits<String> permits = permits();
    Permit c = permits.acquire("c", Duration.ZERO);
    Future<Object> cWaiter =
        executor.submit(
            () -> {
              try (Permit next = permits.acquire("c", DEADLINE)) {
                return next.key();
              }
            });
    BoundedRegistryTest.awaitCondition(() -> permits.waiting("c") == 1);
    try (Permit a = permits.tryAcquire("a")) {
      assertThat(a).as("a is under both limits").isNotNull();
    }
    assertThat(c.isOpen()).isTrue();
    c.close();
    assertThat(cWaiter.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("c");
    assertThat(permits.inUse()).isZero();
  }

  @Test
  void builder_badLimits_areRejectedWithValue() {
    assertThatThrownBy(() -> KeyedPermits.<String>newBuilder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no limit set; set perKeyLimit(n), globalLimit(n) or both before build()");
    assertThatThrownBy(() -> KeyedPermits.<String>newBuilder().perKeyLimit(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("per-key limit must be at least 1: 0");
    assertThatThrownBy(() -> KeyedPermits.<String>newBuilder().limit("x", -2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit of key x must be at least 1: -2");
    assertThatThrownBy(() -> permits().acquire("a", Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must not be negative: PT-1S");
  }
}
