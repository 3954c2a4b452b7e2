package dev.lifecycle.jdbc;

import dev.lifecycle.core.internal.PeriodicThread;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One daemon thread, shared by every data source with a hold threshold, that looks for
 * connections held longer than it; started with the first such data source.
 */
final class HoldScanner {
  static final Duration INTERVAL = Duration.ofMillis(100);
  static final HoldScanner INSTANCE = new HoldScanner();

  private final Set<TrackedDataSource> dataSources = ConcurrentHashMap.newKeySet();
  private final PeriodicThread thread = new PeriodicThread("lifecycle-jdbc-holds", INTERVAL, this::scan);
  private boolean started;

  private HoldScanner() {}

  void add(TrackedDataSource dataSource) {
    dataSources.add(dataSource);
    synchronized (this) {
      if (!started) {
        started = true;
        thread.start();
      }
    }
  }

  void remove(TrackedDataSource dataSource) {
    dataSources.remove(dataSource);
  }

  private boolean scan() {
    for (TrackedDataSource dataSource : dataSources) {
      dataSource.scanLongHolds();
    }
    return true;
  }
}
