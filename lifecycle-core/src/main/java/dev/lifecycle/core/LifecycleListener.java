package dev.lifecycle.core;

/**
 * Receives the events of a {@link Tracker} (leaks, resources held too long) and of a {@link
 * BoundedRegistry} (values created, evicted, closed, failing to close).
 *
 * <p>Every method is a no-op by default, so that a listener overrides only what it needs and new
 * events can be added without breaking it. Tracker events are delivered on the tracker's own
 * thread, registry events on the thread that caused them; either way a listener should return
 * quickly and must not block. An exception thrown by a listener is logged and does not stop the
 * other listeners.
 *
 * @see Tracker#addListener(LifecycleListener)
 * @see BoundedRegistry.Builder#listener(LifecycleListener)
 */
public interface LifecycleListener {
  /** A tracked resource was garbage-collected without being closed. */
  default void onLeak(LeakReport report) {}

  /** A tracked resource is still open, and reachable, longer than its kind's hold threshold. */
  default void onLongHold(LongHoldReport report) {}

  /** A registry created a value for a key. */
  default void onValueCreated(RegistryEvent event) {}

  /** A registry removed a value ({@link RegistryEvent#cause()} says why); it is closed next. */
  default void onEviction(RegistryEvent event) {}

  /** A registry closed a value, after its last lease was released. */
  default void onValueClosed(RegistryEvent event) {}

  /**
   * A registry's value threw from {@code close()}; it is removed all the same, and {@link
   * RegistryEvent#failure()} says what was thrown.
   */
  default void onCloseFailed(RegistryEvent event) {}
}
