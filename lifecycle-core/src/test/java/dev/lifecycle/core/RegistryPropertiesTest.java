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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The registry against a model: random acquires (some with a throwing factory, some of values
 * whose close throws), releases, invalidations, idle time passing, a dropped lease and the
 * registry's close, with every invariant checked after every step.
 *
 * <p>Hostile user code on top: factories that throw Errors, that acquire their own key or another
 * key, that block past another acquirer's deadline; values whose close throws an Error or
 * re-enters the registry; a listener that throws {@link StackOverflowError} on every event; a key
 * whose {@code toString} throws, and keys whose {@code hashCode} or {@code equals} throws.
 */
@Isolated("drops leases and runs the GC until the tracker reclaims them")
final class RegistryPropertiesTest {
  private static final int CAPACITY = 3;
  private static final long IDLE_TIMEOUT = Duration.ofSeconds(10).toNanos();
  /** Model keys; {@code t} is, in the real registry, a key whose {@code toString} throws. */
  private static final List<String> KEYS = List.of("a", "b", "c", "d", "t");

  /** How the value of an acquire is made. */
  enum Make {
    NORMAL,
    FACTORY_THROWS,
    CLOSE_THROWS,
    /** The factory throws an {@link AssertionError}. */
    FACTORY_ERROR,
    /** The value's close throws a {@link StackOverflowError}. */
    CLOSE_ERROR,
    /** The factory acquires its own key. */
    REENTER_SAME,
    /** The factory acquires (and releases) another key the registry holds. */
    REENTER_OTHER,
    /** The value's close calls back into the registry (stats, contains, size). */
    CLOSE_REENTERS;

    boolean factoryFails() {
      return this == FACTORY_THROWS || this == FACTORY_ERROR || this == REENTER_SAME;
    }

    boolean closeFails() {
      return this == CLOSE_THROWS || this == CLOSE_ERROR;
    }
  }

  /** A value whose close runs {@code afterClose} once it has counted itself closed. */
  static final class HostileValue extends RegistryValue {
    private final Runnable afterClose;

    HostileValue(String key, int id, AtomicInteger open, Runnable afterClose) {
      super(key, id, false, open);
      this.afterClose = afterClose;
    }

    @Override
    public void close() throws java.io.IOException {
      super.close();
      afterClose.run();
    }
  }

  /** Throws on every registry event: the listener after it must hear of each all the same. */
  static final class OverflowingListener implements LifecycleListener {
    @Override
    public void onValueCreated(RegistryEvent event) {
      throw new StackOverflowError("listener throws on purpose");
    }

    @Override
    public void onEviction(RegistryEvent event) {
      throw new StackOverflowError("listener throws on purpose");
    }

    @Override
    public void onValueClosed(RegistryEvent event) {
      throw new AssertionError("listener throws on purpose");
    }

    @Override
    public void onCloseFailed(RegistryEvent event) {
      throw new OutOfMemoryError("listener throws on purpose");
    }
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
    final AtomicInteger reentries = new AtomicInteger();
    /** The threads that {@link #slowCreation} started. */
    final List<Thread> creators = new ArrayList<>();
    /** The real key of model key {@code t}: its toString throws. */
    final HostileKey t = new HostileKey("t", HostileKey.Attack.TO_STRING, "t".hashCode());
    /** The key a {@link Make#REENTER_OTHER} factory acquires, with the id of its value; or null. */
    @Nullable String reenterKey;
    int reenterId;
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
    final BoundedRegistry<Object, RegistryValue> registry =
        BoundedRegistry.newBuilder("model")
            .capacity(CAPACITY)
            .idleTimeout(Duration.ofNanos(IDLE_TIMEOUT))
            .whenFull(WhenFull.FAIL_FAST, Duration.ZERO)
            .closeTimeout(Duration.ZERO)
            .ticker(now::get)
            .tracker(tracker)
            .listener(new OverflowingListener())
            .listener(
                new LifecycleListener() {
                  @Override
                  public void onCloseFailed(RegistryEvent event) {
                    closeFailures.incrementAndGet();
                  }
                })
            .build();
    int created;

    /** The real key of a model key. */
    Object key(String key) {
      return key.equals("t") ? t : key;
    }

    /** A model key as the registry's messages show it. */
    String shown(String key) {
      return key.equals("t") ? HostileKey.class.getName() + "@" + Integer.toHexString(System.identityHashCode(t)) : key;
    }

    RegistryValue make(String key, Make make) throws InterruptedException {
      switch (make) {
        case FACTORY_THROWS -> throw new IllegalStateException("factory of " + key + " failed on purpose");
        case FACTORY_ERROR -> throw new AssertionError("factory of " + key + " fails with an Error on purpose");
        case REENTER_SAME -> {
          try (Lease<RegistryValue> inner = registry.acquire(key(key), k -> make(key, Make.NORMAL))) {
            throw new AssertionError("the factory of " + key + " got a lease on its own key: " + inner);
          }
        }
        case REENTER_OTHER -> {
          String other = reenterKey;
          if (other != null) {
            try (Lease<RegistryValue> inner = registry.acquire(key(other), k -> {
              throw new AssertionError("the factory of " + key + " must find " + other);
            })) {
              assertThat(inner.value().id).as("value of " + other + " seen by a factory").isEqualTo(reenterId);
            }
          }
        }
        default -> {}
      }
      int id = ++created;
      RegistryValue value;
      if (make == Make.CLOSE_ERROR) {
        value = new HostileValue(key, id, open, () -> {
          throw new StackOverflowError("close of " + key + " throws on purpose");
        });
      } else if (make == Make.CLOSE_REENTERS) {
        value = new HostileValue(key, id, open, () -> {
          reentries.incrementAndGet();
          assertThat(registry.stats().size()).isLessThanOrEqualTo(CAPACITY);
          assertThat(registry.size()).isLessThanOrEqualTo(CAPACITY);
          registry.contains(key(key));
        });
      } else {
        value = new RegistryValue(key, id, make == Make.CLOSE_THROWS, open);
      }
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

  /** What the model expects of an acquire of a key. */
  enum Plan {
    HIT,
    CREATE,
    FULL
  }

  /** The model's side of an acquire up to the factory: expiry, and eviction for room. */
  private static Plan plan(Model model, String key) {
    model.expire();
    if (model.entries.containsKey(key)) {
      return Plan.HIT;
    }
    if (model.size() >= CAPACITY) {
      if (model.idle.isEmpty()) {
        return Plan.FULL;
      }
      ModelValue eldest = model.idle.values().iterator().next();
      model.idle.remove(eldest.id);
      model.entries.remove(eldest.key);
      model.close(eldest);
    }
    return Plan.CREATE;
  }

  private static void acquire(Model model, Real system, Acquire step) throws Exception {
    String key = step.key();
    Make make = step.make();
    Object realKey = system.key(key);
    system.reenterKey = null;
    if (model.closed) {
      assertThatThrownBy(() -> system.registry.acquire(realKey, k -> system.make(key, make)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "registry \"model\" is closed; cannot acquire key "
                  + system.shown(key)
                  + "; acquire before closing the registry");
      return;
    }
    Plan plan = plan(model, key);
    if (plan == Plan.FULL) {
      assertThatThrownBy(() -> system.registry.acquire(realKey, k -> system.make(key, make)))
          .isInstanceOf(CapacityExceededException.class)
          .hasMessage(
              "registry \"model\" is full: capacity 3, "
                  + model.leased()
                  + " leased; no room for key "
                  + system.shown(key)
                  + " (policy FAIL_FAST); close leases sooner, raise the capacity or the wait");
      return;
    }
    if (plan == Plan.CREATE) {
      if (make.factoryFails()) {
        var thrown = assertThatThrownBy(() -> system.registry.acquire(realKey, k -> system.make(key, make)));
        switch (make) {
          case FACTORY_THROWS ->
              thrown.isInstanceOf(IllegalStateException.class).hasMessage("factory of " + key + " failed on purpose");
          case FACTORY_ERROR -> thrown.isInstanceOf(AssertionError.class)
              .hasMessage("factory of " + key + " fails with an Error on purpose");
          default -> thrown.isInstanceOf(IllegalStateException.class)
              .hasMessageStartingWith("the factory of key " + system.shown(key) + " in registry \"model\" acquires"
                  + " that same key; the factory of a key must not acquire that key");
        }
        return;
      }
      if (make == Make.REENTER_OTHER) {
        for (ModelValue other : model.entries.values()) {
          system.reenterKey = other.key;
          system.reenterId = other.id;
          model.idle.remove(other.id);
          other.leases++;
          model.release(other);
          break;
        }
      }
      ModelValue created = new ModelValue(++model.nextId, key, make.closeFails());
      model.entries.put(key, created);
    }
    ModelValue value = model.entries.get(key);
    model.idle.remove(value.id);
    value.leases++;
    model.leases.add(value);
    Lease<RegistryValue> lease = system.registry.acquire(realKey, k -> system.make(key, make));
    system.leases.add(lease);
    assertThat(lease.value().id).as("value of " + key).isEqualTo(value.id);
  }

  /**
   * An acquire whose factory blocks until another acquirer of the same key has given up at its
   * deadline (at once: the registry fails fast), then completes.
   */
  private static void slowCreation(Model model, Real system, String key) throws Exception {
    if (model.closed || model.entries.containsKey(key)) {
      acquire(model, system, new Acquire(key, Make.NORMAL));
      return;
    }
    Plan plan = plan(model, key);
    if (plan != Plan.CREATE) {
      assertThatThrownBy(() -> system.registry.acquire(system.key(key), k -> system.make(key, Make.NORMAL)))
          .isInstanceOf(CapacityExceededException.class);
      return;
    }
    ModelValue value = new ModelValue(++model.nextId, key, false);
    model.entries.put(key, value);
    value.leases++;
    model.leases.add(value);
    CountDownLatch inFactory = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<Object> result = new AtomicReference<>();
    Thread creator = new Thread(() -> {
      try {
        result.set(system.registry.acquire(system.key(key), k -> {
          inFactory.countDown();
          if (!release.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("never released");
          }
          return system.make(key, Make.NORMAL);
        }));
      } catch (Throwable t) {
        result.set(t);
      }
    }, "slow-creator-" + key);
    system.creators.add(creator);
    creator.start();
    try {
      assertThat(inFactory.await(30, TimeUnit.SECONDS)).as("factory entered").isTrue();
      assertThatThrownBy(() -> system.registry.acquire(system.key(key), k -> system.make(key, Make.NORMAL)))
          .isInstanceOf(CapacityExceededException.class)
          .hasMessageStartingWith("registry \"model\": the value of key " + system.shown(key)
              + " was still being created by another thread after 0 ms");
    } finally {
      release.countDown();
      creator.join(TimeUnit.SECONDS.toMillis(30));
    }
    assertThat(creator.isAlive()).as("creator ended").isFalse();
    assertThat(result.get()).isInstanceOf(Lease.class);
    @SuppressWarnings("unchecked") // the creator's acquire returned a lease of this registry
    Lease<RegistryValue> lease = (Lease<RegistryValue>) result.getAndSet(null);
    system.leases.add(lease); // the only reference left: a later dropLease must let it be collected
    assertThat(lease.value().id).as("value of " + key).isEqualTo(value.id);
  }

  /** Acquires, looks up and invalidates with a key whose hashCode or equals throws. */
  private static void brokenKey(Model model, Real system, HostileKey.Attack attack) {
    ModelValue a = model.entries.get("a");
    boolean collides =
        attack == HostileKey.Attack.EQUALS
            && !model.closed
            && a != null
            && (a.leases > 0 || model.now - a.lastUsed < IDLE_TIMEOUT);
    HostileKey key =
        collides
            ? new HostileKey("x", HostileKey.Attack.EQUALS, "a".hashCode())
            : new HostileKey("x", HostileKey.Attack.HASH_CODE, 0);
    if (model.closed && !collides) {
      assertThatThrownBy(() -> system.registry.acquire(key, k -> system.make("x", Make.NORMAL)))
          .isInstanceOf(IllegalArgumentException.class);
      return;
    }
    if (collides) {
      model.expire(); // the real acquire expires idle values before it meets the key
    }
    String method = collides ? "equals(Object)" : "hashCode()";
    assertThatThrownBy(() -> system.registry.acquire(key, k -> system.make("x", Make.NORMAL)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("key x (" + HostileKey.class.getName() + "): its " + method + " threw ");
    assertThatThrownBy(() -> system.registry.contains(key)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> system.registry.invalidate(key)).isInstanceOf(IllegalArgumentException.class);
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
    // The report comes first, the release follows on the tracker's reclaim thread; a retired
    // value's room is given back only after its close, which that release runs.
    Leaks.gcUntil(
        "the dropped lease is reported and reclaimed",
        () -> {
          RegistryStats stats = system.registry.stats();
          return system.leaks.get() > leaks
              && stats.leased() == model.leased()
              && stats.size() == model.size();
        });
  }

  private static void invalidate(Model model, Real system, String key) {
    if (model.closed) {
      assertThatThrownBy(() -> system.registry.invalidate(system.key(key)))
          .isInstanceOf(IllegalStateException.class);
      return;
    }
    ModelValue value = model.entries.remove(key);
    assertThat(system.registry.invalidate(system.key(key))).isEqualTo(value != null);
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
      assertThat(system.registry.contains(system.key(key))).as("contains " + key)
          .isEqualTo(model.entries.containsKey(key));
    }
    assertThat(system.closeFailures.get()).as("close failures").isEqualTo(model.closeFailures);
    assertThat(system.creators).as("creator threads left running").noneMatch(Thread::isAlive);
  }

  @Test
  void registry_matchesModel_underRandomActionsAndFaults() {
    Gen<Acquire> acquires =
        Gen.zip(
            Gen.elementOf(KEYS),
            Gen.frequency(
                Gen.weighted(8, Gen.constant(Make.NORMAL)),
                Gen.weighted(1, Gen.constant(Make.FACTORY_THROWS)),
                Gen.weighted(1, Gen.constant(Make.CLOSE_THROWS))),
            Acquire::new);
    Gen<Acquire> hostile =
        Gen.zip(
            Gen.elementOf(KEYS),
            Gen.elementOf(
                List.of(Make.FACTORY_ERROR, Make.CLOSE_ERROR, Make.REENTER_SAME, Make.REENTER_OTHER,
                    Make.CLOSE_REENTERS)),
            Acquire::new);
    Statistics statistics =
        Stateful.of(Model::new, Real::new)
        .action("acquire", acquires, RegistryPropertiesTest::acquire)
        .action("acquireAgain", acquires, RegistryPropertiesTest::acquire)
        .action("acquireHostile", hostile, RegistryPropertiesTest::acquire)
        .action("slowCreation", Gen.elementOf(KEYS), RegistryPropertiesTest::slowCreation)
        .action(
            "brokenKey",
            Gen.elementOf(List.of(HostileKey.Attack.HASH_CODE, HostileKey.Attack.EQUALS)),
            RegistryPropertiesTest::brokenKey)
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
