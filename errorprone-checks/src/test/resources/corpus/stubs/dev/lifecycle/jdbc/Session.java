package dev.lifecycle.jdbc;

import dev.lifecycle.core.MustClose;
import java.sql.Connection;
import java.sql.SQLException;

/** Stub of lifecycle-jdbc's Session: the real signatures, a subset of the members. */
@MustClose
public final class Session implements AutoCloseable {
  private Session() {}

  public Connection connection() throws SQLException {
    throw new SQLException("stub");
  }

  public void commit() throws SQLException {}

  public void rollback() throws SQLException {}

  public boolean isOpen() {
    return false;
  }

  @Override
  public void close() throws SQLException {}
}
