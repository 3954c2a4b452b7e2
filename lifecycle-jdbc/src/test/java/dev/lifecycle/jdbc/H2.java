package dev.lifecycle.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.h2.jdbcx.JdbcDataSource;

/** Fresh in-memory H2 databases and HikariCP pools over them, for the fast tests. */
final class H2 {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private H2() {}

  /** A new in-memory database, kept until the JVM ends, with table {@code item(id, name)}. */
  static JdbcDataSource database() throws SQLException {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:test" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    ds.setPassword("");
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("create table item(id bigint primary key, name varchar(100))");
    }
    return ds;
  }

  /** A HikariCP pool of {@code size} over a new database, failing a borrow after {@code timeout}. */
  static HikariDataSource pool(int size, Duration timeout) throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setDataSource(database());
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    config.setConnectionTimeout(Math.max(250, timeout.toMillis()));
    config.setPoolName("h2-pool-" + DATABASES.get());
    return new HikariDataSource(config);
  }

  /** Polls {@code condition} until true, with System.gc() between tries, for up to {@code deadline}. */
  static boolean eventually(Duration deadline, boolean gc, BooleanSupplier condition) {
    long end = System.nanoTime() + deadline.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (gc) {
        System.gc();
      }
      try {
        Thread.sleep(10); // polling interval of a condition with a deadline
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return condition.getAsBoolean();
  }
}
