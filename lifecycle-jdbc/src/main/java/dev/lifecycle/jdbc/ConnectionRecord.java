package dev.lifecycle.jdbc;

import dev.lifecycle.core.LeakReport;
import dev.lifecycle.core.LiveResource;
import dev.lifecycle.core.Tracked;
import dev.lifecycle.core.internal.UserCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a data source knows of one open connection: the raw connection, who opened it, when and
 * where. It is the raw resource the tracker reclaims, so it never references the wrapper handed to
 * the user: {@link #close()} runs only when that wrapper was dropped without close.
 */
final class ConnectionRecord implements AutoCloseable {
  final TrackedDataSource dataSource;
  final Connection raw;
  final String thread;
  final long createdNanos;
  final Instant createdAt;
  final List<StackTraceElement> site;
  /** The connection's id ({@code jdbc.Connection#hex}); set once tracked. */
  String id = "jdbc.Connection#?";
  /** The session that holds the connection, if one does: its scope is the connection's owner. */
  volatile @Nullable Tracked session;
  volatile boolean longHoldReported;

  ConnectionRecord(TrackedDataSource dataSource, Connection raw, List<StackTraceElement> site) {
    this.dataSource = dataSource;
    this.raw = raw;
    this.thread = Thread.currentThread().getName();
    this.createdNanos = System.nanoTime();
    this.createdAt = Instant.now();
    this.site = site;
  }

  Duration age() {
    return Duration.ofNanos(System.nanoTime() - createdNanos);
  }

  /** The inventory's line for this connection; {@code owners} maps tracked ids to scope paths. */
  LiveResource describe(Map<String, String> owners) {
    Tracked holder = session;
    String owner = owners.get(id);
    String description = "data source \"" + dataSource.name() + "\"";
    if (holder != null) {
      description += ", held by " + holder.id();
      if (owner == null) {
        owner = owners.get(holder.id());
      }
    }
    return new LiveResource("jdbc.Connection", id, description, owner, createdAt, age(), thread, site);
  }

  /**
   * The tracker found the wrapper dropped while open: counts and reports the leak, with where the
   * connection was opened, and closes the raw connection (back to its pool, if it came from one).
   */
  @Override
  public void close() throws SQLException {
    Throwable failure = UserCode.close(raw);
    dataSource.leaked(this, failure);
    Closure.rethrow(failure);
  }

  LeakReport leakReport(@Nullable Throwable failure) {
    return new LeakReport(
        "jdbc.Connection",
        id,
        "data source \"" + dataSource.name() + "\"",
        null,
        createdAt,
        age(),
        thread,
        site,
        List.of(),
        failure == null,
        failure == null ? null : UserCode.describeFailure(failure),
        0);
  }
}
