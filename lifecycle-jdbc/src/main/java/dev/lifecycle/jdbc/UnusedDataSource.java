package dev.lifecycle.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The data source of a registry's session factory, which opens every session over the data source
 * of its key instead: never asked for a connection.
 */
final class UnusedDataSource implements DataSource {
  private final String registry;

  UnusedDataSource(String registry) {
    this.registry = registry;
  }

  private SQLException unused() {
    return new SQLException("registry \"" + registry + "\" opens sessions per key: use openSession(key)");
  }

  @Override
  public Connection getConnection() throws SQLException {
    throw unused();
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    throw unused();
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    throw unused();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    throw unused();
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    throw unused();
  }

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no parent logger");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw unused();
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
