package dev.lifecycle.core;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A keyed registry of live resources with a hard capacity, which closes what it evicts.
 *
 * <pre>{@code
 * BoundedRegistry<String, DataSource> tenants =
 *     BoundedRegistry.newBuilder("tenants")
 *         .capacity(10)
 *         .idleTimeout(Duration.ofMinutes(5))
 *         .build();
 * try (Lease<DataSource> ds = tenants.acquire(tenant, pools::create)) {
 *   ...ds.value()...
 * }
 * }</pre>
 *
 * <p>{@link #acquire} returns a {@link Lease}; a value with an open lease is never evicted. Values
 * without lease are idle: they are evicted least recently used first when a new key needs room, and
 * after the idle timeout (checked on every {@code acquire} and by {@link #cleanUp()}). Every value
 * that leaves the registry, evicted, {@linkplain #invalidate invalidated} or at {@link #close()}, is
 * closed exactly once, after its last lease is released. A value is closed before the value that
 * takes its room is created, so no more than {@code capacity} values are ever open.
 *
 * <p>At capacity with every value leased, {@code acquire} waits for room up to the configured wait
 * ({@link WhenFull#WAIT}) or fails at once ({@link WhenFull#FAIL_FAST}), with a {@link
 * CapacityExceededException} naming the key, the capacity and how many values are leased.
 *
 * <p>The registry owns its values; a lease only borrows one. Factories and {@code close()} of values
 * run on the calling thread without the registry's lock held.
 *
 * <p>Thread-safe. Concurrent acquires of the same missing key create its value once.
 *
 * @param <K> the type of the keys, with {@code equals} and {@code hashCode}
 * @param <V> the type of the values
 */
@MustClose
public final class BoundedRegistry<K, V extends AutoCloseable> implements AutoCloseable {
  /** Creates the value of a key; may throw, in which case nothing is left in the registry. */
  @FunctionalInterface
  public interface Factory<K, V> {
    /** A new value for {@code key}, which the registry then owns; never {@code null}. */
    V create(K key) throws Exception;
  }

  /** What {@code acquire} does at capacity when every value is leased. */
  public enum WhenFull {
    /** Wait for a lease to be released, up to {@link Builder#maxWait}, then fail. */
    WAIT,
    /** Fail at once. */
    FAIL_FAST
  }

  private final String name;
  private final int capacity;
  private final long idleTimeoutNanos;
  private final WhenFull whenFull;
  private final long maxWaitNanos;
  private final long closeTimeoutNanos;
  private final LongSupplier ticker;
  private final ResourceKind leaseKind;
  private final List<LifecycleListener> listeners;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final HashMap<K, RegistryEntry<K, V>> entries = new HashMap<>();
  /** Head and tail of the circular idle list: {@code idle.next} is the least recently used. */
  private final RegistryEntry<K, V> idle;
  /** Entries removed while leased, until closed: what {@link #close()} may have to force. */
  private final List<RegistryEntry<K, V>> retiredLeased = new ArrayList<>();

  private int size;
  private int leased;
  private int waiters;
  private boolean closed;
  private long hits;
  private long misses;
  private long evictions;
  private long waits;
  private long timeouts;

  private BoundedRegistry(Builder builder) {
    this.name = builder.name;
    this.capacity = builder.capacity;
    this.idleTimeoutNanos = builder.idleTimeout.toNanos();
    this.whenFull = builder.whenFull;
    this.maxWaitNanos = builder.maxWait.toNanos();
    this.closeTimeoutNanos = builder.closeTimeout.toNanos();
    this.ticker = builder.ticker;
    this.leaseKind = builder.tracker.accountingKind("lifecycle.Lease");
    this.listeners = List.copyOf(builder.listeners);
    @SuppressWarnings("unchecked") // the idle list's sentinel is never in the map: any key does
    K none = (K) new Object();
    this.idle = new RegistryEntry<>(this, none);
    idle.prev = idle;
    idle.next = idle;
  }

  /**
   * A builder for a registry named {@code name} (shown in messages and events).
   *
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static Builder newBuilder(String name) {
    Objects.requireNonNull(name, "registry name must not be null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("registry name must not be blank: \"" + name + "\"");
    }
    return new Builder(name);
  }

  /** The registry's name. */
  public String name() {
    return name;
  }

  /**
   * A lease on the value of {@code key}, created by {@code factory} if the registry has none. The
   * caller must close the lease; the registry keeps owning the value.
   *
   * <p>At capacity, the least recently used idle value is evicted and closed first. If every value
   * is leased, this waits or fails by the {@link WhenFull} policy. If another thread is creating the
   * value of {@code key}, this waits for it (interruptibly) instead of creating a second one.
   *
   * @throws CapacityExceededException if there was no room within the allowed wait
   * @throws IllegalStateException if the registry is closed, or if {@code factory} threw a checked
   *     exception (as the cause) or returned {@code null}
   * @throws InterruptedException if interrupted while waiting; nothing is leased then
   * @throws RuntimeException what {@code factory} threw; no entry and no lease are left behind
   */
  public Lease<V> acquire(K key, Factory<? super K, ? extends V> factory)
      throws InterruptedException {
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(factory, "factory must not be null");
    List<RegistryEntry<K, V>> toClose = null;
    RegistryEntry<K, V> created = null;
    RegistryEntry<K, V> hit = null;
    boolean waited = false;
    long remaining = maxWaitNanos;
    lock.lock();
    try {
      while (true) {
        checkOpen(key);
        if (idleTimeoutNanos > 0 && idle.next != idle) {
          toClose = expireLocked(toClose);
        }
        RegistryEntry<K, V> entry = entries.get(key);
        if (entry != null) {
          if (entry.state == RegistryEntry.LIVE) {
            leaseLocked(entry);
            hits++;
            hit = entry;
            break;
          }
          changed.await(); // another thread is creating this key's value
          continue;
        }
        if (size < capacity) {
          size++;
          created = insertLocked(key);
          break;
        }
        RegistryEntry<K, V> eldest = Objects.requireNonNull(idle.next);
        if (eldest != idle) {
          toClose = retireLocked(eldest, RemovalCause.SIZE, toClose);
          eldest.roomTaken = true; // closed below, before the new value exists: room passes on
          created = insertLocked(key);
          break;
        }
        if (toClose != null) {
          // values this thread removed still hold their room until closed: close them, retry
          lock.unlock();
          try {
            closeAll(toClose);
          } finally {
            toClose = null;
            lock.lock();
          }
          continue;
        }
        if (whenFull == WhenFull.FAIL_FAST || remaining <= 0) {
          if (waited) {
            timeouts++;
          }
          throw full(key, waited);
        }
        if (!waited) {
          waited = true;
          waits++;
        }
        waiters++;
        try {
          remaining = changed.awaitNanos(remaining);
        } finally {
          waiters--;
        }
      }
    } finally {
      lock.unlock();
      if (toClose != null) {
        closeAll(toClose);
      }
    }
    if (hit != null) {
      try {
        return leaseOf(hit);
      } catch (RuntimeException | Error e) {
        release(hit);
        throw e;
      }
    }
    return create(Objects.requireNonNull(created), factory);
  }

  private RegistryEntry<K, V> insertLocked(K key) {
    RegistryEntry<K, V> entry = new RegistryEntry<>(this, key);
    entry.leases = 1;
    leased++;
    misses++;
    entries.put(key, entry);
    return entry;
  }

  private void leaseLocked(RegistryEntry<K, V> entry) {
    if (entry.leases++ == 0) {
      leased++;
      if (entry.isIdle()) {
        unlinkIdle(entry);
      }
    }
  }

  private Lease<V> leaseOf(RegistryEntry<K, V> entry) {
    return new Lease<>(entry, Objects.requireNonNull(entry.value), leaseKind);
  }

  /** Runs the factory without the lock, then publishes the value or removes the entry. */
  // The new value is stored in its entry (entry.value), which the registry's map owns; the only
  // path the check reports is Lock.lock() throwing, which it does not.
  @SuppressWarnings("UnclosedResource")
  private Lease<V> create(RegistryEntry<K, V> entry, Factory<? super K, ? extends V> factory) {
    V value;
    try {
      value = factory.create(entry.key);
      if (value == null) {
        throw new IllegalStateException(
            "the factory of registry \""
                + name
                + "\" returned null for key "
                + Texts.mask(String.valueOf(entry.key))
                + "; a factory must return a value or throw");
      }
    } catch (Throwable e) { // any failure: nothing may be left behind, then it is rethrown
      abandon(entry);
      if (e instanceof RuntimeException || e instanceof Error) {
        throw sneaky(e);
      }
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException(
          "the factory of registry \""
              + name
              + "\" failed to create the value of key "
              + Texts.mask(String.valueOf(entry.key))
              + ": "
              + e,
          e);
    }
    boolean refused;
    lock.lock();
    try {
      entry.value = value;
      // invalidated meanwhile: the caller still gets its lease, the value closes after it
      if (entry.state != RegistryEntry.RETIRED) {
        entry.state = RegistryEntry.LIVE;
      }
      refused = closed;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    emit(LifecycleListener::onValueCreated, entry, null, null);
    if (refused) {
      entry.close();
      throw closedException(entry.key);
    }
    try {
      return leaseOf(entry);
    } catch (RuntimeException | Error e) {
      entry.close();
      throw e;
    }
  }

  private void abandon(RegistryEntry<K, V> entry) {
    lock.lock();
    try {
      entries.remove(entry.key, entry);
      retiredLeased.remove(entry);
      entry.state = RegistryEntry.CLOSED;
      entry.leases = 0;
      leased--;
      size--;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @SuppressWarnings("unchecked") // rethrows an unchecked throwable as itself
  private static <T extends Throwable> RuntimeException sneaky(Throwable e) throws T {
    throw (T) e;
  }

  /** Releases one lease of {@code entry}: called by the lease, or by the tracker for a dropped one. */
  void release(RegistryEntry<K, V> entry) {
    boolean close = false;
    lock.lock();
    try {
      if (entry.leases <= 0) {
        throw new IllegalStateException(
            "released more leases than acquired on " + entry + "; this is a bug in lifecycle");
      }
      if (--entry.leases == 0) {
        leased--;
        if (entry.state == RegistryEntry.LIVE) {
          if (idleTimeoutNanos > 0) {
            entry.lastUsed = ticker.getAsLong();
          }
          linkIdle(entry);
        } else if (entry.state == RegistryEntry.RETIRED) {
          retiredLeased.remove(entry);
          entry.state = RegistryEntry.CLOSED;
          close = true;
        }
      }
      if (waiters > 0) {
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
    if (close) {
      closeValue(entry);
    }
  }

  /**
   * Removes the value of {@code key}: closed now if idle, else after its last lease. Returns whether
   * there was one.
   *
   * @throws IllegalStateException if the registry is closed
   */
  @CanIgnoreReturnValue
  public boolean invalidate(K key) {
    Objects.requireNonNull(key, "key must not be null");
    List<RegistryEntry<K, V>> toClose = null;
    lock.lock();
    try {
      checkOpen(key);
      RegistryEntry<K, V> entry = entries.get(key);
      if (entry == null) {
        return false;
      }
      toClose = retireLocked(entry, RemovalCause.EXPLICIT, null);
      return true;
    } finally {
      lock.unlock();
      if (toClose != null) {
        closeAll(toClose);
      }
    }
  }

  /**
   * Evicts (and closes) the values that stayed idle longer than the idle timeout. Every {@code
   * acquire} does this too; call it from a scheduled task when the registry may see no acquire for
   * longer than the idle timeout, or idle values stay open until the next one.
   */
  public void cleanUp() {
    List<RegistryEntry<K, V>> toClose = null;
    lock.lock();
    try {
      if (!closed && idleTimeoutNanos > 0) {
        toClose = expireLocked(null);
      }
    } finally {
      lock.unlock();
    }
    if (toClose != null) {
      closeAll(toClose);
    }
  }

  /** Retires the idle values whose idle time reached the timeout, least recently used first. */
  private @Nullable List<RegistryEntry<K, V>> expireLocked(
      @Nullable List<RegistryEntry<K, V>> toClose) {
    long now = ticker.getAsLong();
    List<RegistryEntry<K, V>> result = toClose;
    RegistryEntry<K, V> eldest = Objects.requireNonNull(idle.next);
    while (eldest != idle && now - eldest.lastUsed >= idleTimeoutNanos) {
      RegistryEntry<K, V> next = Objects.requireNonNull(eldest.next);
      result = retireLocked(eldest, RemovalCause.EXPIRED, result);
      eldest = next;
    }
    return result;
  }

  /**
   * Removes {@code entry} from the registry. An idle one is added to {@code toClose} (the caller
   * closes it without the lock); a leased one, or one being created, is closed by its last release.
   * Either way its room is freed when it is closed.
   */
  private @Nullable List<RegistryEntry<K, V>> retireLocked(
      RegistryEntry<K, V> entry, RemovalCause cause, @Nullable List<RegistryEntry<K, V>> toClose) {
    entries.remove(entry.key, entry);
    entry.cause = cause;
    if (cause == RemovalCause.SIZE || cause == RemovalCause.EXPIRED) {
      evictions++;
    }
    if (entry.state == RegistryEntry.CREATING || entry.leases > 0) {
      entry.state = RegistryEntry.RETIRED;
      retiredLeased.add(entry);
      return toClose;
    }
    unlinkIdle(entry);
    entry.state = RegistryEntry.CLOSED;
    List<RegistryEntry<K, V>> result = toClose == null ? new ArrayList<>(2) : toClose;
    result.add(entry);
    return result;
  }

  private void closeAll(List<RegistryEntry<K, V>> toClose) {
    for (RegistryEntry<K, V> entry : toClose) {
      closeValue(entry);
    }
  }

  /** Closes a removed value, without the lock, reports it, then frees its room. */
  private void closeValue(RegistryEntry<K, V> entry) {
    V value = entry.value;
    try {
      emit(LifecycleListener::onEviction, entry, entry.cause, null);
      if (value != null) {
        try {
          value.close();
          emit(LifecycleListener::onValueClosed, entry, entry.cause, null);
        } catch (Exception e) {
          if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
          }
          String failure = Texts.mask(String.valueOf(e));
          Tracker.LOGGER.log(
              Level.WARNING,
              "registry \""
                  + name
                  + "\": closing the value of key "
                  + Texts.mask(String.valueOf(entry.key))
                  + " failed; it is removed all the same: "
                  + failure);
          emit(LifecycleListener::onCloseFailed, entry, entry.cause, failure);
        }
      }
    } finally {
      lock.lock();
      try {
        if (!entry.roomTaken) {
          size--;
        }
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /** An event of one of the four kinds, delivered to every listener. */
  @FunctionalInterface
  private interface Emitter {
    void emit(LifecycleListener listener, RegistryEvent event);
  }

  private void emit(
      Emitter kind, RegistryEntry<K, V> entry, @Nullable RemovalCause cause, @Nullable String failure) {
    if (listeners.isEmpty()) {
      return;
    }
    RegistryEvent event =
        new RegistryEvent(name, Texts.mask(String.valueOf(entry.key)), cause, failure);
    for (LifecycleListener listener : listeners) {
      try {
        kind.emit(listener, event);
      } catch (RuntimeException e) {
        Tracker.LOGGER.log(
            Level.WARNING, "lifecycle listener " + listener + " failed on " + event, e);
      }
    }
  }

  private void linkIdle(RegistryEntry<K, V> entry) {
    RegistryEntry<K, V> last = Objects.requireNonNull(idle.prev);
    entry.prev = last;
    entry.next = idle;
    last.next = entry;
    idle.prev = entry;
  }

  private static <K, V extends AutoCloseable> void unlinkIdle(RegistryEntry<K, V> entry) {
    RegistryEntry<K, V> prev = entry.prev;
    RegistryEntry<K, V> next = entry.next;
    if (prev != null && next != null) {
      prev.next = next;
      next.prev = prev;
    }
    entry.prev = null;
    entry.next = null;
  }

  private void checkOpen(K key) {
    if (closed) {
      throw closedException(key);
    }
  }

  private IllegalStateException closedException(K key) {
    return new IllegalStateException(
        "registry \""
            + name
            + "\" is closed; cannot acquire key "
            + Texts.mask(String.valueOf(key))
            + "; acquire before closing the registry");
  }

  private CapacityExceededException full(K key, boolean waited) {
    return new CapacityExceededException(
        "registry \""
            + name
            + "\" is full: capacity "
            + capacity
            + ", "
            + leased
            + " leased; no room for key "
            + Texts.mask(String.valueOf(key))
            + (waited ? " within " + Duration.ofNanos(maxWaitNanos) : " (policy FAIL_FAST)")
            + "; close leases sooner, raise the capacity or the wait");
  }

  /** How many values are open now: in the registry, being created, or removed but not closed. */
  public int size() {
    lock.lock();
    try {
      return size;
    } finally {
      lock.unlock();
    }
  }

  /** Whether the registry holds a usable value for {@code key} now (it is not created). */
  public boolean contains(K key) {
    lock.lock();
    try {
      RegistryEntry<K, V> entry = entries.get(key);
      return entry != null && entry.state == RegistryEntry.LIVE;
    } finally {
      lock.unlock();
    }
  }

  /** The counters, read together. */
  public RegistryStats stats() {
    lock.lock();
    try {
      return new RegistryStats(size, leased, hits, misses, evictions, waits, timeouts);
    } finally {
      lock.unlock();
    }
  }

  /** The maximum number of open values. */
  public int capacity() {
    return capacity;
  }

  /**
   * Closes the registry: refuses new acquires, closes idle values now, waits up to the {@linkplain
   * Builder#closeTimeout close timeout} for leased ones to be released (each is closed by its last
   * release), then force-closes those still leased (their leases then fail on {@link
   * Lease#value()}). An interrupt while waiting force-closes at once and keeps the interrupt
   * status. Idempotent: a second call does nothing.
   */
  @Override
  public void close() {
    List<RegistryEntry<K, V>> toClose = new ArrayList<>();
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (RegistryEntry<K, V> entry : new ArrayList<>(entries.values())) {
        toClose = Objects.requireNonNull(retireLocked(entry, RemovalCause.CLOSED, toClose));
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    closeAll(toClose);
    List<RegistryEntry<K, V>> forced = new ArrayList<>();
    lock.lock();
    try {
      long remaining = closeTimeoutNanos;
      try {
        while (!retiredLeased.isEmpty() && remaining > 0) {
          remaining = changed.awaitNanos(remaining);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      for (RegistryEntry<K, V> entry : retiredLeased) {
        if (entry.state == RegistryEntry.RETIRED && entry.value != null) {
          entry.state = RegistryEntry.FORCE_CLOSED;
          forced.add(entry);
        }
      }
      retiredLeased.removeAll(forced);
    } finally {
      lock.unlock();
    }
    closeAll(forced);
  }

  @Override
  public String toString() {
    return "BoundedRegistry[" + name + ", capacity " + capacity + "]";
  }

  /**
   * Configures a {@link BoundedRegistry}. Defaults: capacity 16, no idle timeout, {@link
   * WhenFull#WAIT} up to 30 seconds, close timeout 30 seconds, {@link Tracker#global()}, the
   * system's nano time, no listener.
   */
  public static final class Builder {
    private final String name;
    private int capacity = 16;
    private Duration idleTimeout = Duration.ZERO;
    private WhenFull whenFull = WhenFull.WAIT;
    private Duration maxWait = Duration.ofSeconds(30);
    private Duration closeTimeout = Duration.ofSeconds(30);
    private LongSupplier ticker = System::nanoTime;
    private Tracker tracker = Tracker.global();
    private final List<LifecycleListener> listeners = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    /**
     * At most {@code capacity} values are open at any time.
     *
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    @CanIgnoreReturnValue
    public Builder capacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
      }
      this.capacity = capacity;
      return this;
    }

    /**
     * Evicts a value that had no lease for {@code timeout}; {@link Duration#ZERO} (the default)
     * keeps idle values until their room is needed.
     *
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    @CanIgnoreReturnValue
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = nonNegative("idle timeout", timeout);
      return this;
    }

    /**
     * What {@code acquire} does at capacity with every value leased: wait up to {@code maxWait},
     * or with {@link WhenFull#FAIL_FAST}, fail at once ({@code maxWait} is then ignored).
     *
     * @throws IllegalArgumentException if {@code maxWait} is negative
     */
    @CanIgnoreReturnValue
    public Builder whenFull(WhenFull policy, Duration maxWait) {
      this.whenFull = Objects.requireNonNull(policy, "policy must not be null");
      this.maxWait = nonNegative("max wait", maxWait);
      return this;
    }

    /**
     * How long {@link BoundedRegistry#close()} waits for leases to be released before it
     * force-closes their values; {@link Duration#ZERO} force-closes at once.
     *
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    @CanIgnoreReturnValue
    public Builder closeTimeout(Duration timeout) {
      this.closeTimeout = nonNegative("close timeout", timeout);
      return this;
    }

    /** The time source of the idle timeout, in nanoseconds (a fake one in tests). */
    @CanIgnoreReturnValue
    public Builder ticker(LongSupplier nanoTime) {
      this.ticker = Objects.requireNonNull(nanoTime, "ticker must not be null");
      return this;
    }

    /**
     * The tracker that finds dropped leases (kind {@code lifecycle.Lease}, an accounting kind: a
     * dropped lease is released at every level and policy, {@code OFF} and {@code REPORT_ONLY}
     * included).
     */
    @CanIgnoreReturnValue
    public Builder tracker(Tracker tracker) {
      this.tracker = Objects.requireNonNull(tracker, "tracker must not be null");
      return this;
    }

    /** Adds a listener for created, evicted, closed and close-failed values. */
    @CanIgnoreReturnValue
    public Builder listener(LifecycleListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
      return this;
    }

    /** A new, empty registry; close it when done. */
    public <K, V extends AutoCloseable> BoundedRegistry<K, V> build() {
      return new BoundedRegistry<>(this);
    }

    private static Duration nonNegative(String what, Duration duration) {
      Objects.requireNonNull(duration, what + " must not be null");
      if (duration.isNegative()) {
        throw new IllegalArgumentException(what + " must not be negative: " + duration);
      }
      return duration;
    }
  }
}
