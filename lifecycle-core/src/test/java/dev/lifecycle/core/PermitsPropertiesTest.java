package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.proptest.Gen;
import dev.lifecycle.proptest.Stateful;
import dev.lifecycle.proptest.Statistics;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Permits against a model (a count per key): random try-acquires, acquires that time out, waiters
 * that are interrupted, waiters that a release hands a permit to, double releases and a dropped
 * permit, with the counts, the waiters and the audit checked after every step.
 *
 * <p>Hostile user code on top: a key whose {@code toString} throws, keys whose {@code hashCode} or
 * {@code equals} throws, and timeouts of {@code ChronoUnit.FOREVER} for acquires and waiters.
 */
@Isolated("drops permits and runs the GC until the tracker reclaims them")
final class PermitsPropertiesTest {
  /** Model keys; {@code t} is, for the real permits, a key whose {@code toString} throws. */
  private static final List<String> KEYS = List.of("a", "b", "c", "t");
  private static final Duration FOREVER = ChronoUnit.FOREVER.getDuration();
  private static final int PER_KEY = 2;
  private static final int GLOBAL = 4;
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  /** The model: which key each open permit is for, by index. */
  static final class Model {
    final List<String> permits = new ArrayList<>();
    int drops;

    int inUse(String key) {
      int count = 0;
      for (String k : permits) {
        count += k.equals(key) ? 1 : 0;
      }
      return count;
    }

    static int limit(String key) {
      return key.equals("c") ? 1 : PER_KEY;
    }

    boolean available(String key) {
      return permits.size() < GLOBAL && inUse(key) < limit(key);
    }

    /** The index of an open permit whose release makes {@code key} available, or -1. */
    int unblocking(String key) {
      for (int i = 0; i < permits.size(); i++) {
        String held = permits.get(i);
        boolean keyRoom = inUse(key) - (held.equals(key) ? 1 : 0) < limit(key);
        if (keyRoom) {
          return i;
        }
      }
      return -1;
    }
  }

  /** The real permits and the permits the test holds, by the model's index. */
  static final class Real implements AutoCloseable {
    final AtomicInteger leaks = new AtomicInteger();
    final Tracker tracker =
        Tracker.newBuilder()
            .name("permit-properties")
            .siteReportInterval(Duration.ZERO)
            .maxReportsPerMinute(Integer.MAX_VALUE)
            .listener(
                new LifecycleListener() {
                  @Override
                  public void onLeak(LeakReport report) {
                    leaks.incrementAndGet();
                  }
                })
            .build();
    final HostileKey t = new HostileKey("t", HostileKey.Attack.TO_STRING, "t".hashCode());
    final KeyedPermits<Object> permits =
        KeyedPermits.<Object>newBuilder()
            .perKeyLimit(PER_KEY)
            .limit("c", 1)
            .globalLimit(GLOBAL)
            .tracker(tracker)
            .build();
    final List<Permit> held = new ArrayList<>();

    /** The real key of a model key. */
    Object key(String key) {
      return key.equals("t") ? t : key;
    }

    /** A model key as messages show it. */
    String shown(String key) {
      return key.equals("t") ? HostileKey.class.getName() + "@" + Integer.toHexString(System.identityHashCode(t)) : key;
    }

    @SuppressWarnings("DiscardedResource") // the leak under test: the tracker must reclaim it
    void drop(int index) {
      held.remove(index);
    }

    @Override
    public void close() {
      held.forEach(Permit::close);
      tracker.close();
    }
  }

  private static void tryAcquire(Model model, Real real, String key) {
    Permit permit = real.permits.tryAcquire(real.key(key));
    if (model.available(key)) {
      assertThat(permit).as("permit for " + key).isNotNull();
      real.held.add(permit);
      model.permits.add(key);
    } else {
      assertThat(permit).as("permit for " + key).isNull();
    }
  }

  private static void acquire(Model model, Real real, String key) throws InterruptedException {
    if (model.available(key)) {
      real.held.add(real.permits.acquire(real.key(key), model.permits.size() % 2 == 0 ? FOREVER : Duration.ZERO));
      model.permits.add(key);
      return;
    }
    assertThatThrownBy(() -> real.permits.acquire(real.key(key), Duration.ofMillis(2)))
        .isInstanceOf(CapacityExceededException.class)
        .hasMessageStartingWith("no permit for key " + real.shown(key) + " within PT0.002S: ");
  }

  /** Starts a thread that waits for a permit of {@code key}; returns once it is waiting. */
  private static Thread waiter(Real real, String key, AtomicReference<Object> result) {
    Thread thread =
        new Thread(
            () -> {
              try {
                result.set(real.permits.acquire(real.key(key), FOREVER));
              } catch (InterruptedException | RuntimeException e) {
                result.set(e);
              }
            },
            "permit-waiter-" + key);
    thread.start();
    BoundedRegistryTest.awaitCondition(() -> real.permits.waiting(real.key(key)) == 1);
    return thread;
  }

  private static void interruptWaiter(Model model, Real real, String key) throws Exception {
    AtomicReference<Object> result = new AtomicReference<>();
    Thread thread = waiter(real, key, result);
    thread.interrupt();
    thread.join(DEADLINE.toMillis());
    assertThat(thread.isAlive()).isFalse();
    assertThat(result.get()).isInstanceOf(InterruptedException.class);
  }

  private static void handOff(Model model, Real real, String key) throws Exception {
    int index = model.unblocking(key);
    AtomicReference<Object> result = new AtomicReference<>();
    Thread thread = waiter(real, key, result);
    real.held.remove(index).close();
    model.permits.remove(index);
    thread.join(DEADLINE.toMillis());
    assertThat(thread.isAlive()).isFalse();
    assertThat(result.get()).isInstanceOf(Permit.class);
    real.held.add((Permit) result.get());
    model.permits.add(key);
  }

  private static void release(Model model, Real real, int index) {
    Permit permit = real.held.remove(index);
    permit.close();
    permit.close(); // idempotent
    model.permits.remove(index);
  }

  private static void drop(Model model, Real real, int index) throws InterruptedException {
    model.permits.remove(index);
    model.drops++;
    int leaks = real.leaks.get();
    real.drop(index);
    // The report comes first, the release follows on the tracker's reclaim thread.
    Leaks.gcUntil(
        "the dropped permit is reported and reclaimed",
        () -> real.leaks.get() > leaks && real.permits.inUse() == model.permits.size());
  }

  /** Acquires, counts and looks up with a key whose hashCode or equals throws. */
  private static void brokenKey(Model model, Real real, HostileKey.Attack attack) {
    boolean collides = attack == HostileKey.Attack.EQUALS && model.inUse("a") > 0;
    HostileKey key =
        collides
            ? new HostileKey("x", HostileKey.Attack.EQUALS, "a".hashCode())
            : new HostileKey("x", HostileKey.Attack.HASH_CODE, 0);
    String method = collides ? "equals(Object)" : "hashCode()";
    assertThatThrownBy(() -> real.permits.acquire(key, FOREVER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("key x (" + HostileKey.class.getName() + "): its " + method + " threw ");
    assertThatThrownBy(() -> real.permits.tryAcquire(key)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> real.permits.inUse(key)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> real.permits.waiting(key)).isInstanceOf(IllegalArgumentException.class);
  }

  private static void invariants(Model model, Real real) {
    Map<String, Integer> counts = new HashMap<>();
    for (String key : KEYS) {
      assertThat(real.permits.inUse(real.key(key))).as("in use for " + key).isEqualTo(model.inUse(key));
      assertThat(real.permits.waiting(real.key(key))).as("waiting for " + key).isZero();
      if (model.inUse(key) > 0) {
        counts.put(key, model.inUse(key));
      }
    }
    assertThat(real.permits.inUse()).as("in use").isEqualTo(model.permits.size());
    assertThat(real.permits.waiting()).as("waiting").isZero();
    assertThat(real.permits.keyCount()).as("keys with state").isEqualTo(counts.size());
    PermitAudit audit = real.permits.audit();
    assertThat(audit.differences()).as("audit").isEmpty();
    assertThat(audit.recounted()).isEqualTo(model.permits.size());
  }

  @Test
  void permits_matchModel_underRandomActionsInterruptsAndTimeouts() {
    Gen<String> keys = Gen.elementOf(KEYS);
    Statistics statistics =
        Stateful.of(Model::new, Real::new)
            .action("tryAcquire", keys, PermitsPropertiesTest::tryAcquire)
            .action("acquire", keys, PermitsPropertiesTest::acquire)
            .action(
                "brokenKey",
                Gen.elementOf(List.of(HostileKey.Attack.HASH_CODE, HostileKey.Attack.EQUALS)),
                PermitsPropertiesTest::brokenKey)
            .action(
                "interruptWaiter",
                m -> KEYS.stream().anyMatch(k -> !m.available(k)),
                m -> Gen.elementOf(KEYS.stream().filter(k -> !m.available(k)).toList()),
                PermitsPropertiesTest::interruptWaiter)
            .action(
                "handOff",
                m -> KEYS.stream().anyMatch(k -> !m.available(k) && m.unblocking(k) >= 0),
                m ->
                    Gen.elementOf(
                        KEYS.stream().filter(k -> !m.available(k) && m.unblocking(k) >= 0).toList()),
                PermitsPropertiesTest::handOff)
            .action(
                "release",
                m -> !m.permits.isEmpty(),
                m -> Gen.ints(0, m.permits.size() - 1),
                PermitsPropertiesTest::release)
            .action(
                "dropPermit",
                m -> !m.permits.isEmpty() && m.drops < 2,
                m -> Gen.ints(0, m.permits.size() - 1),
                PermitsPropertiesTest::drop)
            .invariant("permits equal model", PermitsPropertiesTest::invariants)
            .maxSteps(40)
            .tries(150)
            .maxDuration(Duration.ofSeconds(60))
            .check();
    assertThat(statistics.actionCounts())
        .allSatisfy((action, count) -> assertThat(count).as(action).isPositive());
  }
}
