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

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(Handle.class, "state", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Nullable Handle prev;
  @Nullable Handle next;

  /** The raw resource while open; a {@link Closed} after close or leak. */
  private volatile Object state;

  private volatile Context context;

  /** Tracker tick at creation, plus {@link #WARNED}; guarded by the stripe after linking. */
  int created;

  Handle(Object wrapper, AutoCloseable raw, Context context, int created) {
    super(wrapper, context.kind.tracker.queue);
    this.state = raw;
    this.context = context;
    this.created = created;
    context.stripe.link(this, context.kind.index);
  }

  Context context() {
    return context;
  }

  void owner(@Nullable String owner) {
    context = context.withOwner(owner);
  }

  /** Tracker ticks since creation, modulo 2^31 (about 24 days). */
  int ageTicks(int now) {
    return (now - created) & TICK_MASK;
  }

  @Override
  public boolean close() {
    Object current = state;
    if (current instanceof Closed) {
      return false;
    }
    Context c = context;
    Tracker tracker = c.kind.tracker;
    Closed closed =
        new Closed(
            Thread.currentThread().getName(),
            tracker.tick(),
            tracker.level == DetectionLevel.PARANOID ? new Throwable("closed here") : null);
    if (!STATE.compareAndSet(this, current, closed)) {
      return false;
    }
    c.stripe.unlink(this, c.kind.index);
    return true;
  }

  /**
   * Called by the tracker when the wrapper became unreachable: marks the handle leaked and returns
   * the raw resource, or {@code null} if the handle was closed first.
   */
  @Nullable AutoCloseable markLeaked() {
    Object current = state;
    if (current instanceof Closed || !STATE.compareAndSet(this, current, Closed.LEAKED)) {
      return null;
    }
    Context c = context;
    c.stripe.unlink(this, c.kind.index);
    return (AutoCloseable) current;
  }

  @Override
  public void checkOpen() {
    if (state instanceof Closed closed) {
      throw closedException(closed);
    }
  }

  private IllegalStateException closedException(Closed closed) {
    Tracker tracker = context.kind.tracker;
    String message =
        id()
            + " is closed: closed at "
            + tracker.instantOf(closed.tick)
            + " by thread "
            + closed.thread
            + "; do not use a resource after close()";
    return closed.site == null
        ? new IllegalStateException(message)
        : new IllegalStateException(message, closed.site);
  }

  @Override
  public boolean isOpen() {
    return !(state instanceof Closed);
  }

  @Override
  public void touch(String hint) {
    AccessLog access = context.access;
    if (access != null) {
      access.add(hint);
    }
  }

  @Override
  public String id() {
    return context.kind.name() + "#" + Integer.toHexString(System.identityHashCode(this));
  }

  /** This resource as the inventory shows it, or {@code null} if it is no longer open. */
  @Nullable LiveResource describe(int now) {
    if (!isOpen()) {
      return null;
    }
    Context c = context;
    Tracker tracker = c.kind.tracker;
    int createdTick = created & TICK_MASK;
    Instant createdAt = tracker.instantOf(createdTick);
    return new LiveResource(
        c.kind.name(),
        id(),
        c.description == null ? null : Texts.mask(c.description),
        c.owner,
        createdAt,
        tracker.durationOf(ageTicks(now)),
        c.thread,
        Texts.stackOf(c.site));
  }

  @Override
  public String toString() {
    return id();
  }
}
