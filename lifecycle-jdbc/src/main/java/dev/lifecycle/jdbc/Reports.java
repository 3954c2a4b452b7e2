package dev.lifecycle.jdbc;

import dev.lifecycle.core.LifecycleListener;
import dev.lifecycle.core.internal.UserCode;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * How a data source tells people and listeners: one System.Logger line (rate-limited per data
 * source, masked) and the listeners, through {@link UserCode#fanOut}.
 */
final class Reports {
  static final Logger LOG = System.getLogger("dev.lifecycle.jdbc");

  /** At most one WARNING line per data source in this many milliseconds; listeners get every event. */
  private static final long LOG_INTERVAL_MILLIS = 1_000;

  private final List<LifecycleListener> listeners;
  private final AtomicLong lastLog = new AtomicLong(Long.MIN_VALUE / 2);
  private final AtomicLong suppressed = new AtomicLong();

  Reports(List<LifecycleListener> listeners) {
    this.listeners = listeners;
  }

  /** Logs {@code text} (masked) at WARNING unless a line was logged less than a second ago. */
  void warn(String text) {
    long now = System.currentTimeMillis();
    long last = lastLog.get();
    if (now - last < LOG_INTERVAL_MILLIS || !lastLog.compareAndSet(last, now)) {
      suppressed.incrementAndGet();
      return;
    }
    long skipped = suppressed.getAndSet(0);
    String line = UserCode.describe(text);
    UserCode.runLogged(
        "logging a jdbc report",
        () ->
            LOG.log(
                Level.WARNING,
                skipped == 0 ? line : line + "\n(" + skipped + " similar line(s) suppressed in the last second)"));
  }

  /** Every listener, in order. */
  void toListeners(String event, Consumer<LifecycleListener> call) {
    if (!listeners.isEmpty()) {
      UserCode.fanOut(listeners, event, call);
    }
  }

  /** Every listener that is a {@link JdbcListener}. */
  void toJdbcListeners(String event, Consumer<JdbcListener> call) {
    if (listeners.isEmpty()) {
      return;
    }
    UserCode.fanOut(
        listeners,
        event,
        listener -> {
          if (listener instanceof JdbcListener jdbc) {
            call.accept(jdbc);
          }
        });
  }
}
