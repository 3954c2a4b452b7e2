package dev.lifecycle.jdbc;

import dev.lifecycle.core.Owning;
import dev.lifecycle.core.internal.UserCode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Wrapper;
import org.jspecify.annotations.Nullable;

/**
 * The wrapper of a statement: a hand-written delegate and a child of its connection. It keeps its
 * open result sets; executing it again, or closing it, marks them closed, as JDBC closes them.
 */
class JdbcStatement extends JdbcChild implements Statement {
  private final Statement raw;
  private final ChildList results = new ChildList();
  private volatile boolean closeOnCompletion;

  JdbcStatement(JdbcConnection connection, @Owning Statement raw, @Nullable String sql) {
    super(connection, sql);
    this.raw = raw;
  }

  @Override
  String kind() {
    return "jdbc.Statement";
  }

  @Override
  final AutoCloseable raw() {
    return raw;
  }

  @Override
  final Wrapper wrapped() {
    return raw;
  }

  @Override
  final void closed() {
    results.closeAll();
    connection.forget(this);
  }

  @Override
  final void closedByParent() {
    for (JdbcChild result : results.closeAll()) {
      result.markClosedByParent();
    }
  }

  final boolean enter() throws SQLException {
    check();
    return connection.enter();
  }

  final void exit(boolean entered) {
    connection.exit(entered);
  }

  /** Marks the open result sets closed: the driver closes them when the statement executes again. */
  final void closeResults() {
    for (JdbcChild result : results.takeAll()) {
      result.markClosed("closed by the next execution of its statement");
    }
  }

  final ResultSet result(@Owning ResultSet resultSet) throws SQLException {
    JdbcResultSet wrapper = new JdbcResultSet(connection, this, resultSet, sql);
    if (!results.add(wrapper)) {
      Throwable failure = wrapper.closeRaw();
      try {
        check();
      } catch (SQLException e) {
        Closure.add(e, failure);
        throw e;
      }
    }
    return wrapper;
  }

  final @Nullable ResultSet resultOrNull(@Owning @Nullable ResultSet resultSet) throws SQLException {
    return resultSet == null ? null : result(resultSet);
  }

  /** A result set of this statement closed. */
  final void resultClosed(JdbcResultSet result) throws SQLException {
    results.remove(result);
    if (closeOnCompletion && results.isEmpty()) {
      close();
    }
  }

  /** Closes the result sets still open, then the statement. Idempotent. */
  @Override
  public final void close() throws SQLException {
    if (!markClosed("closed")) {
      return;
    }
    try {
      closed();
    } finally {
      Closure.rethrow(UserCode.close(raw));
    }
  }

  @Override
  public final boolean isClosed() throws SQLException {
    return isClosedWrapper() || raw.isClosed();
  }

  @Override
  public final Connection getConnection() throws SQLException {
    check();
    return connection;
  }

  @Override
  public final void closeOnCompletion() throws SQLException {
    check();
    raw.closeOnCompletion();
    closeOnCompletion = true;
  }

  @Override
  public final boolean isCloseOnCompletion() throws SQLException {
    check();
    return raw.isCloseOnCompletion();
  }

  @Override
  public final boolean getMoreResults() throws SQLException {
    check();
    closeResults();
    return raw.getMoreResults();
  }

  @Override
  public final boolean getMoreResults(int current) throws SQLException {
    check();
    if (current != KEEP_CURRENT_RESULT) {
      closeResults();
    }
    return raw.getMoreResults(current);
  }

  @Override
  public final <T> T unwrap(Class<T> iface) throws SQLException {
    return unwrapTo(iface);
  }

  @Override
  public final boolean isWrapperFor(Class<?> iface) throws SQLException {
    return wraps(iface);
  }

  // ---- delegation, one method per JDBC method -------------------------------------------------

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    boolean entered = enter();
    try {
      closeResults();
      return result(raw.executeQuery(sql));
    } finally {
      exit(entered);
    }
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    boolean entered = enter();
    try {
      closeResults();
      return raw.executeUpdate(sql);
    } finally {
      exit(entered);
    }
  }

  @Override
  public int getMaxFieldSize() throws SQLException {
    check();
    return raw.getMaxFieldSize();
  }

  @Override
  public void setMaxFieldSize(int max) throws SQLException {
    check();
    raw.setMaxFieldSize(max);
  }

  @Override
  public int getMaxRows() throws SQLException {
    check();
    return raw.getMaxRows();
  }

  @Override
  public void setMaxRows(int max) throws SQLException {
    check();
    raw.setMaxRows(max);
  }

  @Override
  public void setEscapeProcessing(boolean enable) throws SQLException {
    check();
    raw.setEscapeProcessing(enable);
  }

  @Override
  public int getQueryTimeout() throws SQLException {
    check();
    return raw.getQueryTimeout();
  }

  @Override
  public void setQueryTimeout(int seconds) throws SQLException {
    check();
    raw.setQueryTimeout(seconds);
  }

  @Override
  public void cancel() throws SQLException {
    check();
    raw.cancel();
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    check();
    return raw.getWarnings();
  }

  @Override
  public void clearWarnings() throws SQLException {
    check();
    raw.clearWarnings();
  }

  @Override
  public void setCursorName(String name) throws SQLException {
    check();
    raw.setCursorName(name);
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    boolean entered = enter();
    try {
      closeResults();
      return raw.execute(sql);
    } finally {
      exit(entered);
    }
  }

  @Override
  public @Nullable ResultSet getResultSet() throws SQLException {
    check();
    return resultOrNull(raw.getResultSet());
  }

  @Override
  public int getUpdateCount() throws SQLException {
    check();
    return raw.getUpdateCount();
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    check();
    raw.setFetchDirection(direction);
  }

  @Override
  public int getFetchDirection() throws SQLException {
    check();
    return raw.getFetchDirection();
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    check();
    raw.setFetchSize(rows);
  }

  @Override
  public int getFetchSize() throws SQLException {
    check();
    return raw.getFetchSize();
  }

  @Override
  public int getResultSetConcurrency() throws SQLException {
    check();
    return raw.getResultSetConcurrency();
  }

  @Override
  public int getResultSetType() throws SQLException {
    check();
    return raw.getResultSetType();
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    check();
    raw.addBatch(sql);
  }

  @Override
  public void clearBatch() throws SQLException {
    check();
    raw.clearBatch();
  }

  @Override
  public int[] executeBatch() throws SQLException {
    boolean entered = enter();
    try {
      closeResults();
      return raw.executeBatch();
    } finally {
      exit(entered);
    }
  }

  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    check();
    return result(raw.getGeneratedKeys());
  }

  @Override
  public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    boolean entered = enter();
    try {
      closeResults();
      return raw.executeUpdate(sql, autoGeneratedKeys);
    } finally {
      exit(entered);
    }
  }

  @Override
  public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
    boolean entered = enter();
    try {
      closeResults();
      return raw.executeUpdate(sql, columnIndexes);
    } finally {
      exit(entered);
    }
  }

  @Override
  public int executeUpdate(String sql, String[] columnNames) throws SQLException {
    boolean entered = enter();
    try {
      closeResults();
      return raw.executeUpdate(sql, columnNames);
    } finally {
      exit(entered);
    }
  }

  @Override
  public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
    boolean entered = enter();
    try {
      closeResults();
      return raw.execute(sql, autoGeneratedKeys);
    } finally {
      exit(entered);
    }
  }

  @Override
  public boolean execute(String sql, int[] columnIndexes) throws SQLException {
    boolean entered = enter();
    try {
      closeResults();
      return raw.execute(sql, columnIndexes);
    } finally {
      exit(entered);
    }
  }

  @Override
  public boolean execute(String sql, String[] columnNames) throws SQLException {
    boolean entered = enter();
    try {
      closeResults();
      return raw.execute(sql, columnNames);
    } finally {
      exit(entered);
    }
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    check();
    return raw.getResultSetHoldability();
  }

  @Override
  public void setPoolable(boolean poolable) throws SQLException {
    check();
    raw.setPoolable(poolable);
  }

  @Override
  public boolean isPoolable() throws SQLException {
    check();
    return raw.isPoolable();
  }

  @Override
  public long getLargeUpdateCount() throws SQLException {
    check();
    return raw.getLargeUpdateCount();
  }

  @Override
  public void setLargeMaxRows(long max) throws SQLException {
    check();
    raw.setLargeMaxRows(max);
  }

  @Override
  public long getLargeMaxRows() throws SQLException {
    check();
    return raw.getLargeMaxRows();
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    boolean entered = enter();
    try {
      closeResults();
      return raw.executeLargeBatch();
    } finally {
      exit(entered);
    }
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    boolean entered = enter();
    try {
      closeResults();
      return raw.executeLargeUpdate(sql);
    } finally {
      exit(entered);
    }
  }

  @Override
  public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    boolean entered = enter();
    try {
      closeResults();
      return raw.executeLargeUpdate(sql, autoGeneratedKeys);
    } finally {
      exit(entered);
    }
  }

  @Override
  public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
    boolean entered = enter();
    try {
      closeResults();
      return raw.executeLargeUpdate(sql, columnIndexes);
    } finally {
      exit(entered);
    }
  }

  @Override
  public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
    boolean entered = enter();
    try {
      closeResults();
      return raw.executeLargeUpdate(sql, columnNames);
    } finally {
      exit(entered);
    }
  }

  @Override
  public String enquoteLiteral(String val) throws SQLException {
    check();
    return raw.enquoteLiteral(val);
  }

  @Override
  public String enquoteIdentifier(String identifier, boolean alwaysQuote) throws SQLException {
    check();
    return raw.enquoteIdentifier(identifier, alwaysQuote);
  }

  @Override
  public boolean isSimpleIdentifier(String identifier) throws SQLException {
    check();
    return raw.isSimpleIdentifier(identifier);
  }

  @Override
  public String enquoteNCharLiteral(String val) throws SQLException {
    check();
    return raw.enquoteNCharLiteral(val);
  }
}
