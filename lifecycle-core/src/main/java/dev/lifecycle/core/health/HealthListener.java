package dev.lifecycle.core.health;

/**
 * Receives what a {@link HealthMonitor} and a {@link Watchdog} find; {@link
 * dev.lifecycle.core.LifecycleListener} extends it, so one listener can take every event. Every
 * method does nothing by default: implement the ones you need.
 *
 * <p>Methods are called on the monitor's or the watchdog's own thread, one at a time per monitor;
 * keep them short and never block in them, or the next sample or check is late. An exception thrown
 * by a listener is logged and does not stop the others.
 */
public interface HealthListener {
  /** A gauge crossed a watermark, or its trend's time to the limit crossed a horizon. */
  default void onHealthAlarm(HealthAlarm alarm) {}

  /** A loop missed its heartbeat deadline. Called once per stall. */
  default void onStall(StallReport stall) {}

  /** A stalled loop sent a heartbeat again. */
  default void onRecovery(StallRecovery recovery) {}
}
