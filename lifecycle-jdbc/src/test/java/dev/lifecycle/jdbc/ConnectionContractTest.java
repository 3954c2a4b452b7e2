package dev.lifecycle.jdbc;

import dev.lifecycle.core.DetectionLevel;
import dev.lifecycle.core.Tracker;
import dev.lifecycle.testing.LeakChecked;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;

/** The wrapper contract for tracked connections, over a fault-injecting wrapper around H2. */
// The FD count is process-wide and test classes run concurrently: another class's H2 or
// HikariCP use (or class loading) moves it, so only resources and threads are judged here.
@LeakChecked(fileDescriptors = false)
final class ConnectionContractTest extends WrapperContract<Connection> {
  private static final Tracker TRACKER =
      Tracker.newBuilder().name("connection-contract").level(DetectionLevel.SAMPLED).build();

  private final Recorder recorder = new Recorder();
  private final AtomicLong closes = new AtomicLong();
  private final Faults faults;
  private final TrackedDataSource ds;

  ConnectionContractTest() throws SQLException {
    faults = new Faults(H2.database());
    faults.onClose = closes::incrementAndGet;
    ds = TrackedDataSource.wrap(faults, JdbcOptions.newBuilder().name("contract").tracker(TRACKER).listener(recorder).build());
  }

  @AfterAll
  static void stopTracker() {
    TRACKER.close();
  }

  @Override
  Connection open() throws SQLException {
    return ds.getConnection();
  }

  @Override
  void use(Connection wrapper) throws SQLException {
    try (Statement s = wrapper.createStatement()) {
      s.execute("select 1");
    }
  }

  @Override
  long rawReleases() {
    return closes.get();
  }

  @Override
  void openAndDrop() throws SQLException {
    use(ds.getConnection());
  }

  @Override
  boolean droppedWasReportedAndReclaimed() {
    return !recorder.leaks.isEmpty() && recorder.leaks.get(0).reclaimed() && ds.liveConnections() == 0;
  }

  @Override
  Connection openFailingOnClose() throws SQLException {
    Connection wrapper = ds.getConnection();
    faults.failing.add("close");
    return wrapper;
  }
}
