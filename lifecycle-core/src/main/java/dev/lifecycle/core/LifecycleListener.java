package dev.lifecycle.core;

import dev.lifecycle.core.health.HealthListener;
import dev.lifecycle.core.health.HealthMonitor;
import dev.lifecycle.core.health.Watchdog;

/**
 * The one surface for everything lifecycle reports: leaks and resources held too long (from a
 * {@link Tracker}), values created, evicted, closed or failing to close (from a {@link
 * BoundedRegistry}), and health alarms, stalls and recoveries (from a {@link HealthMonitor} and a
 * {@link Watchdog}, through the methods inherited from {@link HealthListener}). One implementation
 * can be registered with all of them.
 *
 * <p>Every method is a no-op by default, so that a listener overrides only what it needs and new
 * events can be added without breaking it. Tracker, monitor and watchdog events are delivered on
 * their own threads, registry events on the thread that caused them; either way a listener should
 * return quickly and must not block. An exception thrown by a listener is logged and does not stop
 * the other listeners.
 *
 * @see Tracker#addListener(LifecycleListener)
 * @see BoundedRegistry.Builder#listener(LifecycleListener)
 */
public interface LifecycleListener extends HealthListener {
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
