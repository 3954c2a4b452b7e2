package dev.lifecycle.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.lifecycle.core.DetectionLevel;
import dev.lifecycle.core.LeakReport;
import dev.lifecycle.core.Scope;
import dev.lifecycle.core.Tracker;
import dev.lifecycle.testing.LeakChecked;
import java.lang.management.ManagementFactory;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

// The FD count is process-wide and test classes run concurrently: another class's H2 or
// HikariCP use (or class loading) moves it, so only resources and threads are judged here.
@LeakChecked(fileDescriptors = false)
final class TrackedDataSourceTest {
  private static final Tracker TRACKER =
      Tracker.newBuilder().name("jdbc-test").level(DetectionLevel.SAMPLED).build();

  @AfterAll
  static void stopTracker() {
    TRACKER.close();
  }

  private static JdbcOptions.Builder options(String name) {
    return JdbcOptions.newBuilder().name(name).tracker(TRACKER);
  }

  @Test
  void getConnection_overH2_countsLiveAndPeak() throws SQLException {
    try (TrackedDataSource ds = TrackedDataSource.wrap(H2.database(), options("counts").build())) {
      Connection a = ds.getConnection();
      Connection b = ds.getConnection();
      assertThat(ds.liveConnections()).isEqualTo(2);
      a.close();
      a.close(); // idempotent
      assertThat(ds.liveConnections()).isEqualTo(1);
      b.close();
      try (Connection c = ds.getConnection()) {
        assertThat(c.isValid(1)).isTrue();
      }
      assertThat(ds.liveConnections()).isZero();
      assertThat(ds.peakConnections()).isEqualTo(2);
    }
  }

  @Test
  void close_withOpenChildren_closesThemAndReportsWhatWasOpen() throws SQLException {
    Recorder recorder = new Recorder();
    try (TrackedDataSource ds =
        TrackedDataSource.wrap(H2.database(), options("children").listener(recorder).build())) {
      Connection c = ds.getConnection();
      PreparedStatement select = c.prepareStatement("select id from item where id = ?");
      select.setLong(1, 1);
      ResultSet rows = select.executeQuery();
      Statement plain = c.createStatement();
      CallableStatement call = c.prepareCall("call 1");
      ResultSet tables = c.getMetaData().getTables(null, null, "%", null);
      PreparedStatement closed = c.prepareStatement("select 1");
      closed.close();

      c.close();

      assertThat(List.of(select.isClosed(), rows.isClosed(), plain.isClosed(), call.isClosed(), tables.isClosed()))
          .containsOnly(true);
      assertThat(select.unwrap(PreparedStatement.class).isClosed()).isTrue();
      assertThat(recorder.unclosed).hasSize(1);
      UnclosedChildrenReport report = recorder.unclosed.get(0);
      assertThat(report.children())
          .hasSize(4)
          .anySatisfy(line -> assertThat(line).startsWith("jdbc.PreparedStatement#").contains("(select id from item where id = ?)").contains("created on thread "))
          .anySatisfy(line -> assertThat(line).startsWith("jdbc.Statement#"))
          .anySatisfy(line -> assertThat(line).startsWith("jdbc.CallableStatement#").contains("(call 1)"))
          .anySatisfy(line -> assertThat(line).startsWith("jdbc.ResultSet#").contains("(metadata)"));
      assertThat(report.toString()).contains("closed with the connection");
    }
  }

  @Test
  void close_atFull_reportsWhereEachChildWasCreated() throws SQLException {
    Recorder recorder = new Recorder();
    try (Tracker full = Tracker.newBuilder().name("jdbc-full").level(DetectionLevel.FULL).build();
        TrackedDataSource ds =
            TrackedDataSource.wrap(
                H2.database(), options("full").tracker(full).listener(recorder).build())) {
      Connection c = ds.getConnection();
      c.prepareStatement("select 1");
      c.close();
      assertThat(recorder.unclosed.get(0).children().get(0))
          .contains("at dev.lifecycle.jdbc.TrackedDataSourceTest.close_atFull_reportsWhereEachChildWasCreated(TrackedDataSourceTest.java:");
    }
  }

  @Test
  void useAfterClose_failsSayingWhenAndByWhom() throws SQLException {
    try (TrackedDataSource ds = TrackedDataSource.wrap(H2.database(), options("after-close").build())) {
      Connection c = ds.getConnection();
      PreparedStatement s = c.prepareStatement("select id from item");
      ResultSet rows = s.executeQuery();
      rows.close();
      assertThatThrownBy(rows::next)
          .isInstanceOf(SQLException.class)
          .hasMessageMatching("jdbc\\.ResultSet#\\p{XDigit}+ \\(select id from item\\) is closed: closed at .+ by thread .+; do not use it after close\\(\\)");
      c.close();
      String thread = Thread.currentThread().getName();
      assertThatThrownBy(c::createStatement)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining(" of data source \"after-close\" is closed: closed at ")
          .hasMessageContaining("by thread " + thread)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("08003");
      assertThatThrownBy(() -> s.setLong(1, 1))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("is closed: closed with its connection jdbc.Connection#");
      assertThat(c.isClosed()).isTrue();
    }
  }

  @Test
  void executeAgain_marksThePreviousResultSetClosed() throws SQLException {
    Recorder recorder = new Recorder();
    try (TrackedDataSource ds = TrackedDataSource.wrap(H2.database(), options("again").listener(recorder).build());
        Connection c = ds.getConnection()) {
      PreparedStatement s = c.prepareStatement("select 1");
      ResultSet first = s.executeQuery();
      ResultSet second = s.executeQuery();
      assertThat(first.isClosed()).isTrue();
      assertThat(second.next()).isTrue();
      assertThat(second.getStatement()).isSameAs(s);
      assertThat(second.getStatement().getConnection()).isSameAs(c);
      s.close();
      assertThat(second.isClosed()).isTrue();
    }
    assertThat(recorder.unclosed).isEmpty();
  }

  @Test
  void unwrap_isHonest() throws SQLException {
    JdbcDataSource h2 = H2.database();
    try (TrackedDataSource ds = TrackedDataSource.wrap(h2, options("unwrap").build());
        Connection c = ds.getConnection();
        PreparedStatement s = c.prepareStatement("select 1");
        ResultSet rows = s.executeQuery()) {
      assertThat(ds.unwrap(DataSource.class)).isSameAs(ds);
      assertThat(ds.unwrap(JdbcDataSource.class)).isSameAs(h2);
      assertThat(ds.isWrapperFor(JdbcDataSource.class)).isTrue();
      assertThat(ds.isWrapperFor(HikariDataSource.class)).isFalse();
      assertThat(c.unwrap(Connection.class)).isSameAs(c);
      assertThat(c.unwrap(org.h2.jdbc.JdbcConnection.class)).isNotSameAs(c).isInstanceOf(org.h2.jdbc.JdbcConnection.class);
      assertThat(c.isWrapperFor(org.h2.jdbc.JdbcConnection.class)).isTrue();
      assertThat(s.unwrap(org.h2.jdbc.JdbcPreparedStatement.class)).isInstanceOf(org.h2.jdbc.JdbcPreparedStatement.class);
      assertThat(rows.unwrap(ResultSet.class)).isSameAs(rows);
      assertThat(rows.isWrapperFor(org.h2.jdbc.JdbcResultSet.class)).isTrue();
      DatabaseMetaData meta = c.getMetaData();
      assertThat(meta.getConnection()).isSameAs(c);
      assertThatThrownBy(() -> c.unwrap(HikariDataSource.class)).isInstanceOf(SQLException.class);
    }
  }

  /** Creates and drops a connection in a frame of its own, so nothing on the stack keeps it. */
  private static org.h2.jdbc.JdbcConnection openAndDrop(TrackedDataSource ds) throws SQLException {
    Connection c = ds.getConnection();
    c.createStatement().execute("select 1");
    return c.unwrap(org.h2.jdbc.JdbcConnection.class);
  }

  // Drops a connection on purpose to test the leak report: the leak check would report it too.
  @LeakChecked(resources = false, fileDescriptors = false)
  @Test
  void dropped_isReportedWithItsAllocationSiteAndReclaimed() throws SQLException {
    Recorder recorder = new Recorder();
    try (TrackedDataSource ds = TrackedDataSource.wrap(H2.database(), options("dropped").listener(recorder).build())) {
      org.h2.jdbc.JdbcConnection raw = openAndDrop(ds);
      assertThat(ds.liveConnections()).isEqualTo(1);

      assertThat(H2.eventually(Duration.ofSeconds(20), true, () -> !recorder.leaks.isEmpty())).isTrue();

      LeakReport leak = recorder.leaks.get(0);
      assertThat(leak.kind()).isEqualTo("jdbc.Connection");
      assertThat(leak.reclaimed()).isTrue();
      assertThat(leak.summary())
          .contains("(data source \"dropped\")")
          .contains("Opened at dev.lifecycle.jdbc.TrackedDataSourceTest.openAndDrop(TrackedDataSourceTest.java:");
      // The report comes first; the tracker's reclaim threads close the raw connection after it.
      assertThat(H2.eventually(Duration.ofSeconds(20), false, () -> isClosed(raw))).isTrue();
      assertThat(ds.liveConnections()).isZero();
      assertThat(ds.leakedConnections()).isEqualTo(1);
    }
  }

  @Test
  void exhaustedPool_failureNamesWhoHoldsTheConnections() throws Exception {
    try (HikariDataSource pool = H2.pool(2, Duration.ofMillis(250));
        TrackedDataSource ds = TrackedDataSource.wrap(pool, options("orders").build());
        Scope request = Scope.open("GET /orders/42", TRACKER)) {
      request.own(ds.getConnection());
      request.own(ds.getConnection());

      assertThatThrownBy(ds::getConnection)
          .isInstanceOf(SQLTransientConnectionException.class)
          .hasCauseInstanceOf(SQLTransientConnectionException.class)
          .hasMessageStartingWith("cannot get a connection from data source \"orders\": java.sql.SQLTransientConnectionException: ")
          .hasMessageContaining("2 connection(s) of this data source are open right now, oldest first:")
          .hasMessageContaining("(data source \"orders\"; owner: scope \"GET /orders/42\") open for ")
          .hasMessageContaining("opened on thread " + Thread.currentThread().getName())
          .hasMessageContaining("at dev.lifecycle.jdbc.TrackedDataSourceTest.exhaustedPool_failureNamesWhoHoldsTheConnections(TrackedDataSourceTest.java:");
    }
  }

  // Drops a pooled connection on purpose to test the leak report: the leak check would report it too.
  @LeakChecked(resources = false, fileDescriptors = false)
  @Test
  void overHikari_poolAccountingStaysRight() throws Exception {
    try (HikariDataSource pool = H2.pool(3, Duration.ofMillis(250));
        TrackedDataSource ds = TrackedDataSource.wrap(pool, options("hikari").build())) {
      for (int i = 0; i < 50; i++) {
        try (Connection a = ds.getConnection();
            Connection b = ds.getConnection();
            PreparedStatement s = a.prepareStatement("select ?")) {
          s.setInt(1, i);
          try (ResultSet rows = s.executeQuery()) {
            assertThat(rows.next()).isTrue();
          }
          assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isEqualTo(2);
          b.createStatement(); // left open: closed with its connection
        }
      }
      assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
      // HikariCP fills its idle connections in the background: idle is whatever is not active
      assertThat(pool.getHikariPoolMXBean().getIdleConnections()).isEqualTo(pool.getHikariPoolMXBean().getTotalConnections());
      openAndDropPooled(ds);
      assertThat(H2.eventually(Duration.ofSeconds(20), true, () -> pool.getHikariPoolMXBean().getActiveConnections() == 0 && ds.leakedConnections() == 1)).isTrue();
      assertThat(pool.getHikariPoolMXBean().getIdleConnections()).isEqualTo(pool.getHikariPoolMXBean().getTotalConnections());
      assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isBetween(2, 3);
      assertThat(ds.liveConnections()).isZero();
    }
  }

  private static void openAndDropPooled(TrackedDataSource ds) throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    c.createStatement().execute("insert into item values (99, 'never committed')");
  }

  @Test
  void concurrentUse_strict_failsTheSecondThread() throws Exception {
    Recorder recorder = new Recorder();
    Blocking.reset();
    ExecutorService other = Executors.newSingleThreadExecutor();
    try (TrackedDataSource ds =
            TrackedDataSource.wrap(
                H2.database(),
                options("shared").concurrentUse(ConcurrentUse.STRICT).listener(recorder).build());
        Connection c = ds.getConnection()) {
      try (Statement s = c.createStatement()) {
        s.execute("create alias block for 'dev.lifecycle.jdbc.Blocking.block'");
      }
      Future<?> inside =
          other.submit(
              () -> {
                try (Statement s = c.createStatement()) {
                  s.execute("select block()");
                }
                return null;
              });
      assertThat(Blocking.entered.await(10, TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(c::getAutoCommit)
          .isInstanceOf(SQLException.class)
          .hasMessageStartingWith("CONCURRENT USE of jdbc.Connection#")
          .hasMessageContaining("(data source \"shared\"): thread " + Thread.currentThread().getName() + " called JdbcConnection.getAutoCommit while thread ")
          .hasMessageEndingWith("(policy STRICT)");
      Blocking.release.countDown();
      inside.get(10, TimeUnit.SECONDS);
      assertThat(c.getAutoCommit()).isTrue(); // one thread at a time again
      assertThat(recorder.concurrent).hasSize(1);
    } finally {
      Blocking.release.countDown();
      other.shutdownNow();
    }
  }

  @Test
  void holdThreshold_warnsOnceAboutAConnectionHeldTooLong() throws SQLException {
    Recorder recorder = new Recorder();
    try (TrackedDataSource ds =
            TrackedDataSource.wrap(
                H2.database(), options("slow").holdThreshold(Duration.ofMillis(50)).listener(recorder).build());
        Connection held = ds.getConnection()) {
      assertThat(H2.eventually(Duration.ofSeconds(10), false, () -> !recorder.holds.isEmpty())).isTrue();
      assertThat(recorder.holds.get(0).resource().id()).isEqualTo(((JdbcConnection) held).id());
      assertThat(recorder.holds.get(0).summary()).contains("data source \"slow\"");
      try (Connection quick = ds.getConnection()) {
        assertThat(quick.isValid(1)).isTrue();
      }
      assertThat(recorder.holds).hasSize(1);
    }
  }

  @Test
  void closeAndRecreate_underTheSameName_doNotCollideInJmx() throws Exception {
    var server = ManagementFactory.getPlatformMBeanServer();
    ObjectName pattern = new ObjectName("dev.lifecycle:type=DataSource,name=\"twice\",*");
    TrackedDataSource first = TrackedDataSource.wrap(H2.database(), options("twice").build());
    TrackedDataSource second = TrackedDataSource.wrap(H2.database(), options("twice").build());
    assertThat(server.queryNames(pattern, null)).hasSize(2);
    first.close();
    assertThat(server.queryNames(pattern, null)).hasSize(1);
    TrackedDataSource third = TrackedDataSource.wrap(H2.database(), options("twice").build());
    try (Connection c = third.getConnection()) {
      assertThat(c.isValid(1)).isTrue();
      List<Object> live = new ArrayList<>();
      for (ObjectName name : server.queryNames(pattern, null)) {
        live.add(server.getAttribute(name, "LiveConnections"));
      }
      assertThat(live).containsExactlyInAnyOrder(0, 1);
    }
    second.close();
    third.close();
    assertThat(server.queryNames(pattern, null)).isEmpty();
    assertThatThrownBy(third::getConnection).isInstanceOf(SQLException.class).hasMessage("data source \"twice\" is closed; get connections from an open one");
  }

  @Test
  void credentials_areMaskedInNamesAndMessages() throws Exception {
    String name = "jdbc:postgresql://app:s3cret@db.example.org/orders?password=hunter2";
    try (HikariDataSource pool = H2.pool(1, Duration.ofMillis(250));
        TrackedDataSource ds = TrackedDataSource.wrap(pool, options(name).build())) {
      Connection held = ds.getConnection();
      assertThatThrownBy(ds::getConnection)
          .hasMessageNotContaining("s3cret")
          .hasMessageNotContaining("hunter2")
          .hasMessageContaining("jdbc:postgresql://***@db.example.org/orders?password=***");
      assertThat(ds.toString()).doesNotContain("s3cret").doesNotContain("hunter2");
      held.close();
      assertThatThrownBy(held::commit).hasMessageNotContaining("s3cret").hasMessageNotContaining("hunter2");
    }
  }

  private static boolean isClosed(Connection raw) {
    try {
      return raw.isClosed();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
