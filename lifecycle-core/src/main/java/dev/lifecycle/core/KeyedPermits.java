package dev.lifecycle.core;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.lifecycle.core.internal.Require;
import dev.lifecycle.core.internal.UserCode;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Per-key and global concurrency limits, such as connections per destination and in total.
 *
 * <pre>{@code
 * KeyedPermits<String> permits =
 *     KeyedPermits.<String>newBuilder().perKeyLimit(4).globalLimit(100).build();
 * try (Permit permit = permits.acquire("mx.example.org", Duration.ofSeconds(2))) {
 *   ...send...
 * }
 * }</pre>
 *
 * <p>Each {@link Permit} counts against its key's limit (the {@linkplain Builder#perKeyLimit
 * default} or the key's {@linkplain Builder#limit override}) and the global limit until it is
 * closed. Release happens exactly once on every path: close (idempotent), an interrupt or a timeout
 * while waiting (nothing stays counted), and, through the {@link Tracker}, a permit dropped
 * without close. {@link #inUse(Object)}, {@link #inUse()} and {@link #waiting(Object)} are the
 * truth at the moment they are read, and {@link #audit()} recounts the live permits to prove it.
 *
 * <p><b>Fairness.</b> A released permit goes at once to the longest-waiting acquirer whose key is
 * under its limit (first come, first served among those that can use it), and a new acquire never
 * takes a permit that such a waiter could have. So a hot key cannot starve other keys of the global
 * budget: an acquirer for a cold key waits at most for the acquirers that came before it. Waiters
 * whose own key is at its limit do not hold up the others.
 *
 * <p>Keys are kept only while they have permits in use or waiters: idle keys leave no state. A key
 * whose {@code equals} or {@code hashCode} throws fails its call with an {@link
 * IllegalArgumentException} and leaves nothing behind. Arguments are checked before any state
 * changes.
 *
 * <p>Thread-safe.
 *
 * @param <K> the type of the keys, with {@code equals} and {@code hashCode}
 */
public final class KeyedPermits<K> {
  private final int globalLimit;
  private final int perKeyLimit;
  private final Map<KeyRef<K>, Integer> limits;
  private final ResourceKind permitKind;

  private final ReentrantLock lock = new ReentrantLock();
  private final HashMap<KeyRef<K>, PermitKey<K>> keys = new HashMap<>();
  private final ArrayDeque<Waiter<K>> waiters = new ArrayDeque<>();
  private int inUse;

  /** An acquirer waiting for a permit; {@link #grant} is set by the releasing thread. */
  private static final class Waiter<K> {
    final PermitKey<K> key;
    final Condition granted;
    @Nullable PermitGrant<K> grant;

    Waiter(PermitKey<K> key, Condition granted) {
      this.key = key;
      this.granted = granted;
    }
  }

  private KeyedPermits(Builder<K> builder) {
    this.globalLimit = builder.globalLimit;
    this.perKeyLimit = builder.perKeyLimit;
    this.limits = Map.copyOf(builder.limits);
    this.permitKind = builder.tracker.accountingKind("lifecycle.Permit");
  }

  /** A builder with no limit yet: set at least one. */
  public static <K> Builder<K> newBuilder() {
    return new Builder<>();
  }

  /**
   * A permit for {@code key} if one is free now without overtaking a waiter, else {@code null}.
   * The caller must close the permit.
   *
   * @throws IllegalArgumentException if the key's {@code equals} or {@code hashCode} throws
   */
  public @Nullable Permit tryAcquire(K key) {
    KeyRef<K> ref = KeyRef.of(Require.nonNull(key, "key"));
    int limit = limitOf(ref);
    PermitGrant<K> grant = null;
    lock.lock();
    try {
      PermitKey<K> state = keys.get(ref);
      if (!ref.failed()) {
        if (state == null) {
          state = new PermitKey<>(ref, limit);
          if (available(state)) {
            grant = putAndGrantLocked(ref, state);
          }
        } else if (available(state)) {
          grant = grantLocked(state);
        }
      }
    } finally {
      lock.unlock();
    }
    if (ref.failed()) {
      throw ref.equalsFailure();
    }
    return grant == null ? null : permitOf(grant);
  }

  /** Keeps the new {@code state} and grants it a permit; or null if the key's equals threw. */
  private @Nullable PermitGrant<K> putAndGrantLocked(KeyRef<K> ref, PermitKey<K> state) {
    keys.put(ref, state);
    if (ref.failed()) {
      keys.remove(ref, state); // found again by identity: no equals is needed
      return null;
    }
    return grantLocked(state);
  }

  /**
   * A permit for {@code key}, waiting up to {@code timeout} for one. The caller must close it.
   *
   * @throws CapacityExceededException if no permit came within {@code timeout}, naming the key,
   *     the limits and their use; no permit stays counted
   * @throws InterruptedException if interrupted before or while waiting; no permit stays counted
   * @throws IllegalArgumentException if {@code timeout} is negative, or the key's {@code equals}
   *     or {@code hashCode} throws; a timeout longer than about 292 years (such as {@code
   *     ChronoUnit.FOREVER.getDuration()}) waits that long
   */
  public Permit acquire(K key, Duration timeout) throws InterruptedException {
    Require.nonNull(key, "key");
    long nanos = Require.saturatedNanos(Require.nonNegative(timeout, "timeout"));
    KeyRef<K> ref = KeyRef.of(key);
    int limit = limitOf(ref);
    if (Thread.interrupted()) {
      throw new InterruptedException(
          "interrupted before acquiring a permit for " + UserCode.describe(key));
    }
    PermitGrant<K> grant = null;
    String figures = null;
    lock.lock();
    try {
      PermitKey<K> state = keys.get(ref);
      if (!ref.failed()) {
        if (state == null) {
          state = new PermitKey<>(ref, limit);
          keys.put(ref, state);
          if (ref.failed()) {
            keys.remove(ref, state); // found again by identity: no equals is needed
            state = null;
          }
        }
        if (state != null) {
          if (available(state)) {
            grant = grantLocked(state);
          } else {
            grant = awaitLocked(state, nanos);
            if (grant == null) {
              figures = figuresLocked(state);
              giveUpLocked(state);
            }
          }
        }
      }
    } finally {
      lock.unlock();
    }
    if (grant != null) {
      return permitOf(grant);
    }
    if (figures != null) {
      throw new CapacityExceededException(
          "no permit for key "
              + UserCode.describe(key)
              + " within "
              + timeout
              + ": "
              + figures
              + "; close permits sooner, raise the limits or wait longer");
    }
    throw ref.equalsFailure();
  }

  /**
   * Waits up to {@code nanos} for a grant; null on timeout, with the waiter still counted (the
   * caller reads the figures, then gives up).
   */
  private @Nullable PermitGrant<K> awaitLocked(PermitKey<K> state, long nanos)
      throws InterruptedException {
    Waiter<K> waiter = new Waiter<>(state, lock.newCondition());
    waiters.addLast(waiter);
    state.waiting++;
    long deadline = Require.deadlineNanos(System.nanoTime(), nanos);
    try {
      long remaining = nanos;
      while (waiter.grant == null && remaining > 0) {
        waiter.granted.awaitNanos(remaining);
        remaining = deadline - System.nanoTime();
      }
    } catch (InterruptedException e) {
      PermitGrant<K> late = waiter.grant;
      if (late != null) {
        releaseLocked(late); // granted, but the caller will not get it: pass it on
      } else {
        giveUp(waiter);
      }
      throw e;
    }
    PermitGrant<K> grant = waiter.grant;
    if (grant == null) {
      waiters.remove(waiter);
      waiter.key.waiting--;
    }
    return grant;
  }

  /** {@code "1 of 2 in use for the key, 3 of 4 in total, 0 waiting"}, saying no more than is set. */
  private String figuresLocked(PermitKey<K> state) {
    StringBuilder text = new StringBuilder().append(state.inUse);
    if (state.limit == Integer.MAX_VALUE) {
      text.append(" in use for the key (no per-key limit)");
    } else {
      text.append(" of ").append(state.limit).append(" in use for the key");
    }
    text.append(", ").append(inUse);
    if (globalLimit == Integer.MAX_VALUE) {
      text.append(" in use in total (no global limit)");
    } else {
      text.append(" of ").append(globalLimit).append(" in total");
    }
    return text.append(", ").append(waiters.size()).append(" waiting").toString();
  }

  /** Forgets {@code state} if the acquirer that gave up was all it had. */
  private void giveUpLocked(PermitKey<K> state) {
    forgetIfIdle(state);
  }

  private void giveUp(Waiter<K> waiter) {
    waiters.remove(waiter);
    waiter.key.waiting--;
    forgetIfIdle(waiter.key);
  }

  private boolean available(PermitKey<K> state) {
    return inUse < globalLimit && state.inUse < state.limit;
  }

  private PermitGrant<K> grantLocked(PermitKey<K> state) {
    PermitGrant<K> grant = new PermitGrant<>(this, state);
    state.link(grant);
    state.inUse++;
    inUse++;
    return grant;
  }

  private Permit permitOf(PermitGrant<K> grant) {
    try {
      return new Permit(grant, permitKind);
    } catch (RuntimeException | Error e) {
      release(grant);
      throw e;
    }
  }

  /** Releases {@code grant} once: called by its permit, or by the tracker for a dropped one. */
  void release(PermitGrant<K> grant) {
    lock.lock();
    try {
      releaseLocked(grant);
    } finally {
      lock.unlock();
    }
  }

  private void releaseLocked(PermitGrant<K> grant) {
    if (grant.released) {
      return;
    }
    grant.released = true;
    PermitKey<K> state = grant.key;
    state.unlink(grant);
    state.inUse--;
    inUse--;
    if (!waiters.isEmpty()) {
      handOff();
    }
    forgetIfIdle(state);
  }

  /** Grants free permits to the longest-waiting acquirers that can use them. */
  private void handOff() {
    Iterator<Waiter<K>> it = waiters.iterator();
    while (it.hasNext() && inUse < globalLimit) {
      Waiter<K> waiter = it.next();
      if (waiter.key.inUse < waiter.key.limit) {
        it.remove();
        waiter.key.waiting--;
        waiter.grant = grantLocked(waiter.key);
        waiter.granted.signal();
      }
    }
  }

  private void forgetIfIdle(PermitKey<K> state) {
    if (state.inUse == 0 && state.waiting == 0) {
      keys.remove(state.ref, state); // found by identity: no equals is called for its own key
    }
  }

  /** The limit of {@code ref}'s key, looked up without the lock (the key's equals may run). */
  private int limitOf(KeyRef<K> ref) {
    if (limits.isEmpty()) {
      return perKeyLimit;
    }
    Integer limit = limits.get(ref);
    if (ref.failed()) {
      throw ref.equalsFailure();
    }
    return limit == null ? perKeyLimit : limit;
  }

  /** Permits of {@code key} in use now. */
  public int inUse(K key) {
    KeyRef<K> ref = KeyRef.of(Require.nonNull(key, "key"));
    int count;
    lock.lock();
    try {
      PermitKey<K> state = keys.get(ref);
      count = state == null ? 0 : state.inUse;
    } finally {
      lock.unlock();
    }
    if (ref.failed()) {
      throw ref.equalsFailure();
    }
    return count;
  }

  /** Permits in use now, of every key. */
  public int inUse() {
    lock.lock();
    try {
      return inUse;
    } finally {
      lock.unlock();
    }
  }

  /** Acquirers waiting for a permit of {@code key} now. */
  public int waiting(K key) {
    KeyRef<K> ref = KeyRef.of(Require.nonNull(key, "key"));
    int count;
    lock.lock();
    try {
      PermitKey<K> state = keys.get(ref);
      count = state == null ? 0 : state.waiting;
    } finally {
      lock.unlock();
    }
    if (ref.failed()) {
      throw ref.equalsFailure();
    }
    return count;
  }

  /** Acquirers waiting now, of every key. */
  public int waiting() {
    lock.lock();
    try {
      return waiters.size();
    } finally {
      lock.unlock();
    }
  }

  /** How many keys have state now: those with permits in use or waiters. */
  public int keyCount() {
    lock.lock();
    try {
      return keys.size();
    } finally {
      lock.unlock();
    }
  }

  /** The limit of {@code key}: its override, or the default. */
  public int limit(K key) {
    return limitOf(KeyRef.of(Require.nonNull(key, "key")));
  }

  /** The limit of all keys together. */
  public int globalLimit() {
    return globalLimit;
  }

  /**
   * Recounts the live permits and waiters one by one and compares them with the counters. A
   * difference would be a bug in lifecycle: it is logged at ERROR as well as returned.
   */
  public PermitAudit audit() {
    List<Difference<K>> found = new ArrayList<>();
    int recounted = 0;
    int keyCount;
    int counted;
    lock.lock();
    try {
      keyCount = keys.size();
      counted = inUse;
      HashMap<PermitKey<K>, Integer> waitingRecount = new HashMap<>();
      for (Waiter<K> waiter : waiters) {
        waitingRecount.merge(waiter.key, 1, Integer::sum);
      }
      for (PermitKey<K> state : keys.values()) {
        int live = state.recount();
        recounted += live;
        if (live != state.inUse) {
          found.add(new Difference<>(state, "counted " + state.inUse + " in use, recounted " + live));
        }
        int waiting = waitingRecount.getOrDefault(state, 0);
        if (waiting != state.waiting) {
          found.add(
              new Difference<>(state, "counted " + state.waiting + " waiting, recounted " + waiting));
        }
        if (live == 0 && waiting == 0) {
          found.add(new Difference<>(state, "idle but still kept"));
        }
        if (live > state.limit) {
          found.add(new Difference<>(state, live + " in use over its limit " + state.limit));
        }
      }
      if (recounted != inUse) {
        found.add(new Difference<>(null, "counted " + inUse + " in use, recounted " + recounted));
      }
      if (recounted > globalLimit) {
        found.add(
            new Difference<>(null, recounted + " in use over the global limit " + globalLimit));
      }
    } finally {
      lock.unlock();
    }
    List<String> differences = new ArrayList<>(found.size());
    for (Difference<K> difference : found) {
      differences.add(difference.text());
    }
    if (!differences.isEmpty()) {
      Tracker.LOGGER.log(
          Level.ERROR, "permit accounting differs from a recount (a bug in lifecycle): " + differences);
    }
    return new PermitAudit(counted, recounted, keyCount, differences);
  }

  /** One difference an audit found, for one key or ({@code key == null}) in total. */
  private record Difference<K>(@Nullable PermitKey<K> key, String what) {
    String text() {
      PermitKey<K> state = key;
      return state == null ? "total: " + what : "key " + state.description() + ": " + what;
    }
  }

  @Override
  public String toString() {
    return "KeyedPermits[per key "
        + (perKeyLimit == Integer.MAX_VALUE ? "unlimited" : perKeyLimit)
        + ", global "
        + (globalLimit == Integer.MAX_VALUE ? "unlimited" : globalLimit)
        + "]";
  }

  /**
   * Configures {@link KeyedPermits}. Defaults: no per-key limit and no global limit (set at least
   * one), {@link Tracker#global()}.
   *
   * @param <K> the type of the keys
   */
  public static final class Builder<K> {
    private int globalLimit = Integer.MAX_VALUE;
    private int perKeyLimit = Integer.MAX_VALUE;
    private final Map<KeyRef<K>, Integer> limits = new HashMap<>();
    private Tracker tracker = Tracker.global();

    private Builder() {}

    /**
     * At most {@code limit} permits in use for all keys together.
     *
     * @throws IllegalArgumentException if {@code limit < 1}
     */
    @CanIgnoreReturnValue
    public Builder<K> globalLimit(int limit) {
      this.globalLimit = Require.atLeast(limit, 1, "global limit");
      return this;
    }

    /**
     * At most {@code limit} permits in use per key, unless the key has its own {@link #limit}.
     *
     * @throws IllegalArgumentException if {@code limit < 1}
     */
    @CanIgnoreReturnValue
    public Builder<K> perKeyLimit(int limit) {
      this.perKeyLimit = Require.atLeast(limit, 1, "per-key limit");
      return this;
    }

    /**
     * At most {@code limit} permits in use for {@code key}, instead of the per-key default.
     *
     * @throws IllegalArgumentException if {@code limit < 1}
     */
    @CanIgnoreReturnValue
    public Builder<K> limit(K key, int limit) {
      KeyRef<K> ref = KeyRef.of(Require.nonNull(key, "key"));
      Require.atLeast(limit, 1, "limit of key " + ref);
      limits.put(ref, limit);
      if (ref.failed()) {
        throw ref.equalsFailure();
      }
      return this;
    }

    /**
     * The tracker that finds dropped permits (kind {@code lifecycle.Permit}, an accounting kind:
     * a dropped permit is released at every level and policy, {@code OFF} and {@code REPORT_ONLY}
     * included, so {@code inUse} cannot drift).
     */
    @CanIgnoreReturnValue
    public Builder<K> tracker(Tracker tracker) {
      this.tracker = Require.nonNull(tracker, "tracker");
      return this;
    }

    /**
     * New permits, none in use.
     *
     * @throws IllegalStateException if neither a per-key nor a global limit was set
     */
    public KeyedPermits<K> build() {
      Require.state(
          globalLimit != Integer.MAX_VALUE || perKeyLimit != Integer.MAX_VALUE,
          "no limit set; set perKeyLimit(n), globalLimit(n) or both before build()");
      return new KeyedPermits<>(this);
    }
  }
}
