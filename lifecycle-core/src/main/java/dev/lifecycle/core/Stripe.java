package dev.lifecycle.core;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One of the tracker's lists of live handles, newest at the head, oldest at the tail, with live
 * counts per kind. Threads are spread over stripes, so that tracking takes no global lock.
 *
 * <p>Thread-safe: every method holds this stripe's monitor for a few field writes and never
 * blocks inside it.
 */
final class Stripe {
  // Padding keeps two stripes off one cache line: they are written by different threads.
  @SuppressWarnings("unused")
  private long p1, p2, p3, p4, p5, p6, p7;

  private @Nullable Handle head;
  private @Nullable Handle tail;
  private int[] live = new int[8];

  @SuppressWarnings("unused")
  private long q1, q2, q3, q4, q5, q6, q7;

  synchronized void link(Handle handle, int kind) {
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

  synchronized void unlink(Handle handle, int kind) {
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

  synchronized int live(int kind) {
    return kind < live.length ? live[kind] : 0;
  }

  /** The age in ticks of the oldest handle of {@code kind}, or -1 if there is none. */
  synchronized int oldestAge(int kind, int now) {
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
  synchronized void addAllTo(List<Handle> out) {
    for (Handle h = tail; h != null; h = h.prev) {
      out.add(h);
    }
  }

  /**
   * Adds to {@code out} the handles older than their kind's hold threshold that were not reported
   * yet, and marks them reported. Walks from the oldest and stops at the first handle younger than
   * {@code minThreshold} ticks.
   */
  synchronized void collectLongHolds(int now, int minThreshold, List<Handle> out) {
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
