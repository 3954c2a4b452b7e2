package dev.lifecycle.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.PhantomReference;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The tracker's record of one live resource, and the phantom reference that tells it when the
 * wrapper was dropped. It holds the raw resource and a {@link Context}, never the wrapper, so the
 * wrapper can be collected.
 *
 * <p>48 bytes with compressed oops: the reference's 28, two list links, the state, the context and
 * the creation tick. The links are guarded by the {@link Stripe} that holds the handle.
 */
final class Handle extends PhantomReference<Object> implements Tracked {
  /** Set on {@link #created} once a long hold was reported for this resource. */
  static final int WARNED = 0x8000_0000;

  static final int TICK_MASK = 0x7fff_ffff;

  private static final VarHandle STATE;
  private static final VarHandle CONTEXT;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      STATE = lookup.findVarHandle(Handle.class, "state", Object.class);
      CONTEXT = lookup.findVarHandle(Handle.class, "context", Context.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Nullable Handle prev;
  @Nullable Handle next;

  /**
   * The raw resource while open. Once closed: the closing thread's name (a {@code String}), or a
   * {@link Closed} at {@code PARANOID} and after a leak. Written only under the stripe's lock.
   */
  private Object state; // read with acquire, written with release (STATE)

  private Context context; // read with acquire, written with release (CONTEXT)

  /**
   * Tracker tick at creation, plus {@link #WARNED}; once closed, the tick of the close. Written
   * only under the stripe's lock (or before linking).
   */
  int created;

  Handle(Object wrapper, AutoCloseable raw, Context context, int created) {
    super(wrapper, context.kind.tracker.queue);
    // Plain stores, no fence: linking takes the stripe's lock, which publishes them.
    this.state = raw;
    this.context = context;
    this.created = created;
    context.stripe.link(this, context.kind.index);
  }

  Context context() {
    return (Context) CONTEXT.getAcquire(this);
  }

  private Object state() {
    return STATE.getAcquire(this);
  }

  void owner(@Nullable String owner) {
    CONTEXT.setRelease(this, context().withOwner(owner));
  }

  /**
   * Records {@code owner} as the scope owning this resource unless another scope does: returns
   * {@code null} when recorded, else the path of the scope that owns it.
   */
  @Nullable String claimOwner(String owner) {
    while (true) {
      Context c = context();
      if (c.owner != null && isOpen()) {
        return c.owner;
      }
      if (CONTEXT.compareAndSet(this, c, c.withOwner(owner))) {
        return null;
      }
    }
  }

  /** Tracker ticks since creation, modulo 2^31 (about 24 days). */
  int ageTicks(int now) {
    return (now - created) & TICK_MASK;
  }

  private static boolean isClosed(Object state) {
    return state instanceof String || state instanceof Closed;
  }

  /**
   * One compare-and-set in all: the stripe's lock. The state changes under it, so a plain release
   * store is enough.
   */
  @Override
  public boolean close() {
    if (isClosed(state())) {
      return false;
    }
    Context c = context();
    Tracker tracker = c.kind.tracker;
    Thread thread = Thread.currentThread();
    Object closed =
        tracker.level == DetectionLevel.PARANOID
            ? new Closed(thread.getName(), tracker.tick(), new Throwable("closed here"))
            : thread.getName();
    Stripe stripe = c.stripe;
    stripe.lock();
    try {
      if (isClosed(state())) {
        return false;
      }
      created = tracker.tick();
      STATE.setRelease(this, closed);
      stripe.unlinkLocked(this, c.kind.index);
      return true;
    } finally {
      stripe.unlock();
    }
  }

  /**
   * Called by the tracker when the wrapper became unreachable: marks the handle leaked and returns
   * the raw resource, or {@code null} if the handle was closed first.
   */
  @Nullable AutoCloseable markLeaked() {
    Context c = context();
    Stripe stripe = c.stripe;
    stripe.lock();
    try {
      Object current = state();
      if (isClosed(current)) {
        return null;
      }
      STATE.setRelease(this, Closed.LEAKED);
      stripe.unlinkLocked(this, c.kind.index);
      return (AutoCloseable) current;
    } finally {
      stripe.unlock();
    }
  }

  @Override
  public void checkOpen() {
    Object current = state();
    if (isClosed(current)) {
      throw closedException(current);
    }
  }

  private IllegalStateException closedException(Object closed) {
    Tracker tracker = context().kind.tracker;
    Closed record = closed instanceof Closed c ? c : null;
    String thread = record == null ? (String) closed : record.thread;
    int tick = record == null ? created : record.tick;
    String message =
        id()
            + " is closed: closed at "
            + tracker.instantOf(tick)
            + " by thread "
            + thread
            + "; do not use a resource after close()";
    return record == null || record.site == null
        ? new IllegalStateException(message)
        : new IllegalStateException(message, record.site);
  }

  @Override
  public boolean isOpen() {
    return !isClosed(state());
  }

  @Override
  public void touch(String hint) {
    AccessLog access = context().access;
    if (access != null) {
      access.add(hint);
    }
  }

  @Override
  public String id() {
    return context().kind.name() + "#" + Integer.toHexString(System.identityHashCode(this));
  }

  /** This resource as the inventory shows it, or {@code null} if it is no longer open. */
  @Nullable LiveResource describe(int now) {
    return isOpen() ? describeAny(now) : null;
  }

  /** Whether the tracker found this resource's wrapper dropped while open. */
  boolean isLeaked() {
    return state() == Closed.LEAKED;
  }

  /** This resource as the inventory shows it, open or not. */
  LiveResource describeAny(int now) {
    Context c = context();
    Tracker tracker = c.kind.tracker;
    int createdTick = created & TICK_MASK;
    Instant createdAt = tracker.instantOf(createdTick);
    return new LiveResource(
        c.kind.name(),
        id(),
        Texts.maskOrNull(description(c, state())),
        Texts.maskOrNull(c.owner),
        createdAt,
        tracker.durationOf(ageTicks(now)),
        c.thread,
        Texts.stackOf(c.site));
  }

  /**
   * The description of the resource: the one it was tracked with, else what a {@link
   * SelfDescribing} raw resource (given while open, or as reclaimed) says of itself.
   */
  static @Nullable String description(Context c, @Nullable Object raw) {
    if (c.description != null || !(raw instanceof SelfDescribing self)) {
      return c.description;
    }
    try {
      return self.describe();
    } catch (RuntimeException e) { // a description must never cost a report
      return null;
    }
  }

  @Override
  public String toString() {
    return id();
  }
}
