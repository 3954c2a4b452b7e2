package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.core.BoundedRegistry.WhenFull;
import dev.lifecycle.proptest.Gen;
import dev.lifecycle.proptest.Stateful;
import dev.lifecycle.proptest.Statistics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The registry against a model: random acquires (some with a throwing factory, some of values
 * whose close throws), releases, invalidations, idle time passing, a dropped lease and the
 * registry's close, with every invariant checked after every step.
 */
@Isolated("drops leases and runs the GC until the tracker reclaims them")
final class RegistryPropertiesTest {
  private static final int CAPACITY = 3;
  private static final long IDLE_TIMEOUT = Duration.ofSeconds(10).toNanos();
  private static final List<String> KEYS = List.of("a", "b", "c", "d", "e");

  /** How the value of an acquire is made. */
  enum Make {
    NORMAL,
    FACTORY_THROWS,
    CLOSE_THROWS
  }

  /** One value as the model sees it. */
  static final class ModelValue {
    final int id;
    final String key;
    final boolean failOnClose;
    int leases;
    long lastUsed;

    ModelValue(int id, String key, boolean failOnClose) {
      this.id = id;
      this.key = key;
      this.failOnClose = failOnClose;
    }
  }

  /** What the registry should hold: a plain map, an LRU order and a few sets. */
  static final class Model {
    long now;
    boolean closed;
    int nextId;
    int drops;
    final Map<String, ModelValue> entries = new HashMap<>();
    /** Idle values in the registry, least recently released first. */
    final LinkedHashMap<Integer, ModelValue> idle = new LinkedHashMap<>();
    /** Values removed while leased, not closed yet. */
    final Map<Integer, ModelValue> retired = new HashMap<>();
    /** Open leases, by index: the value each one holds. */
    final List<ModelValue> leases = new ArrayList<>();
    final Set<Integer> closedIds = new HashSet<>();
    final Set<Integer> forced = new HashSet<>();
    int closeFailures;

    int size() {
      return entries.size() + retired.size();
    }

    int leased() {
      Set<Integer> ids = new HashSet<>();
      for (ModelValue value : leases) {
        ids.add(value.id);
      }
      return ids.size();
    }

    void close(ModelValue value) {
      closedIds.add(value.id);
      if (value.failOnClose) {
        closeFailures++;
      }
    }

    void expire() {
      List<ModelValue> expired = new ArrayList<>();
      for (ModelValue value : idle.values()) {
        if (now - value.lastUsed < IDLE_TIMEOUT) {
          break;
        }
        expired.add(value);
      }
      for (ModelValue value : expired) {
        idle.remove(value.id);
        entries.remove(value.key);
        close(value);
      }
    }

    void release(ModelValue value) {
      if (--value.leases > 0 || forced.contains(value.id)) {
        return;
      }
      if (retired.remove(value.id) != null) {
        close(value);
      } else {
        value.lastUsed = now;
        idle.put(value.id, value);
      }
    }
  }

  /** The real registry, its values and the leases the test holds. */
  static final class Real implements AutoCloseable {
    final AtomicLong now = new AtomicLong();
    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger closeFailures = new AtomicInteger();
    final AtomicInteger leaks = new AtomicInteger();
    final Map<Integer, RegistryValue> values = new HashMap<>();
    final List<Lease<RegistryValue>> leases = new ArrayList<>();
    final Tracker tracker =
        Tracker.newBuilder()
            .name("registry-properties")
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
    final BoundedRegistry<String, RegistryValue> registry =
        BoundedRegistry.newBuilder("model")
            .capacity(CAPACITY)
            .idleTimeout(Duration.ofNanos(IDLE_TIMEOUT))
            .whenFull(WhenFull.FAIL_FAST, Duration.ZERO)
            .closeTimeout(Duration.ZERO)
            .ticker(now::get)
            .tracker(tracker)
            .listener(
                new LifecycleListener() {
                  @Override
                  public void onCloseFailed(RegistryEvent event) {
                    closeFailures.incrementAndGet();
                  }
                })
            .build();
    int created;

    RegistryValue make(String key, Make make) {
      if (make == Make.FACTORY_THROWS) {
        throw new IllegalStateException("factory of " + key + " failed on purpose");
      }
      RegistryValue value = new RegistryValue(key, ++created, make == Make.CLOSE_THROWS, open);
      values.put(value.id, value);
      return value;
    }

    /** Forgets lease {@code index} without closing it; the caller then waits for the tracker. */
    @SuppressWarnings("DiscardedResource") // the leak under test: the tracker must reclaim it
    void drop(int index) {
      leases.remove(index);
    }

    @Override
    public void close() {
      registry.close();
      tracker.close();
    }
  }

  record Acquire(String key, Make make) {}

  private static void acquire(Model model, Real system, Acquire step) throws Exception {
    String key = step.key();
    Make make = step.make();
    if (model.closed) {
      assertThatThrownBy(() -> system.registry.acquire(key, k -> system.make(k, make)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "registry \"model\" is closed; cannot acquire key "
                  + key
                  + "; acquire before closing the registry");
      return;
    }
    model.expire();
    ModelValue value = model.entries.get(key);
    if (value == null) {
      if (model.size() >= CAPACITY) {
        if (model.idle.isEmpty()) {
          assertThatThrownBy(() -> system.registry.acquire(key, k -> system.make(k, make)))
              .isInstanceOf(CapacityExceededException.class)
              .hasMessage(
                  "registry \"model\" is full: capacity 3, "
                      + model.leased()
                      + " leased; no room for key "
                      + key
                      + " (policy FAIL_FAST); close leases sooner, raise the capacity or the wait");
          return;
        }
        ModelValue eldest = model.idle.values().iterator().next();
        model.idle.remove(eldest.id);
        model.entries.remove(eldest.key);
        model.close(eldest);
      }
      if (make == Make.FACTORY_THROWS) {
        assertThatThrownBy(() -> system.registry.acquire(key, k -> system.make(k, make)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("factory of " + key + " failed on purpose");
        return;
      }
      value = new ModelValue(++model.nextId, key, make == Make.CLOSE_THROWS);
      model.entries.put(key, value);
    }
    model.idle.remove(value.id);
    value.leases++;
    model.leases.add(value);
    Lease<RegistryValue> lease = system.registry.acquire(key, k -> system.make(k, make));
    system.leases.add(lease);
    assertThat(lease.value().id).as("value of " + key).isEqualTo(value.id);
  }

  private static void release(Model model, Real system, int index) {
    ModelValue value = model.leases.remove(index);
    Lease<RegistryValue> lease = system.leases.remove(index);
    lease.close();
    lease.close(); // idempotent
    model.release(value);
  }

  private static void drop(Model model, Real system, int index) throws InterruptedException {
    ModelValue value = model.leases.remove(index);
    model.drops++;
    int leaks = system.leaks.get();
    system.drop(index);
    model.release(value);
    // The report comes first, the release follows on the tracker's reclaim thread.
    Leaks.gcUntil(
        "the dropped lease is reported and reclaimed",
        () -> system.leaks.get() > leaks && system.registry.stats().leased() == model.leased());
  }

  private static void invalidate(Model model, Real system, String key) {
    if (model.closed) {
      assertThatThrownBy(() -> system.registry.invalidate(key))
          .isInstanceOf(IllegalStateException.class);
      return;
    }
    ModelValue value = model.entries.remove(key);
    assertThat(system.registry.invalidate(key)).isEqualTo(value != null);
    if (value == null) {
      return;
    }
    if (model.idle.remove(value.id) != null) {
      model.close(value);
    } else {
      model.retired.put(value.id, value);
    }
  }

  private static void pass(Model model, Real system, long seconds) {
    model.now += Duration.ofSeconds(seconds).toNanos();
    system.now.set(model.now);
    system.registry.cleanUp();
    if (!model.closed) {
      model.expire();
    }
  }

  private static void closeRegistry(Model model, Real system) {
    if (!model.closed) {
      model.closed = true;
      for (ModelValue value : model.entries.values()) {
        model.close(value);
        if (value.leases > 0) {
          model.forced.add(value.id);
        }
      }
      for (ModelValue value : model.retired.values()) {
        model.close(value);
        model.forced.add(value.id);
      }
      model.entries.clear();
      model.idle.clear();
      model.retired.clear();
    }
    system.registry.close();
  }

  private static void invariants(Model model, Real system) {
    RegistryStats stats = system.registry.stats();
    assertThat(stats.size()).as("size").isEqualTo(model.size()).isLessThanOrEqualTo(CAPACITY);
    assertThat(system.open.get()).as("values open").isEqualTo(model.size());
    assertThat(stats.leased()).as("leased values").isEqualTo(model.leased());
    for (RegistryValue value : system.values.values()) {
      assertThat(value.closes.get())
          .as("closes of " + value)
          .isEqualTo(model.closedIds.contains(value.id) ? 1 : 0);
    }
    for (int i = 0; i < model.leases.size(); i++) {
      ModelValue leased = model.leases.get(i);
      if (!model.forced.contains(leased.id)) {
        assertThat(system.leases.get(i).value().isClosed()).as("leased " + leased.key).isFalse();
      }
    }
    for (String key : KEYS) {
      assertThat(system.registry.contains(key)).as("contains " + key)
          .isEqualTo(model.entries.containsKey(key));
    }
    assertThat(system.closeFailures.get()).as("close failures").isEqualTo(model.closeFailures);
  }

  @Test
  void registry_matchesModel_underRandomActionsAndFaults() {
    Gen<Acquire> acquires =
        Gen.zip(
            Gen.elementOf(KEYS),
            Gen.frequency(
                Gen.weighted(6, Gen.constant(Make.NORMAL)),
                Gen.weighted(1, Gen.constant(Make.FACTORY_THROWS)),
                Gen.weighted(1, Gen.constant(Make.CLOSE_THROWS))),
            Acquire::new);
    Statistics statistics =
        Stateful.of(Model::new, Real::new)
        .action("acquire", acquires, RegistryPropertiesTest::acquire)
        .action("acquireAgain", acquires, RegistryPropertiesTest::acquire)
        .action(
            "release",
            m -> !m.leases.isEmpty(),
            m -> Gen.ints(0, m.leases.size() - 1),
            RegistryPropertiesTest::release)
        .action(
            "dropLease",
            m -> !m.leases.isEmpty() && m.drops < 2,
            m -> Gen.ints(0, m.leases.size() - 1),
            RegistryPropertiesTest::drop)
        .action("invalidate", Gen.elementOf(KEYS), RegistryPropertiesTest::invalidate)
        .action("passSeconds", Gen.ints(1, 12).map(Integer::longValue), RegistryPropertiesTest::pass)
        .action("closeRegistry", m -> !m.closed, RegistryPropertiesTest::closeRegistry)
        .invariant("registry equals model", RegistryPropertiesTest::invariants)
        .maxSteps(40)
        .tries(150)
        .maxDuration(Duration.ofSeconds(60))
        .check();
    assertThat(statistics.actionCounts()).allSatisfy((action, count) -> assertThat(count).as(action).isPositive());
  }
}
