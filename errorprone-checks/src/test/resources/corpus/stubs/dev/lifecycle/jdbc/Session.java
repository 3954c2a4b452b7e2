package dev.lifecycle.jdbc;

import java.sql.SQLException;

/** Stub of lifecycle-jdbc's Session. */
public interface Session extends AutoCloseable {
  void commit() throws SQLException;

  @Override
  void close() throws SQLException;
}
