package dev.lifecycle.core;

import org.jspecify.annotations.Nullable;

/**
 * The state of a handle closed at {@code PARANOID} (by which thread, when in tracker ticks, and
 * where) or found leaked. At other levels a closed handle's state is just the closing thread's
 * name. Immutable.
 */
final class Closed {
  /** The state of a handle whose wrapper the tracker found leaked. */
  static final Closed LEAKED = new Closed("the leak detector", 0, null);

  final String thread;
  final int tick;
  final @Nullable Throwable site;

  Closed(String thread, int tick, @Nullable Throwable site) {
    this.thread = thread;
    this.tick = tick;
    this.site = site;
  }
}
