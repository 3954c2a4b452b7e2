package dev.lifecycle.jdbc;

import dev.lifecycle.core.MustClose;
import dev.lifecycle.core.Tracked;
import dev.lifecycle.core.TrackedResource;
import dev.lifecycle.core.internal.Require;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The per-request unit of work: one connection, taken on first use with auto-commit off, a small
 * cache of prepared statements and an identity map of the rows it loaded, all gone with the
 * session. Open one from a {@link SessionFactory}, own it by the request's {@code Scope} (or use
 * try-with-resources), {@link #commit()} what must stay.
 *
 * <p>Closing a session that has work not committed rolls it back (and says so at FINE); closing
 * always returns the connection, even when the rollback fails. A session dropped without close is
 * found by the tracker (kind {@code jdbc.Session}), reported, and closed the same way.
 *
 * <p>A session belongs to the thread that opened it: any other thread gets an {@code
 * IllegalStateException}, except for {@link #close()}, which any thread may call (a scope closing
 * a request). Sessions of one factory do not nest on a thread. Use after close is an {@code
 * IllegalStateException} saying when and by whom the session was closed.
 */
@MustClose
public final class Session implements AutoCloseable, TrackedResource {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  private final SessionFactory factory;
  private final SessionState state;
  private final Tracked tracked;

  Session(SessionFactory factory, DataSource dataSource, @Nullable AutoCloseable lease) {
    this.factory = factory;
    this.state = new SessionState(factory, dataSource, lease);
    this.tracked = factory.kind.track(this, state, factory.toString());
    state.tracked = tracked;
    state.id = tracked.id();
  }

  @Override
  public Tracked tracked() {
    return tracked;
  }

  private void check() {
    tracked.checkOpen();
    Thread me = Thread.currentThread();
    if (me != state.thread) {
      throw new IllegalStateException(
          state.id
              + " was opened on thread "
              + state.thread.getName()
              + " and is used from thread "
              + me.getName()
              + "; a session belongs to the thread of its request: open one session per thread");
    }
  }

  /**
   * The session's connection, taken on first use with auto-commit off. The session owns it: do not
   * close it, and do not change its auto-commit.
   *
   * @throws SQLException if no connection could be taken
   */
  public Connection connection() throws SQLException {
    check();
    return state.connection();
  }

  /**
   * A prepared statement for {@code sql}, from the session's cache: the session owns it and closes
   * it when it is evicted (least recently used first) or when the session closes. Use it before the
   * next {@code statement}.
   */
  public PreparedStatement statement(String sql) throws SQLException {
    Require.nonNull(sql, "sql");
    check();
    return state.statement(sql);
  }

  /**
   * Executes an insert, update or delete with {@code parameters} bound in order; forgets the rows
   * of the identity map, which the statement may have changed.
   *
   * @return the number of rows changed
   */
  public int update(String sql, @Nullable Object... parameters) throws SQLException {
    PreparedStatement statement = statement(sql);
    bind(statement, parameters);
    state.rows.clear();
    return statement.executeUpdate();
  }

  /** Every row of {@code sql} with {@code parameters} bound in order, mapped by {@code mapper}. */
  public <T> List<T> query(String sql, RowMapper<T> mapper, @Nullable Object... parameters)
      throws SQLException {
    Require.nonNull(mapper, "row mapper");
    PreparedStatement statement = statement(sql);
    bind(statement, parameters);
    List<T> result = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
    }
    return result;
  }

  /**
   * The row of {@code table} whose column {@code id} is {@code id}, as column (lower case) to value;
   * loaded once per session: a second find returns the same map, from the identity map, until an
   * {@link #update} or a {@link #rollback()}.
   *
   * @throws IllegalArgumentException if {@code table} is not a plain SQL identifier
   */
  public Optional<Map<String, Object>> find(String table, Object id) throws SQLException {
    Require.nonNull(table, "table");
    Require.nonNull(id, "id");
    Require.argument(IDENTIFIER.matcher(table).matches(), "table must be a plain SQL identifier: \"%s\"", table);
    check();
    SessionState.RowKey key = new SessionState.RowKey(table.toLowerCase(Locale.ROOT), normalize(id));
    Map<String, Object> cached = state.rows.get(key);
    if (cached != null) {
      state.begin(); // a find is work of the transaction, as a query is
      return Optional.of(cached);
    }
    PreparedStatement statement = state.statement("select * from " + table + " where id = ?");
    statement.setObject(1, id);
    Map<String, Object> row = null;
    try (ResultSet rows = statement.executeQuery()) {
      if (rows.next()) {
        ResultSetMetaData meta = rows.getMetaData();
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          Object value = rows.getObject(i);
          if (value != null) {
            values.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), value);
          }
        }
        row = Collections.unmodifiableMap(values);
      }
    }
    if (row == null) {
      return Optional.empty();
    }
    state.rows.put(key, row);
    return Optional.of(row);
  }

  private static Object normalize(Object id) {
    return id instanceof Integer || id instanceof Short || id instanceof Byte
        ? Long.valueOf(((Number) id).longValue())
        : id;
  }

  private static void bind(PreparedStatement statement, @Nullable Object... parameters)
      throws SQLException {
    if (parameters == null) {
      return;
    }
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
  }

  /** Commits the work done so far; nothing to do before the first use. */
  public void commit() throws SQLException {
    check();
    state.commit();
  }

  /** Rolls back the work done since the last commit, and forgets the rows loaded. */
  public void rollback() throws SQLException {
    check();
    state.rollback();
  }

  /** Whether the session has not been closed. */
  public boolean isOpen() {
    return tracked.isOpen();
  }

  /** Whether the session has work that was not committed or rolled back. */
  public boolean hasUncommittedWork() {
    return state.hasConnection() && state.dirty;
  }

  /**
   * Rolls back work not committed, closes the cached statements, returns the connection (on every
   * path) and releases what kept the data source open. Any thread may call it. Idempotent.
   *
   * @throws SQLException the first failure (the rollback's, a statement's, the connection's), with
   *     the later ones suppressed; the connection is returned all the same
   */
  @Override
  public void close() throws SQLException {
    if (!tracked.close()) {
      return;
    }
    factory.closed(tracked);
    state.close();
  }

  @Override
  public String toString() {
    return state.id + " of " + factory;
  }
}
