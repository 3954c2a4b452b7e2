package dev.lifecycle.jdbc;

import dev.lifecycle.core.Masking;
import dev.lifecycle.core.Tracked;
import dev.lifecycle.core.internal.UserCode;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Session} holds: its connection (taken on first use), its caches, and the registry
 * lease that keeps its data source open. It is the raw resource the tracker reclaims, so it never
 * references the session: {@link #close()} runs when the session is closed, or when it was
 * dropped without close.
 *
 * <p>Used by the session's thread only, except {@link #close()}, which runs once.
 */
final class SessionState implements AutoCloseable {
  private final SessionFactory factory;
  private final DataSource dataSource;
  private final @Nullable AutoCloseable lease;
  final Thread thread;
  final LinkedHashMap<String, PreparedStatement> statements;
  final LinkedHashMap<RowKey, Map<String, Object>> rows;
  @Nullable Tracked tracked;
  String id = "jdbc.Session#?";
  private @Nullable Connection connection;
  boolean dirty;

  /** A row's identity in the identity map: its table, lower case, and its id. */
  record RowKey(String table, Object id) {}

  SessionState(SessionFactory factory, DataSource dataSource, @Nullable AutoCloseable lease) {
    this.factory = factory;
    this.dataSource = dataSource;
    this.lease = lease;
    this.thread = Thread.currentThread();
    int statementCacheSize = factory.statementCacheSize;
    int identityMapSize = factory.identityMapSize;
    this.statements =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= statementCacheSize) {
              return false;
            }
            Throwable failure = UserCode.close(eldest.getValue());
            if (failure != null) {
              UserCode.failed("closing a prepared statement evicted from the cache of " + id, failure);
            }
            return true;
          }
        };
    this.rows =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<RowKey, Map<String, Object>> eldest) {
            return size() > identityMapSize;
          }
        };
  }

  /** The session's connection, taken from the data source on first use, with auto-commit off. */
  Connection connection() throws SQLException {
    begin();
    return java.util.Objects.requireNonNull(connection);
  }

  /** Takes the connection if the session has none yet, and marks the transaction as used. */
  void begin() throws SQLException {
    if (connection == null) {
      connection = take();
    }
    dirty = true;
  }

  // The catch closes the connection before the failure leaves; the check counts a close() that
  // throws inside that catch as "not closed", which is all a caller could do too.
  @SuppressWarnings("UnclosedResource")
  private Connection take() throws SQLException {
    Connection c = dataSource.getConnection();
    try {
      c.setAutoCommit(false);
    } catch (SQLException | RuntimeException | Error e) { // the connection goes back first
      try {
        c.close();
      } catch (SQLException | RuntimeException | Error closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    if (c instanceof JdbcConnection tracked) {
      tracked.record.session = this.tracked;
    }
    return c;
  }

  boolean hasConnection() {
    return connection != null;
  }

  PreparedStatement statement(String sql) throws SQLException {
    Connection c = connection();
    PreparedStatement cached = statements.get(sql);
    if (cached != null) {
      return cached;
    }
    PreparedStatement statement = c.prepareStatement(sql);
    statements.put(sql, statement);
    return statement;
  }

  void commit() throws SQLException {
    Connection c = connection;
    if (c != null) {
      c.commit();
    }
    dirty = false;
  }

  void rollback() throws SQLException {
    rows.clear();
    Connection c = connection;
    if (c != null) {
      c.rollback();
    }
    dirty = false;
  }

  /**
   * Rolls back what was not committed (saying so at FINE), closes the cached statements and the
   * connection (on every path, even when the rollback fails), then releases the lease. Throws the
   * first failure, with the others suppressed on it.
   */
  @Override
  public void close() throws SQLException {
    Connection c = connection;
    connection = null;
    Throwable failure = null;
    try {
      if (c != null && dirty) {
        failure = UserCode.run(c::rollback);
        if (failure == null) {
          Reports.LOG.log(
              Level.DEBUG, // FINE in java.util.logging
              () -> Masking.mask(id + " of " + factory + " closed without commit; rolled back"));
        }
      }
    } finally {
      rows.clear();
      for (PreparedStatement statement : statements.values()) {
        failure = Closure.add(failure, UserCode.close(statement));
      }
      statements.clear();
      if (c != null) {
        failure = Closure.add(failure, UserCode.close(c));
      }
      if (lease != null) {
        failure = Closure.add(failure, UserCode.close(lease));
      }
    }
    Closure.rethrow(failure);
  }
}
