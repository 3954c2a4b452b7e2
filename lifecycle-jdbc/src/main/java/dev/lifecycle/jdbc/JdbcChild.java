package dev.lifecycle.jdbc;

import dev.lifecycle.core.DetectionLevel;
import dev.lifecycle.core.Masking;
import dev.lifecycle.core.internal.UserCode;
import java.sql.SQLException;
import java.sql.Wrapper;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What statements and result sets share: the connection that created them, exactly-once close,
 * use-after-close failures that say when and by whom, and what a report says of them. A child is
 * not tracked by the tracker on its own: its connection keeps it and closes it, and a connection
 * dropped with its children is reclaimed with them.
 */
abstract class JdbcChild {
  final JdbcConnection connection;
  final @Nullable String sql;
  private final String thread;
  private final List<StackTraceElement> site;
  private volatile @Nullable Closure closure;

  // links of the parent's ChildList, guarded by its lock
  @Nullable JdbcChild prev;
  @Nullable JdbcChild next;
  boolean linked;

  JdbcChild(JdbcConnection connection, @Nullable String sql) {
    this.connection = connection;
    this.sql = sql;
    this.thread = Thread.currentThread().getName();
    this.site =
        connection.dataSource.options().tracker.level().compareTo(DetectionLevel.FULL) >= 0
            ? Sites.capture()
            : List.of();
  }

  /** The kind shown in reports, such as {@code jdbc.PreparedStatement}. */
  abstract String kind();

  /** The raw statement or result set. */
  abstract AutoCloseable raw();

  /** The raw object, for {@code unwrap}. */
  abstract Wrapper wrapped();

  /** Called once, when this child is marked closed; removes it from its parent. */
  abstract void closed();

  final String id() {
    return kind() + "#" + Integer.toHexString(System.identityHashCode(this));
  }

  /** Throws saying when and by whom this child was closed, if it was. */
  final void check() throws SQLException {
    Closure c = closure;
    if (c != null) {
      throw c.exception(id() + (sql == null ? "" : " (" + sql + ")"), null);
    }
  }

  final boolean isClosedWrapper() {
    return closure != null;
  }

  /** Marks this child closed; true once. */
  final boolean markClosed(String how) {
    if (closure != null) {
      return false;
    }
    synchronized (this) {
      if (closure != null) {
        return false;
      }
      closure = Closure.now(how);
    }
    return true;
  }

  final @Nullable Throwable closeRaw() {
    return UserCode.close(raw());
  }

  /** Closes this child because its connection closed; returns what closing the raw one threw. */
  final @Nullable Throwable closeByParent() {
    if (!markClosed("closed with its connection " + connection.id())) {
      return null;
    }
    closedByParent();
    return closeRaw();
  }

  /** Marks this child closed because its parent is closing the raw objects itself. */
  final void markClosedByParent() {
    if (markClosed("closed with its parent")) {
      closedByParent();
    }
  }

  /** Also marks this child's own children closed; nothing by default. */
  void closedByParent() {}

  /** One line for a report: id, SQL, creating thread and, when captured, where. */
  final String describe() {
    StringBuilder line = new StringBuilder(id());
    if (sql != null) {
      line.append(" (").append(sql).append(')');
    }
    line.append(" created on thread ").append(thread);
    if (site.isEmpty()) {
      line.append(" (its stack is captured at -Dlifecycle.leakDetection.level=FULL)");
    } else {
      line.append(" at ").append(Sites.first(site));
    }
    return Masking.mask(line.toString());
  }

  final <T> T unwrapTo(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    check();
    Wrapper raw = wrapped();
    if (iface.isInstance(raw)) {
      return iface.cast(raw);
    }
    return raw.unwrap(iface);
  }

  final boolean wraps(Class<?> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return true;
    }
    check();
    Wrapper raw = wrapped();
    return iface.isInstance(raw) || raw.isWrapperFor(iface);
  }

  @Override
  public String toString() {
    return Masking.mask(id() + (sql == null ? "" : " (" + sql + ")"));
  }
}
