package dev.lifecycle.demo;

import dev.lifecycle.core.Owning;
import dev.lifecycle.core.Scope;
import dev.lifecycle.jdbc.DataSourceRegistry;
import dev.lifecycle.jdbc.JdbcOptions;
import dev.lifecycle.jdbc.Session;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The connection manager with lifecycle: lifecycle-jdbc's {@link DataSourceRegistry} of per-tenant
 * sources (capacity 10) that evicts idle ones, least recently used first, and closes what it evicts
 * once its last session has ended; each RPC is a {@link Scope} that owns a {@link Session} on its
 * tenant's source.
 */
final class RegistryConnectionManager extends ConnectionManagerRun {
  static final int CAPACITY = 10;

  private final AtomicLong closedSources = new AtomicLong();
  private final DataSourceRegistry<String> registry =
      DataSourceRegistry.<String>newBuilder("tenant sources", TenantSource::new)
          .capacity(CAPACITY)
          .idleTimeout(Duration.ofSeconds(2))
          .options(JdbcOptions.newBuilder().jmx(false).build())
          .build();

  /**
   * A tenant's data source with its entity metadata; it keeps the tenant's database open until the
   * registry closes it.
   */
  final class TenantSource implements DataSource, AutoCloseable {
    private final DataSource dataSource;
    @Owning private final Connection keepAlive;
    private final List<String> entities;

    TenantSource(String tenant) throws SQLException {
      this.dataSource = databases.dataSource(tenant);
      this.keepAlive = databases.connect(dataSource);
      this.entities = entityMetadata(tenant);
    }

    @Override
    public Connection getConnection() throws SQLException {
      return databases.connect(dataSource);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      throw new SQLFeatureNotSupportedException("a tenant source has its own credentials");
    }

    int entityCount() {
      return entities.size();
    }

    @Override
    public @Nullable PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(@Nullable PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      if (type.isInstance(this)) {
        return type.cast(this);
      }
      throw new SQLException("a tenant source wraps no " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return type.isInstance(this);
    }

    @Override
    public void close() throws SQLException {
      closedSources.incrementAndGet();
      keepAlive.close();
    }
  }

  @Override
  void rpc(String tenant, long rpc) throws Exception {
    try (Scope request = Scope.open("rpc " + rpc)) {
      Session db = registry.openSession(tenant, request);
      databases.work(db.connection(), rpc);
      db.commit();
    }
  }

  @Override
  long entries() {
    return registry.size();
  }

  @Override
  public void finish(Wire wire) {
    super.finish(wire);
    wire.number("evictions", registry.stats().evictions());
    wire.number("closedSources", closedSources.get());
    registry.close();
  }
}
