package dev.lifecycle.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lifecycle.core.Scope;
import dev.lifecycle.testing.LeakChecked;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The README's JDBC quickstart is this file's region between the {@code README} markers, so the
 * snippet users copy is compiled and run here; the exhausted-pool message the README shows comes
 * from {@link #exhausted_messageNamesTheHolders}.
 */
// The FD count is process-wide and test classes run concurrently: another class's H2 or
// HikariCP use (or class loading) moves it, so only resources and threads are judged here.
@LeakChecked(fileDescriptors = false)
final class JdbcReadmeTest {
  static String quickstart(DataSource h2) throws SQLException {
    // README:jdbc-quickstart:begin
    HikariConfig config = new HikariConfig();
    config.setDataSource(h2); // any DataSource: H2's, PostgreSQL's, your driver's
    config.setMaximumPoolSize(2);
    try (TrackedDataSource orders =
        TrackedDataSource.wrap(
            new HikariDataSource(config), // the tracked data source owns the pool and closes it
            JdbcOptions.newBuilder().name("orders").holdThreshold(Duration.ofSeconds(30)).build())) {
      SessionFactory sessions = SessionFactory.of(orders);
      try (Scope request = Scope.open("POST /orders/42")) {
        Session db = sessions.open(request); // the request owns the session
        db.update("insert into item values (?, ?)", 42, "pending");
        Map<String, Object> order = db.find("item", 42).orElseThrow(); // cached in the session
        db.update("update item set name = ? where id = ?", "paid", order.get("id"));
        db.commit(); // what is not committed is rolled back when the session closes
      } // the session closes here: its statements, then its connection, back to the pool
      return orders.liveConnections() + " open, peak " + orders.peakConnections();
    }
    // README:jdbc-quickstart:end
  }

  @Test
  void quickstart_runsAndTheReadmeShowsItVerbatim() throws SQLException {
    assertThat(quickstart(H2.database())).isEqualTo("0 open, peak 1");
    assertThat(Readme.text()).contains(Readme.region(JdbcReadmeTest.class, "jdbc-quickstart"));
  }

  @Test
  void exhausted_messageNamesTheHolders() throws SQLException {
    try (HikariDataSource pool = H2.pool(2, Duration.ofMillis(250));
        TrackedDataSource orders =
            TrackedDataSource.wrap(pool, JdbcOptions.newBuilder().name("orders").build())) {
      SessionFactory sessions = SessionFactory.of(orders);
      try (Scope request = Scope.open("GET /orders/42")) {
        sessions.open(request).query("select 1", row -> 1);
        request.own(orders.getConnection());
        Throwable failure = null;
        try (Connection third = orders.getConnection()) {
          assertThat(third).isNull();
        } catch (SQLTransientConnectionException e) {
          failure = e;
        }
        assertThat(failure).isNotNull();
        System.out.println("README exhausted-pool message:\n" + failure);
        assertThat(Readme.text())
            .contains("java.sql.SQLTransientConnectionException: cannot get a connection from data source \"orders\":")
            .contains("2 connection(s) of this data source are open right now, oldest first:")
            .contains("(data source \"orders\", held by jdbc.Session#");
        assertThat(failure.getMessage())
            .contains("(data source \"orders\", held by jdbc.Session#")
            .contains("owner: scope \"GET /orders/42\")")
            .contains("at dev.lifecycle.jdbc.JdbcReadmeTest.exhausted_messageNamesTheHolders(JdbcReadmeTest.java:");
      }
    }
  }
}
