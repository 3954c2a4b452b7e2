package dev.lifecycle.core;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.lifecycle.core.internal.Durations;
import dev.lifecycle.core.internal.Require;
import dev.lifecycle.core.internal.UserCode;
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
 * run on the calling thread without the registry's lock held. User code may fail in any way: a
 * factory that throws leaves nothing behind (a checked exception comes back wrapped in a {@link
 * FactoryException}); a {@code close()} or a listener that throws anything, {@link Error}s
 * included, is logged and the registry goes on; a key whose {@code equals} or {@code hashCode}
 * throws fails its call with an {@link IllegalArgumentException}. No wait is longer than the
 * configured max wait.
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

  /**
   * A factory threw a checked exception: this unchecked wrapper carries it as its cause, and its
   * message names the registry and the key. Nothing is left in the registry.
   */
  public static final class FactoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FactoryException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** How one pass of {@code acquire} under the lock ended. */
  private enum Outcome {
    HIT,
    CREATE,
    FULL,
    CLOSED,
    BROKEN_KEY,
    REENTERED,
    CREATION_TIMEOUT
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
  private final HashMap<KeyRef<K>, RegistryEntry<K, V>> entries = new HashMap<>();
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
    this.idleTimeoutNanos = Require.saturatedNanos(builder.idleTimeout);
    this.whenFull = builder.whenFull;
    this.maxWaitNanos = Require.saturatedNanos(builder.maxWait);
    this.closeTimeoutNanos = Require.saturatedNanos(builder.closeTimeout);
    this.ticker = builder.ticker;
    this.leaseKind = builder.tracker.accountingKind("lifecycle.Lease");
    this.listeners = List.copyOf(builder.listeners);
    @SuppressWarnings("unchecked") // the idle list's sentinel is never in the map: any key does
    K none = (K) new Object();
    this.idle = new RegistryEntry<>(this, KeyRef.of(none));
    idle.prev = idle;
    idle.next = idle;
  }

  /**
   * A builder for a registry named {@code name} (shown in messages and events).
   *
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static Builder newBuilder(String name) {
    Require.nonNull(name, "registry name");
    Require.argument(!name.isBlank(), "registry name must not be blank: \"%s\"", name);
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
   * value of {@code key}, this waits for it (interruptibly, up to the {@linkplain Builder#whenFull
   * max wait}, under either policy) instead of creating a second one. Every wait of one call
   * together is bounded by the max wait.
   *
   * <p>The factory must not acquire its own key (it would wait for itself): such an acquire fails
   * at once with an {@link IllegalStateException}. It may acquire other keys.
   *
   * @throws CapacityExceededException if there was no room, or the value another thread was
   *     creating was not ready, within the allowed wait
   * @throws IllegalStateException if the registry is closed, if {@code factory} returned {@code
   *     null}, or if it is the factory of {@code key} (on the creating thread) that acquires it
   * @throws IllegalArgumentException if the key's {@code equals} or {@code hashCode} throws (the
   *     cause); nothing is left behind
   * @throws FactoryException if {@code factory} threw a checked exception, which is its cause
   * @throws InterruptedException if interrupted while waiting; nothing is leased then
   * @throws RuntimeException what {@code factory} threw (an {@link Error} too); no entry and no
   *     lease are left behind
   */
  public Lease<V> acquire(K key, Factory<? super K, ? extends V> factory)
      throws InterruptedException {
    Require.nonNull(key, "key");
    Require.nonNull(factory, "factory");
    KeyRef<K> ref = KeyRef.of(key);
    List<RegistryEntry<K, V>> toClose = null;
    RegistryEntry<K, V> entry = null;
    Outcome outcome;
    boolean waited = false;
    int leasedThen = 0;
    long deadline = Require.deadlineNanos(System.nanoTime(), maxWaitNanos);
    lock.lock();
    try {
      while (true) {
        if (closed) {
          outcome = Outcome.CLOSED;
          break;
        }
        if (idleTimeoutNanos > 0 && idle.next != idle) {
          toClose = expireLocked(toClose);
        }
        entry = entries.get(ref);
        if (ref.failed()) {
          outcome = Outcome.BROKEN_KEY;
          break;
        }
        if (entry != null) {
          if (entry.state == RegistryEntry.LIVE) {
            leaseLocked(entry);
            hits++;
            outcome = Outcome.HIT;
            break;
          }
          if (entry.creator == Thread.currentThread()) {
            outcome = Outcome.REENTERED;
            break;
          }
          long remaining = deadline - System.nanoTime();
          if (remaining <= 0) {
            timeouts++;
            outcome = Outcome.CREATION_TIMEOUT;
            break;
          }
          changed.awaitNanos(remaining); // another thread is creating this key's value
          continue;
        }
        if (size < capacity) {
          entry = insertLocked(ref);
          if (entry == null) {
            outcome = Outcome.BROKEN_KEY;
            break;
          }
          size++;
          outcome = Outcome.CREATE;
          break;
        }
        RegistryEntry<K, V> eldest = Objects.requireNonNull(idle.next);
        if (eldest != idle) {
          entry = insertLocked(ref);
          if (entry == null) {
            outcome = Outcome.BROKEN_KEY;
            break;
          }
          toClose = retireLocked(eldest, RemovalCause.SIZE, toClose);
          eldest.roomTaken = true; // closed below, before the new value exists: room passes on
          outcome = Outcome.CREATE;
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
        long remaining = deadline - System.nanoTime();
        if (whenFull == WhenFull.FAIL_FAST || remaining <= 0) {
          if (waited) {
            timeouts++;
          }
          leasedThen = leased;
          outcome = Outcome.FULL;
          break;
        }
        if (!waited) {
          waited = true;
          waits++;
        }
        waiters++;
        try {
          changed.awaitNanos(remaining);
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
    return switch (outcome) {
      case HIT -> leaseOrRelease(Objects.requireNonNull(entry));
      case CREATE -> create(Objects.requireNonNull(entry), factory);
      case FULL -> throw full(key, waited, leasedThen);
      case CLOSED -> throw closedException(key);
      case BROKEN_KEY -> throw ref.equalsFailure();
      case REENTERED -> throw reentered(key);
      case CREATION_TIMEOUT -> throw creationTimeout(key);
    };
  }

  private Lease<V> leaseOrRelease(RegistryEntry<K, V> entry) {
    try {
      return leaseOf(entry);
    } catch (Throwable e) { // not even the lease could be made: give its count back, rethrow
      release(entry);
      throw e;
    }
  }

  /**
   * A new entry for {@code ref}, being created by the calling thread and leased once; or null,
   * with nothing changed, when the key's {@code equals} threw meanwhile.
   */
  private @Nullable RegistryEntry<K, V> insertLocked(KeyRef<K> ref) {
    RegistryEntry<K, V> entry = new RegistryEntry<>(this, ref);
    entries.put(ref, entry);
    if (ref.failed()) {
      entries.remove(ref, entry); // found again by identity: no equals is needed
      return null;
    }
    entry.creator = Thread.currentThread();
    entry.leases = 1;
    leased++;
    misses++;
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
  private Lease<V> create(RegistryEntry<K, V> entry, Factory<? super K, ? extends V> factory)
      throws InterruptedException {
    List<V> made = new ArrayList<>(1);
    Throwable failure =
        UserCode.run(
            () -> {
              V created = factory.create(entry.key);
              if (created != null) {
                made.add(created);
              }
            });
    if (failure != null || made.isEmpty()) {
      abandon(entry);
      throw factoryFailure(entry, failure);
    }
    V value = made.get(0);
    boolean refused;
    lock.lock();
    try {
      entry.value = value;
      entry.creator = null;
      // invalidated meanwhile: the caller still gets its lease, the value closes after it
      if (entry.state != RegistryEntry.RETIRED) {
        entry.state = RegistryEntry.LIVE;
      }
      refused = closed;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    emit(LifecycleListener::onValueCreated, "onValueCreated", entry, null, null);
    if (refused) {
      entry.close();
      throw closedException(entry.key);
    }
    try {
      return leaseOf(entry);
    } catch (Throwable e) { // no lease could be made: give its count back, rethrow
      entry.close();
      throw e;
    }
  }

  /** What {@code acquire} throws when the factory failed ({@code failure}) or returned null. */
  private RuntimeException factoryFailure(RegistryEntry<K, V> entry, @Nullable Throwable failure)
      throws InterruptedException {
    if (failure == null) {
      return new IllegalStateException(
          "the factory of registry \""
              + name
              + "\" returned null for key "
              + entry.description()
              + "; a factory must return a value or throw");
    }
    if (failure instanceof RuntimeException || failure instanceof Error) {
      throw sneaky(failure);
    }
    if (failure instanceof InterruptedException interrupted) {
      Thread.interrupted(); // the exception carries the interrupt now
      throw interrupted;
    }
    return new FactoryException(
        "the factory of registry \""
            + name
            + "\" threw a checked exception for key "
            + entry.description()
            + " (it is the cause; nothing was created): "
            + UserCode.describeFailure(failure),
        failure);
  }

  private void abandon(RegistryEntry<K, V> entry) {
    lock.lock();
    try {
      entries.remove(entry.ref, entry);
      entry.creator = null;
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
            "released more leases than acquired in registry \"" + name + "\"; this is a bug in lifecycle");
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
   * @throws IllegalArgumentException if the key's {@code equals} or {@code hashCode} throws
   */
  @CanIgnoreReturnValue
  public boolean invalidate(K key) {
    Require.nonNull(key, "key");
    KeyRef<K> ref = KeyRef.of(key);
    List<RegistryEntry<K, V>> toClose = null;
    boolean wasClosed;
    RegistryEntry<K, V> entry = null;
    lock.lock();
    try {
      wasClosed = closed;
      if (!wasClosed) {
        entry = entries.get(ref);
        if (entry != null && !ref.failed()) {
          toClose = retireLocked(entry, RemovalCause.EXPLICIT, null);
        }
      }
    } finally {
      lock.unlock();
      if (toClose != null) {
        closeAll(toClose);
      }
    }
    if (wasClosed) {
      throw closedException(key);
    }
    if (ref.failed()) {
      throw ref.equalsFailure();
    }
    return entry != null;
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
    entries.remove(entry.ref, entry); // found by identity: no equals is called for its own key
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
      emit(LifecycleListener::onEviction, "onEviction", entry, entry.cause, null);
      if (value != null) {
        Throwable failure = UserCode.close(value);
        if (failure == null) {
          emit(LifecycleListener::onValueClosed, "onValueClosed", entry, entry.cause, null);
        } else {
          UserCode.failed(
              "registry \""
                  + name
                  + "\": closing the value of key "
                  + entry.description()
                  + " failed; it is removed all the same",
              failure);
          emit(
              LifecycleListener::onCloseFailed,
              "onCloseFailed",
              entry,
              entry.cause,
              UserCode.describeFailure(failure));
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

  /** Delivers one event to every listener; a listener that throws anything is logged, once. */
  private void emit(
      Emitter kind,
      String what,
      RegistryEntry<K, V> entry,
      @Nullable RemovalCause cause,
      @Nullable String failure) {
    if (listeners.isEmpty()) {
      return;
    }
    RegistryEvent event = new RegistryEvent(name, entry.description(), cause, failure);
    UserCode.fanOut(listeners, what + " " + event, listener -> kind.emit(listener, event));
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

  private IllegalStateException closedException(K key) {
    return new IllegalStateException(
        "registry \""
            + name
            + "\" is closed; cannot acquire key "
            + UserCode.describe(key)
            + "; acquire before closing the registry");
  }

  private CapacityExceededException full(K key, boolean waited, int leasedThen) {
    return new CapacityExceededException(
        "registry \""
            + name
            + "\" is full: capacity "
            + capacity
            + ", "
            + leasedThen
            + " leased; no room for key "
            + UserCode.describe(key)
            + (waited
                ? " within " + Durations.approx(Duration.ofNanos(maxWaitNanos))
                    + " (the max wait, set by Builder.whenFull(WAIT, maxWait), 30 s by default)"
                : " (policy FAIL_FAST)")
            + "; close leases sooner, raise the capacity or the wait");
  }

  private CapacityExceededException creationTimeout(K key) {
    return new CapacityExceededException(
        "registry \""
            + name
            + "\": the value of key "
            + UserCode.describe(key)
            + " was still being created by another thread after "
            + Durations.approx(Duration.ofNanos(maxWaitNanos))
            + " (the max wait, set by Builder.whenFull(policy, maxWait), 30 s by default); make"
            + " its factory faster or raise the wait");
  }

  private IllegalStateException reentered(K key) {
    return new IllegalStateException(
        "the factory of key "
            + UserCode.describe(key)
            + " in registry \""
            + name
            + "\" acquires that same key; the factory of a key must not acquire that key (it would"
            + " wait for itself forever): build what it needs without the registry, or use another"
            + " key");
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

  /**
   * Whether the registry holds a usable value for {@code key} now (it is not created).
   *
   * @throws IllegalArgumentException if the key's {@code equals} or {@code hashCode} throws
   */
  public boolean contains(K key) {
    KeyRef<K> ref = KeyRef.of(Require.nonNull(key, "key"));
    boolean live;
    lock.lock();
    try {
      RegistryEntry<K, V> entry = entries.get(ref);
      live = entry != null && entry.state == RegistryEntry.LIVE;
    } finally {
      lock.unlock();
    }
    if (ref.failed()) {
      throw ref.equalsFailure();
    }
    return live;
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
      this.capacity = Require.atLeast(capacity, 1, "capacity");
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
      this.idleTimeout = Require.nonNegative(timeout, "idle timeout");
      return this;
    }

    /**
     * What {@code acquire} does at capacity with every value leased: wait up to {@code maxWait},
     * or with {@link WhenFull#FAIL_FAST}, fail at once. Under both policies {@code maxWait} bounds
     * the wait for a value another thread is creating. A wait longer than about 292 years (such as
     * {@code ChronoUnit.FOREVER.getDuration()}) is that long.
     *
     * @throws IllegalArgumentException if {@code maxWait} is negative
     */
    @CanIgnoreReturnValue
    public Builder whenFull(WhenFull policy, Duration maxWait) {
      Duration wait = Require.nonNegative(maxWait, "max wait");
      this.whenFull = Require.nonNull(policy, "policy");
      this.maxWait = wait;
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
      this.closeTimeout = Require.nonNegative(timeout, "close timeout");
      return this;
    }

    /** The time source of the idle timeout, in nanoseconds (a fake one in tests). */
    @CanIgnoreReturnValue
    public Builder ticker(LongSupplier nanoTime) {
      this.ticker = Require.nonNull(nanoTime, "ticker");
      return this;
    }

    /**
     * The tracker that finds dropped leases (kind {@code lifecycle.Lease}, an accounting kind: a
     * dropped lease is released at every level and policy, {@code OFF} and {@code REPORT_ONLY}
     * included).
     */
    @CanIgnoreReturnValue
    public Builder tracker(Tracker tracker) {
      this.tracker = Require.nonNull(tracker, "tracker");
      return this;
    }

    /** Adds a listener for created, evicted, closed and close-failed values. */
    @CanIgnoreReturnValue
    public Builder listener(LifecycleListener listener) {
      listeners.add(Require.nonNull(listener, "listener"));
      return this;
    }

    /** A new, empty registry; close it when done. */
    public <K, V extends AutoCloseable> BoundedRegistry<K, V> build() {
      return new BoundedRegistry<>(this);
    }
  }
}
