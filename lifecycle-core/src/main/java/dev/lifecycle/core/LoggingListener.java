package dev.lifecycle.core;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Logs leaks and long holds at WARNING to {@code System.Logger} {@code dev.lifecycle}: the summary
 * line, then the allocation stack and access records.
 */
final class LoggingListener implements LifecycleListener {
  private static final Logger LOGGER = System.getLogger("dev.lifecycle");

  @Override
  public void onLeak(LeakReport report) {
    if (LOGGER.isLoggable(Level.WARNING)) {
      LOGGER.log(Level.WARNING, report.toString());
    }
  }

  @Override
  public void onLongHold(LongHoldReport report) {
    if (LOGGER.isLoggable(Level.WARNING)) {
      LOGGER.log(Level.WARNING, report.toString());
    }
  }

  @Override
  public String toString() {
    return "System.Logger dev.lifecycle";
  }
}
