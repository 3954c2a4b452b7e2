package dev.lifecycle.jdbc;

import dev.lifecycle.core.Masking;
import dev.lifecycle.core.Owning;
import dev.lifecycle.core.Tracked;
import dev.lifecycle.core.TrackedResource;
import dev.lifecycle.core.internal.UserCode;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.sql.Struct;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The tracked wrapper of one connection: a hand-written delegate. It keeps its open children
 * (statements, metadata result sets) to close them with it, and guards against use from two
 * threads at once by its data source's {@link ConcurrentUse} policy.
 */
final class JdbcConnection implements Connection, TrackedResource {
  private static final VarHandle USER;

  static {
    try {
      USER = MethodHandles.lookup().findVarHandle(JdbcConnection.class, "user", Thread.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final TrackedDataSource dataSource;
  final ConnectionRecord record;
  private final Connection raw;
  private final Tracked tracked;
  private final ConcurrentUse policy;
  /** The children still open, guarded by itself. */
  private final ChildList children = new ChildList();
  /** The thread inside a call now, when the policy is not OFF (USER). */
  @SuppressWarnings("UnusedVariable") // read and written through USER
  private volatile @Nullable Thread user;
  private volatile @Nullable Closure closure;
  private volatile boolean warned;

  JdbcConnection(TrackedDataSource dataSource, @Owning ConnectionRecord record) {
    this.dataSource = dataSource;
    this.record = record;
    this.raw = record.raw;
    this.policy = dataSource.options().concurrentUse;
    this.tracked = dataSource.connectionKind.track(this, record, dataSource.describe(record.site));
    record.id = tracked.id();
  }

  @Override
  public Tracked tracked() {
    return tracked;
  }

  String id() {
    return record.id;
  }

  /** Throws saying when and by whom this connection was closed, if it was. */
  void checkOpen() throws SQLException {
    Closure c = closure;
    if (c != null) {
      throw c.exception(record.id + " of data source \"" + Masking.mask(dataSource.name()) + "\"", "08003");
    }
  }

  /**
   * Checks the connection is open and, by the policy, that no other thread is inside a call on it;
   * returns whether this call took the connection (and must give it back with {@link #exit}).
   */
  boolean enter() throws SQLException {
    checkOpen();
    if (policy == ConcurrentUse.OFF) {
      return false;
    }
    Thread me = Thread.currentThread();
    Thread inside = (Thread) USER.compareAndExchange(this, null, me);
    if (inside == null) {
      return true;
    }
    if (inside != me) {
      concurrentUse(inside, me);
    }
    return false;
  }

  private boolean enterForClientInfo() throws SQLClientInfoException {
    try {
      return enter();
    } catch (SQLException e) {
      throw new SQLClientInfoException(e.getMessage(), e.getSQLState(), e.getErrorCode(), Map.of(), e);
    }
  }

  void exit(boolean entered) {
    if (entered) {
      USER.setRelease(this, null);
    }
  }

  private void concurrentUse(Thread inside, Thread me) throws SQLException {
    String call = StackWalker.getInstance().walk(frames -> frames.skip(2).findFirst())
        .map(frame -> frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1) + "." + frame.getMethodName())
        .orElse("a method");
    ConcurrentUseReport report =
        new ConcurrentUseReport(dataSource.name(), record.id, inside.getName(), me.getName(), call);
    if (!warned || policy == ConcurrentUse.STRICT) {
      warned = true;
      dataSource.reports.warn(report.toString());
      dataSource.reports.toJdbcListeners("a concurrent use", listener -> listener.onConcurrentUse(report));
    }
    if (policy == ConcurrentUse.STRICT) {
      throw new SQLException(Masking.mask(report.toString()) + " (policy STRICT)");
    }
  }

  // ---- children ---------------------------------------------------------------------------------

  private <C extends JdbcChild> C adopt(C child) throws SQLException {
    if (!children.add(child)) {
      Throwable failure = child.closeRaw();
      SQLException closed = closedNow();
      if (failure != null) {
        closed.addSuppressed(failure);
      }
      throw closed;
    }
    return child;
  }

  private SQLException closedNow() {
    try {
      checkOpen();
      return new SQLException(record.id + " was closed while a child was being created", "08003");
    } catch (SQLException e) {
      return e;
    }
  }

  void forget(JdbcChild child) {
    children.remove(child);
  }

  Statement statement(@Owning Statement statement) throws SQLException {
    return adopt(new JdbcStatement(this, statement, null));
  }

  PreparedStatement prepared(@Owning PreparedStatement statement, String sql) throws SQLException {
    return adopt(new JdbcPreparedStatement(this, statement, sql));
  }

  CallableStatement callable(@Owning CallableStatement statement, String sql) throws SQLException {
    return adopt(new JdbcCallableStatement(this, statement, sql));
  }

  DatabaseMetaData metaData(DatabaseMetaData metaData) {
    return new JdbcMetaData(this, metaData);
  }

  /** A result set of the connection's metadata: a child of the connection itself. */
  ResultSet metaResult(@Owning ResultSet resultSet) throws SQLException {
    boolean entered = enter();
    try {
      return adopt(new JdbcResultSet(this, null, resultSet, "metadata"));
    } finally {
      exit(entered);
    }
  }

  // ---- close --------------------------------------------------------------------------------

  /**
   * Closes the children still open (and reports them), then the raw connection, which returns it
   * to its pool. Idempotent.
   */
  @Override
  public void close() throws SQLException {
    if (!tracked.close()) {
      return;
    }
    closure = Closure.now("closed");
    List<JdbcChild> open = children.closeAll();
    Throwable failure = null;
    try {
      List<String> lines = new ArrayList<>(open.size());
      for (JdbcChild child : open) {
        lines.add(child.describe());
        failure = Closure.add(failure, child.closeByParent());
      }
      if (!lines.isEmpty()) {
        reportUnclosed(lines);
      }
      failure = Closure.add(failure, UserCode.close(raw));
    } finally {
      dataSource.released(record);
    }
    Closure.rethrow(failure);
  }

  private void reportUnclosed(List<String> lines) {
    UnclosedChildrenReport report = new UnclosedChildrenReport(dataSource.name(), record.id, lines);
    dataSource.reports.warn(report.toString());
    dataSource.reports.toJdbcListeners("unclosed children", listener -> listener.onUnclosedChildren(report));
  }

  /** Marks the connection and its children closed, then aborts the raw connection. */
  @Override
  public void abort(Executor executor) throws SQLException {
    if (!tracked.close()) {
      return;
    }
    closure = Closure.now("aborted");
    for (JdbcChild child : children.closeAll()) {
      child.markClosedByParent();
    }
    try {
      raw.abort(executor);
    } finally {
      dataSource.released(record);
    }
  }

  @Override
  public boolean isClosed() throws SQLException {
    return closure != null || raw.isClosed();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    checkOpen();
    if (iface.isInstance(raw)) {
      return iface.cast(raw);
    }
    return raw.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return true;
    }
    checkOpen();
    return iface.isInstance(raw) || raw.isWrapperFor(iface);
  }

  @Override
  public String toString() {
    return record.id + " (data source \"" + Masking.mask(dataSource.name()) + "\")";
  }

  // ---- delegation, one method per JDBC method -------------------------------------------------

  @Override
  public Statement createStatement() throws SQLException {
    boolean entered = enter();
    try {
      return statement(raw.createStatement());
    } finally {
      exit(entered);
    }
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    boolean entered = enter();
    try {
      return prepared(raw.prepareStatement(sql), sql);
    } finally {
      exit(entered);
    }
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    boolean entered = enter();
    try {
      return callable(raw.prepareCall(sql), sql);
    } finally {
      exit(entered);
    }
  }

  @Override
  public String nativeSQL(String sql) throws SQLException {
    boolean entered = enter();
    try {
      return raw.nativeSQL(sql);
    } finally {
      exit(entered);
    }
  }

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    boolean entered = enter();
    try {
      raw.setAutoCommit(autoCommit);
    } finally {
      exit(entered);
    }
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    boolean entered = enter();
    try {
      return raw.getAutoCommit();
    } finally {
      exit(entered);
    }
  }

  @Override
  public void commit() throws SQLException {
    boolean entered = enter();
    try {
      raw.commit();
    } finally {
      exit(entered);
    }
  }

  @Override
  public void rollback() throws SQLException {
    boolean entered = enter();
    try {
      raw.rollback();
    } finally {
      exit(entered);
    }
  }

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    boolean entered = enter();
    try {
      return metaData(raw.getMetaData());
    } finally {
      exit(entered);
    }
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    boolean entered = enter();
    try {
      raw.setReadOnly(readOnly);
    } finally {
      exit(entered);
    }
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    boolean entered = enter();
    try {
      return raw.isReadOnly();
    } finally {
      exit(entered);
    }
  }

  @Override
  public void setCatalog(String catalog) throws SQLException {
    boolean entered = enter();
    try {
      raw.setCatalog(catalog);
    } finally {
      exit(entered);
    }
  }

  @Override
  public String getCatalog() throws SQLException {
    boolean entered = enter();
    try {
      return raw.getCatalog();
    } finally {
      exit(entered);
    }
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    boolean entered = enter();
    try {
      raw.setTransactionIsolation(level);
    } finally {
      exit(entered);
    }
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    boolean entered = enter();
    try {
      return raw.getTransactionIsolation();
    } finally {
      exit(entered);
    }
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    boolean entered = enter();
    try {
      return raw.getWarnings();
    } finally {
      exit(entered);
    }
  }

  @Override
  public void clearWarnings() throws SQLException {
    boolean entered = enter();
    try {
      raw.clearWarnings();
    } finally {
      exit(entered);
    }
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
    boolean entered = enter();
    try {
      return statement(raw.createStatement(resultSetType, resultSetConcurrency));
    } finally {
      exit(entered);
    }
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
    boolean entered = enter();
    try {
      return prepared(raw.prepareStatement(sql, resultSetType, resultSetConcurrency), sql);
    } finally {
      exit(entered);
    }
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
    boolean entered = enter();
    try {
      return callable(raw.prepareCall(sql, resultSetType, resultSetConcurrency), sql);
    } finally {
      exit(entered);
    }
  }

  @Override
  public java.util.Map<String, Class<?>> getTypeMap() throws SQLException {
    boolean entered = enter();
    try {
      return raw.getTypeMap();
    } finally {
      exit(entered);
    }
  }

  @Override
  public void setTypeMap(java.util.Map<String, Class<?>> map) throws SQLException {
    boolean entered = enter();
    try {
      raw.setTypeMap(map);
    } finally {
      exit(entered);
    }
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    boolean entered = enter();
    try {
      raw.setHoldability(holdability);
    } finally {
      exit(entered);
    }
  }

  @Override
  public int getHoldability() throws SQLException {
    boolean entered = enter();
    try {
      return raw.getHoldability();
    } finally {
      exit(entered);
    }
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    boolean entered = enter();
    try {
      return raw.setSavepoint();
    } finally {
      exit(entered);
    }
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    boolean entered = enter();
    try {
      return raw.setSavepoint(name);
    } finally {
      exit(entered);
    }
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    boolean entered = enter();
    try {
      raw.rollback(savepoint);
    } finally {
      exit(entered);
    }
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    boolean entered = enter();
    try {
      raw.releaseSavepoint(savepoint);
    } finally {
      exit(entered);
    }
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    boolean entered = enter();
    try {
      return statement(raw.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability));
    } finally {
      exit(entered);
    }
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    boolean entered = enter();
    try {
      return prepared(raw.prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability), sql);
    } finally {
      exit(entered);
    }
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    boolean entered = enter();
    try {
      return callable(raw.prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability), sql);
    } finally {
      exit(entered);
    }
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    boolean entered = enter();
    try {
      return prepared(raw.prepareStatement(sql, autoGeneratedKeys), sql);
    } finally {
      exit(entered);
    }
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    boolean entered = enter();
    try {
      return prepared(raw.prepareStatement(sql, columnIndexes), sql);
    } finally {
      exit(entered);
    }
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    boolean entered = enter();
    try {
      return prepared(raw.prepareStatement(sql, columnNames), sql);
    } finally {
      exit(entered);
    }
  }

  @Override
  public Clob createClob() throws SQLException {
    boolean entered = enter();
    try {
      return raw.createClob();
    } finally {
      exit(entered);
    }
  }

  @Override
  public Blob createBlob() throws SQLException {
    boolean entered = enter();
    try {
      return raw.createBlob();
    } finally {
      exit(entered);
    }
  }

  @Override
  public NClob createNClob() throws SQLException {
    boolean entered = enter();
    try {
      return raw.createNClob();
    } finally {
      exit(entered);
    }
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    boolean entered = enter();
    try {
      return raw.createSQLXML();
    } finally {
      exit(entered);
    }
  }

  @Override
  public boolean isValid(int timeout) throws SQLException {
    boolean entered = enter();
    try {
      return raw.isValid(timeout);
    } finally {
      exit(entered);
    }
  }

  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    boolean entered = enterForClientInfo();
    try {
      raw.setClientInfo(name, value);
    } finally {
      exit(entered);
    }
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    boolean entered = enterForClientInfo();
    try {
      raw.setClientInfo(properties);
    } finally {
      exit(entered);
    }
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    boolean entered = enter();
    try {
      return raw.getClientInfo(name);
    } finally {
      exit(entered);
    }
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    boolean entered = enter();
    try {
      return raw.getClientInfo();
    } finally {
      exit(entered);
    }
  }

  @Override
  public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
    boolean entered = enter();
    try {
      return raw.createArrayOf(typeName, elements);
    } finally {
      exit(entered);
    }
  }

  @Override
  public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
    boolean entered = enter();
    try {
      return raw.createStruct(typeName, attributes);
    } finally {
      exit(entered);
    }
  }

  @Override
  public void setSchema(String schema) throws SQLException {
    boolean entered = enter();
    try {
      raw.setSchema(schema);
    } finally {
      exit(entered);
    }
  }

  @Override
  public String getSchema() throws SQLException {
    boolean entered = enter();
    try {
      return raw.getSchema();
    } finally {
      exit(entered);
    }
  }

  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    boolean entered = enter();
    try {
      raw.setNetworkTimeout(executor, milliseconds);
    } finally {
      exit(entered);
    }
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    boolean entered = enter();
    try {
      return raw.getNetworkTimeout();
    } finally {
      exit(entered);
    }
  }

  @Override
  public void beginRequest() throws SQLException {
    boolean entered = enter();
    try {
      raw.beginRequest();
    } finally {
      exit(entered);
    }
  }

  @Override
  public void endRequest() throws SQLException {
    boolean entered = enter();
    try {
      raw.endRequest();
    } finally {
      exit(entered);
    }
  }

  @Override
  public boolean setShardingKeyIfValid(ShardingKey shardingKey, ShardingKey superShardingKey, int timeout) throws SQLException {
    boolean entered = enter();
    try {
      return raw.setShardingKeyIfValid(shardingKey, superShardingKey, timeout);
    } finally {
      exit(entered);
    }
  }

  @Override
  public boolean setShardingKeyIfValid(ShardingKey shardingKey, int timeout) throws SQLException {
    boolean entered = enter();
    try {
      return raw.setShardingKeyIfValid(shardingKey, timeout);
    } finally {
      exit(entered);
    }
  }

  @Override
  public void setShardingKey(ShardingKey shardingKey, ShardingKey superShardingKey) throws SQLException {
    boolean entered = enter();
    try {
      raw.setShardingKey(shardingKey, superShardingKey);
    } finally {
      exit(entered);
    }
  }

  @Override
  public void setShardingKey(ShardingKey shardingKey) throws SQLException {
    boolean entered = enter();
    try {
      raw.setShardingKey(shardingKey);
    } finally {
      exit(entered);
    }
  }
}
