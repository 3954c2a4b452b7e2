package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.core.HostileKey.Attack;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Permits under huge timeouts and keys whose methods throw. */
final class KeyedPermitsHostileTest {
  @Test
  void acquire_foreverTimeoutOnAFullKey_waitsForTheHandOffAndLeavesNoState() throws Exception {
    KeyedPermits<String> permits = KeyedPermits.<String>newBuilder().perKeyLimit(1).build();
    Duration forever = ChronoUnit.FOREVER.getDuration();
    ExecutorService waiter = Executors.newSingleThreadExecutor();
    try {
      for (int i = 0; i < 100; i++) {
        String key = "key-" + i;
        Permit held = permits.acquire(key, Duration.ZERO);
        Future<Permit> handedOff = waiter.submit(() -> permits.acquire(key, forever));
        BoundedRegistryTest.awaitCondition(() -> permits.waiting(key) == 1 || handedOff.isDone());
        assertThat(handedOff.isDone()).as("a forever acquire waits, it does not fail").isFalse();
        held.close();
        handedOff.get(30, TimeUnit.SECONDS).close();
      }
    } finally {
      waiter.shutdownNow();
    }
    assertThat(permits.keyCount()).isZero();
    assertThat(permits.inUse()).isZero();
    assertThat(permits.audit().isClean()).isTrue();
    try (Permit permit = permits.acquire("free", forever)) {
      assertThat(permit.isOpen()).isTrue();
    }
  }

  @Test
  void acquire_negativeTimeout_isRejectedBeforeAnyStateChanges() {
    KeyedPermits<String> permits = KeyedPermits.<String>newBuilder().perKeyLimit(1).build();
    assertThatThrownBy(() -> permits.acquire("a", Duration.ofSeconds(-1)))
        .hasMessage("timeout must not be negative: PT-1S");
    assertThatThrownBy(() -> permits.acquire("a", null)).hasMessage("timeout must not be null");
    assertThat(permits.keyCount()).isZero();
  }

  @Test
  void acquire_timeoutWithoutGlobalLimit_saysNothingOfAGlobalLimit() throws Exception {
    KeyedPermits<String> permits = KeyedPermits.<String>newBuilder().perKeyLimit(1).build();
    try (Permit held = permits.acquire("a", Duration.ZERO)) {
      assertThat(held.isOpen()).isTrue();
      assertThatThrownBy(() -> permits.acquire("a", Duration.ofMillis(10)))
          .isInstanceOf(CapacityExceededException.class)
          .hasMessage(
              "no permit for key a within PT0.01S: 1 of 1 in use for the key, 1 in use in total (no"
                  + " global limit), 0 waiting; close permits sooner, raise the limits or wait longer");
    }
    assertThat(permits.toString()).isEqualTo("KeyedPermits[per key 1, global unlimited]");
  }

  @Test
  void acquire_timeoutWithoutPerKeyLimit_saysNothingOfAPerKeyLimit() throws Exception {
    KeyedPermits<String> permits = KeyedPermits.<String>newBuilder().globalLimit(1).build();
    try (Permit held = permits.acquire("a", Duration.ZERO)) {
      assertThat(held.isOpen()).isTrue();
      assertThatThrownBy(() -> permits.acquire("b", Duration.ofMillis(10)))
          .hasMessage(
              "no permit for key b within PT0.01S: 0 in use for the key (no per-key limit), 1 of 1"
                  + " in total, 0 waiting; close permits sooner, raise the limits or wait longer");
    }
    assertThat(permits.keyCount()).isZero();
  }

  @Test
  void acquire_keyWhoseHashCodeThrows_failsCleanlyWithNothingLeftBehind() {
    KeyedPermits<HostileKey> permits = KeyedPermits.<HostileKey>newBuilder().perKeyLimit(1).build();
    HostileKey key = new HostileKey("k", Attack.HASH_CODE, 1);
    assertThatThrownBy(() -> permits.acquire(key, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("its hashCode() threw java.lang.StackOverflowError")
        .hasCauseInstanceOf(StackOverflowError.class);
    assertThatThrownBy(() -> permits.tryAcquire(key)).isInstanceOf(IllegalArgumentException.class);
    assertThat(permits.keyCount()).isZero();
    assertThat(permits.audit().isClean()).isTrue();
  }

  @Test
  void acquire_keyWhoseEqualsThrows_failsCleanlyAndTheOtherKeyKeepsItsCount() throws Exception {
    KeyedPermits<HostileKey> permits = KeyedPermits.<HostileKey>newBuilder().perKeyLimit(1).build();
    HostileKey good = new HostileKey("good", Attack.NONE, 3);
    HostileKey bad = new HostileKey("bad", Attack.EQUALS, 3);
    try (Permit held = permits.acquire(good, Duration.ZERO)) {
      assertThatThrownBy(() -> permits.acquire(bad, Duration.ofMillis(10)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("key bad (dev.lifecycle.core.HostileKey): its equals(Object) threw");
      assertThatThrownBy(() -> permits.tryAcquire(bad)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> permits.inUse(bad)).isInstanceOf(IllegalArgumentException.class);
      assertThat(permits.inUse(good)).isEqualTo(1);
      assertThat(permits.keyCount()).isEqualTo(1);
      assertThat(held.isOpen()).isTrue();
    }
    assertThat(permits.keyCount()).isZero();
    assertThat(permits.audit().isClean()).isTrue();
  }

  @Test
  void acquire_keyWhoseToStringThrows_worksAndIsNamedByIdentity() throws Exception {
    KeyedPermits<HostileKey> permits = KeyedPermits.<HostileKey>newBuilder().perKeyLimit(1).build();
    HostileKey key = new HostileKey("k", Attack.TO_STRING, 1);
    try (Permit held = permits.acquire(key, Duration.ZERO)) {
      assertThat(held.toString()).contains("for " + HostileKey.class.getName() + "@");
      assertThatThrownBy(() -> permits.acquire(key, Duration.ofMillis(1)))
          .isInstanceOf(CapacityExceededException.class)
          .hasMessageStartingWith("no permit for key " + HostileKey.class.getName() + "@");
    }
    assertThat(permits.keyCount()).isZero();
    assertThat(permits.audit().isClean()).isTrue();
  }
}
