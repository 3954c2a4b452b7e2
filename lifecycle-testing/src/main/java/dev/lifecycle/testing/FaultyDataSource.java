package dev.lifecycle.testing;

import dev.lifecycle.core.Owning;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A data source behind a {@link Faults} plan: its connections are behind the plan too. */
final class FaultyDataSource implements DataSource {
  private final Faults faults;
  private final FaultCounter counter;
  private final DataSource delegate;

  FaultyDataSource(Faults faults, DataSource delegate) {
    this.faults = faults;
    this.counter = new FaultCounter(faults, "data source");
    this.delegate = delegate;
  }

  private Connection wrap(@Owning Connection connection) {
    return new FaultyConnection(new FaultCounter(faults, "connection"), connection);
  }

  private void opening() throws SQLException {
    if (faults.factoryThrows) {
      throw new SQLException("injected fault: getConnection throws (" + faults + ")", "08001");
    }
    counter.callSql("getConnection");
  }

  @Override
  public Connection getConnection() throws SQLException {
    opening();
    return wrap(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    opening();
    return wrap(delegate.getConnection(username, password));
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
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
