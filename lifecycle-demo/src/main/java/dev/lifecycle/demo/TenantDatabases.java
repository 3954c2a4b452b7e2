package dev.lifecycle.demo;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The tenants' databases: an H2 in-memory database per tenant by default (it lives while a
 * connection to it is open), or, given a PostgreSQL URL, one data source per tenant on that
 * database. Counts the connections open right now, at the driver.
 */
final class TenantDatabases {
  static final String URL_ENV = "LIFECYCLE_DEMO_JDBC_URL";

  private final @Nullable String postgresUrl;
  private final AtomicLong open = new AtomicLong();
  private final AtomicLong opened = new AtomicLong();

  TenantDatabases(@Nullable String postgresUrl) {
    this.postgresUrl = postgresUrl;
  }

  boolean isPostgres() {
    return postgresUrl != null;
  }

  String describe() {
    String url = postgresUrl;
    return url == null ? "H2 in-memory, one database per tenant" : "PostgreSQL " + dev.lifecycle.core.Masking.mask(url);
  }

  /** A new data source for {@code tenant}. */
  DataSource dataSource(String tenant) {
    String url = postgresUrl;
    if (url == null) {
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL("jdbc:h2:mem:" + tenant);
      return ds;
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    ds.setApplicationName("lifecycle-demo " + tenant);
    return ds;
  }

  /** A connection from {@code ds}, counted until it is closed. */
  Connection connect(DataSource ds) throws SQLException {
    Connection raw = ds.getConnection();
    open.incrementAndGet();
    opened.incrementAndGet();
    AtomicBoolean closed = new AtomicBoolean();
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("close") && closed.compareAndSet(false, true)) {
            open.decrementAndGet();
          }
          try {
            return method.invoke(raw, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  /** One RPC's work on a tenant's database. */
  void work(Connection c, long rpc) throws SQLException {
    try (Statement s = c.createStatement()) {
      if (postgresUrl == null) {
        s.execute("CREATE TABLE IF NOT EXISTS resources(id BIGINT PRIMARY KEY, payload VARCHAR(200))");
        s.execute("MERGE INTO resources KEY(id) VALUES (" + rpc % 50 + ", REPEAT('x', 200))");
      } else {
        s.execute("SELECT 1");
      }
    }
  }

  long open() {
    return open.get();
  }

  long opened() {
    return opened.get();
  }
}
