package dev.lifecycle.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One of the tracker's lists of live handles, newest at the head, oldest at the tail, with live
 * counts per kind. Threads are spread over stripes, so that tracking takes no global lock.
 *
 * <p>Thread-safe: every method holds this stripe's lock for a few field writes. The lock is a
 * compare-and-set to take and a plain release store to give back, one atomic instruction per
 * operation where a monitor takes two; nothing that holds it blocks or calls foreign code, so a
 * waiter spins briefly and then yields.
 */
final class Stripe {
  private static final VarHandle LOCK;

  static {
    try {
      LOCK = MethodHandles.lookup().findVarHandle(Stripe.class, "locked", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // Padding keeps two stripes off one cache line: they are written by different threads.
  @SuppressWarnings("unused")
  private long p1, p2, p3, p4, p5, p6, p7;

  private @Nullable Handle head;
  private @Nullable Handle tail;
  private int[] live = new int[8];
  private volatile int locked;

  @SuppressWarnings("unused")
  private long q1, q2, q3, q4, q5, q6, q7;

  void lock() {
    if (!LOCK.compareAndSet(this, 0, 1)) {
      lockSlowly();
    }
  }

  // Yielding is the point: the holder runs a few instructions, unless it was descheduled.
  @SuppressWarnings("ThreadPriorityCheck")
  private void lockSlowly() {
    int spins = 0;
    while (!LOCK.compareAndSet(this, 0, 1)) {
      if (++spins < 64) {
        Thread.onSpinWait();
      } else {
        Thread.yield(); // the holder was descheduled; let it finish
      }
    }
  }

  void unlock() {
    LOCK.setRelease(this, 0);
  }

  void link(Handle handle, int kind) {
    lock();
    try {
      linkLocked(handle, kind);
    } finally {
      unlock();
    }
  }

  private void linkLocked(Handle handle, int kind) {
    Handle first = head;
    handle.next = first;
    if (first == null) {
      tail = handle;
    } else {
      first.prev = handle;
    }
    head = handle;
    if (kind >= live.length) {
      live = Arrays.copyOf(live, Math.max(kind + 1, live.length * 2));
    }
    live[kind]++;
  }

  /** Removes {@code handle}; the caller holds the lock. */
  void unlinkLocked(Handle handle, int kind) {
    Handle before = handle.prev;
    Handle after = handle.next;
    if (before == null) {
      if (head != handle) {
        return; // not linked
      }
      head = after;
    } else {
      before.next = after;
    }
    if (after == null) {
      tail = before;
    } else {
      after.prev = before;
    }
    handle.prev = null;
    handle.next = null;
    live[kind]--;
  }

  int live(int kind) {
    lock();
    try {
      return liveLocked(kind);
    } finally {
      unlock();
    }
  }

  private int liveLocked(int kind) {
    return kind < live.length ? live[kind] : 0;
  }

  /** The age in ticks of the oldest handle of {@code kind}, or -1 if there is none. */
  int oldestAge(int kind, int now) {
    lock();
    try {
      return oldestAgeLocked(kind, now);
    } finally {
      unlock();
    }
  }

  private int oldestAgeLocked(int kind, int now) {
    if (kind >= live.length || live[kind] == 0) {
      return -1;
    }
    for (Handle h = tail; h != null; h = h.prev) {
      if (h.context().kind.index == kind) {
        return h.ageTicks(now);
      }
    }
    return -1;
  }

  /** Adds every handle, oldest first. */
  void addAllTo(List<Handle> out) {
    lock();
    try {
      addAllToLocked(out);
    } finally {
      unlock();
    }
  }

  private void addAllToLocked(List<Handle> out) {
    for (Handle h = tail; h != null; h = h.prev) {
      out.add(h);
    }
  }

  /**
   * Adds to {@code out} the handles older than their kind's hold threshold that were not reported
   * yet, and marks them reported. Walks from the oldest and stops at the first handle younger than
   * {@code minThreshold} ticks.
   */
  void collectLongHolds(int now, int minThreshold, List<Handle> out) {
    lock();
    try {
      collectLongHoldsLocked(now, minThreshold, out);
    } finally {
      unlock();
    }
  }

  private void collectLongHoldsLocked(int now, int minThreshold, List<Handle> out) {
    for (Handle h = tail; h != null; h = h.prev) {
      int age = h.ageTicks(now);
      if (age < minThreshold) {
        return;
      }
      if ((h.created & Handle.WARNED) == 0) {
        long threshold = h.context().kind.holdThresholdTicks();
        if (threshold > 0 && age >= threshold) {
          h.created |= Handle.WARNED;
          out.add(h);
        }
      }
    }
  }
}
