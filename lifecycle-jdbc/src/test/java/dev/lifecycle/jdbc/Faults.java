package dev.lifecycle.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A fault-injecting wrapper around a real driver's data source: the connections it hands out throw
 * from the methods named in {@link #failing}, for faults a test cannot cause with real SQL.
 */
final class Faults implements DataSource {
  final DataSource real;
  final Set<String> failing = ConcurrentHashMap.newKeySet();
  /** Runs after each successful close of a raw connection. */
  volatile Runnable onClose = () -> {};

  Faults(DataSource real) {
    this.real = real;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = real.getConnection();
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (failing.contains(method.getName())) {
            throw new SQLException("injected failure of " + method.getName(), "08006");
          }
          try {
            Object result = method.invoke(connection, args);
            if (method.getName().equals("close")) {
              onClose.run();
            }
            return result;
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return (Connection)
        Proxy.newProxyInstance(Faults.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    throw new SQLException("not used by the tests");
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return real.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    real.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    real.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return real.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getLogger("faults");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return real.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return real.isWrapperFor(iface);
  }
}
