package dev.lifecycle.jdbc;

import java.util.Objects;

/**
 * One connection used from two threads at once. Immutable.
 *
 * @param dataSource the data source's name
 * @param connection the connection's id
 * @param inside the thread that was inside a call on the connection
 * @param entering the thread that entered a second call at the same time
 * @param call the second thread's call
 */
public record ConcurrentUseReport(
    String dataSource, String connection, String inside, String entering, String call) {
  /** Rejects nulls. */
  public ConcurrentUseReport {
    Objects.requireNonNull(dataSource, "dataSource must not be null");
    Objects.requireNonNull(connection, "connection must not be null");
    Objects.requireNonNull(inside, "inside must not be null");
    Objects.requireNonNull(entering, "entering must not be null");
    Objects.requireNonNull(call, "call must not be null");
  }

  @Override
  public String toString() {
    return "CONCURRENT USE of "
        + connection
        + " (data source \""
        + dataSource
        + "\"): thread "
        + entering
        + " called "
        + call
        + " while thread "
        + inside
        + " was inside a call on the same connection; a JDBC connection is used by one thread at a"
        + " time: give each thread its own connection or session";
  }
}
