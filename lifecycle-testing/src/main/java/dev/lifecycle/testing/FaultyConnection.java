package dev.lifecycle.testing;

import dev.lifecycle.core.Owning;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * A connection behind a {@link Faults} plan: every method but {@code close}, {@code isClosed},
 * {@code unwrap} and {@code isWrapperFor} counts as a call; faults are {@link SQLException}s (or
 * {@link InjectedFault} where the method declares none). A hand-written delegate: statements and
 * metadata come from the wrapped connection as they are.
 */
@SuppressWarnings("InlineMeSuggester") // plain delegation, nothing to inline
final class FaultyConnection implements Connection {
  private final FaultCounter counter;
  @Owning private final Connection delegate; // closed by close()

  FaultyConnection(FaultCounter counter, @Owning Connection delegate) {
    this.counter = counter;
    this.delegate = delegate;
  }

  @Override
  public Statement createStatement() throws SQLException {
    counter.callSql("createStatement");
    return delegate.createStatement();
  }

  @Override
  public PreparedStatement prepareStatement(String a0) throws SQLException {
    counter.callSql("prepareStatement");
    return delegate.prepareStatement(a0);
  }

  @Override
  public CallableStatement prepareCall(String a0) throws SQLException {
    counter.callSql("prepareCall");
    return delegate.prepareCall(a0);
  }

  @Override
  public String nativeSQL(String a0) throws SQLException {
    counter.callSql("nativeSQL");
    return delegate.nativeSQL(a0);
  }

  @Override
  public void setAutoCommit(boolean a0) throws SQLException {
    counter.callSql("setAutoCommit");
    delegate.setAutoCommit(a0);
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    counter.callSql("getAutoCommit");
    return delegate.getAutoCommit();
  }

  @Override
  public void commit() throws SQLException {
    counter.callSql("commit");
    delegate.commit();
  }

  @Override
  public void rollback() throws SQLException {
    counter.callSql("rollback");
    delegate.rollback();
  }

  @Override
  public void close() throws SQLException {
    if (!counter.startClose()) {
      return;
    }
    counter.delayClose();
    delegate.close();
    if (counter.faults.failOnClose) {
      throw new SQLException(counter.closeFailure(), "58000");
    }
  }

  @Override
  public boolean isClosed() throws SQLException {
    return delegate.isClosed();
  }

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    counter.callSql("getMetaData");
    return delegate.getMetaData();
  }

  @Override
  public void setReadOnly(boolean a0) throws SQLException {
    counter.callSql("setReadOnly");
    delegate.setReadOnly(a0);
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    counter.callSql("isReadOnly");
    return delegate.isReadOnly();
  }

  @Override
  public void setCatalog(String a0) throws SQLException {
    counter.callSql("setCatalog");
    delegate.setCatalog(a0);
  }

  @Override
  public String getCatalog() throws SQLException {
    counter.callSql("getCatalog");
    return delegate.getCatalog();
  }

  @Override
  public void setTransactionIsolation(int a0) throws SQLException {
    counter.callSql("setTransactionIsolation");
    delegate.setTransactionIsolation(a0);
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    counter.callSql("getTransactionIsolation");
    return delegate.getTransactionIsolation();
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    counter.callSql("getWarnings");
    return delegate.getWarnings();
  }

  @Override
  public void clearWarnings() throws SQLException {
    counter.callSql("clearWarnings");
    delegate.clearWarnings();
  }

  @Override
  public Statement createStatement(int a0, int a1) throws SQLException {
    counter.callSql("createStatement");
    return delegate.createStatement(a0, a1);
  }

  @Override
  public PreparedStatement prepareStatement(String a0, int a1, int a2) throws SQLException {
    counter.callSql("prepareStatement");
    return delegate.prepareStatement(a0, a1, a2);
  }

  @Override
  public CallableStatement prepareCall(String a0, int a1, int a2) throws SQLException {
    counter.callSql("prepareCall");
    return delegate.prepareCall(a0, a1, a2);
  }

  @Override
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    counter.callSql("getTypeMap");
    return delegate.getTypeMap();
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> a0) throws SQLException {
    counter.callSql("setTypeMap");
    delegate.setTypeMap(a0);
  }

  @Override
  public void setHoldability(int a0) throws SQLException {
    counter.callSql("setHoldability");
    delegate.setHoldability(a0);
  }

  @Override
  public int getHoldability() throws SQLException {
    counter.callSql("getHoldability");
    return delegate.getHoldability();
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    counter.callSql("setSavepoint");
    return delegate.setSavepoint();
  }

  @Override
  public Savepoint setSavepoint(String a0) throws SQLException {
    counter.callSql("setSavepoint");
    return delegate.setSavepoint(a0);
  }

  @Override
  public void rollback(Savepoint a0) throws SQLException {
    counter.callSql("rollback");
    delegate.rollback(a0);
  }

  @Override
  public void releaseSavepoint(Savepoint a0) throws SQLException {
    counter.callSql("releaseSavepoint");
    delegate.releaseSavepoint(a0);
  }

  @Override
  public Statement createStatement(int a0, int a1, int a2) throws SQLException {
    counter.callSql("createStatement");
    return delegate.createStatement(a0, a1, a2);
  }

  @Override
  public PreparedStatement prepareStatement(String a0, int a1, int a2, int a3) throws SQLException {
    counter.callSql("prepareStatement");
    return delegate.prepareStatement(a0, a1, a2, a3);
  }

  @Override
  public CallableStatement prepareCall(String a0, int a1, int a2, int a3) throws SQLException {
    counter.callSql("prepareCall");
    return delegate.prepareCall(a0, a1, a2, a3);
  }

  @Override
  public PreparedStatement prepareStatement(String a0, int a1) throws SQLException {
    counter.callSql("prepareStatement");
    return delegate.prepareStatement(a0, a1);
  }

  @Override
  public PreparedStatement prepareStatement(String a0, int[] a1) throws SQLException {
    counter.callSql("prepareStatement");
    return delegate.prepareStatement(a0, a1);
  }

  @Override
  public PreparedStatement prepareStatement(String a0, String[] a1) throws SQLException {
    counter.callSql("prepareStatement");
    return delegate.prepareStatement(a0, a1);
  }

  @Override
  public Clob createClob() throws SQLException {
    counter.callSql("createClob");
    return delegate.createClob();
  }

  @Override
  public Blob createBlob() throws SQLException {
    counter.callSql("createBlob");
    return delegate.createBlob();
  }

  @Override
  public NClob createNClob() throws SQLException {
    counter.callSql("createNClob");
    return delegate.createNClob();
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    counter.callSql("createSQLXML");
    return delegate.createSQLXML();
  }

  @Override
  public boolean isValid(int a0) throws SQLException {
    counter.callSql("isValid");
    return delegate.isValid(a0);
  }

  @Override
  public void setClientInfo(String a0, String a1) throws SQLClientInfoException {
    counter.call("setClientInfo");
    delegate.setClientInfo(a0, a1);
  }

  @Override
  public void setClientInfo(Properties a0) throws SQLClientInfoException {
    counter.call("setClientInfo");
    delegate.setClientInfo(a0);
  }

  @Override
  public String getClientInfo(String a0) throws SQLException {
    counter.callSql("getClientInfo");
    return delegate.getClientInfo(a0);
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    counter.callSql("getClientInfo");
    return delegate.getClientInfo();
  }

  @Override
  public Array createArrayOf(String a0, Object[] a1) throws SQLException {
    counter.callSql("createArrayOf");
    return delegate.createArrayOf(a0, a1);
  }

  @Override
  public Struct createStruct(String a0, Object[] a1) throws SQLException {
    counter.callSql("createStruct");
    return delegate.createStruct(a0, a1);
  }

  @Override
  public void setSchema(String a0) throws SQLException {
    counter.callSql("setSchema");
    delegate.setSchema(a0);
  }

  @Override
  public String getSchema() throws SQLException {
    counter.callSql("getSchema");
    return delegate.getSchema();
  }

  @Override
  public void abort(Executor a0) throws SQLException {
    counter.callSql("abort");
    delegate.abort(a0);
  }

  @Override
  public void setNetworkTimeout(Executor a0, int a1) throws SQLException {
    counter.callSql("setNetworkTimeout");
    delegate.setNetworkTimeout(a0, a1);
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    counter.callSql("getNetworkTimeout");
    return delegate.getNetworkTimeout();
  }

  @Override
  public void beginRequest() throws SQLException {
    counter.callSql("beginRequest");
    delegate.beginRequest();
  }

  @Override
  public void endRequest() throws SQLException {
    counter.callSql("endRequest");
    delegate.endRequest();
  }

  @Override
  public boolean setShardingKeyIfValid(ShardingKey a0, ShardingKey a1, int a2) throws SQLException {
    counter.callSql("setShardingKeyIfValid");
    return delegate.setShardingKeyIfValid(a0, a1, a2);
  }

  @Override
  public boolean setShardingKeyIfValid(ShardingKey a0, int a1) throws SQLException {
    counter.callSql("setShardingKeyIfValid");
    return delegate.setShardingKeyIfValid(a0, a1);
  }

  @Override
  public void setShardingKey(ShardingKey a0, ShardingKey a1) throws SQLException {
    counter.callSql("setShardingKey");
    delegate.setShardingKey(a0, a1);
  }

  @Override
  public void setShardingKey(ShardingKey a0) throws SQLException {
    counter.callSql("setShardingKey");
    delegate.setShardingKey(a0);
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return delegate.isWrapperFor(iface);
  }
}
