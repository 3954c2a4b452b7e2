package dev.lifecycle.core;

/**
 * The one surface for everything lifecycle reports: leaks and resources held too long (from a
 * {@link Tracker}), and health alarms, stalls and recoveries (from a {@link HealthMonitor} and a
 * {@link Watchdog}, through the methods inherited from {@link HealthListener}). One implementation
 * can be registered with all of them.
 *
 * <p>Every method is a no-op by default, so that a listener overrides only what it needs and new
 * events can be added without breaking it. Methods are called on the reporting component's own
 * thread; they should return quickly and must not block. An exception thrown by a listener is
 * logged and does not stop the other listeners.
 *
 * @see Tracker#addListener(LifecycleListener)
 */
public interface LifecycleListener extends HealthListener {
  /** A tracked resource was garbage-collected without being closed. */
  default void onLeak(LeakReport report) {}

  /** A tracked resource is still open, and reachable, longer than its kind's hold threshold. */
  default void onLongHold(LongHoldReport report) {}
}
