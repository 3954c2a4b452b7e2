package dev.lifecycle.demo;

import dev.lifecycle.core.BoundedRegistry;
import dev.lifecycle.core.Lease;
import dev.lifecycle.core.Owning;
import dev.lifecycle.core.Scope;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The connection manager with lifecycle: a {@link BoundedRegistry} of per-tenant sources
 * (capacity 10) that evicts idle ones, least recently used first, and closes what it evicts; each
 * RPC is a {@link Scope} that owns its connection.
 *
 * <p>The seam for lifecycle-jdbc: its DataSourceRegistry and Session replace this registry and the
 * per-RPC scope.
 */
final class RegistryConnectionManager extends ConnectionManagerRun {
  static final int CAPACITY = 10;

  private final AtomicLong closedSources = new AtomicLong();
  private final BoundedRegistry<String, TenantSource> registry = BoundedRegistry.newBuilder("tenant sources")
      .capacity(CAPACITY)
      .idleTimeout(Duration.ofSeconds(2))
      .build();

  /** A tenant's data source with its entity metadata; it keeps the tenant's database open. */
  final class TenantSource implements AutoCloseable {
    private final DataSource dataSource;
    @Owning private final Connection keepAlive;
    private final List<String> entities;

    TenantSource(String tenant) throws SQLException {
      this.dataSource = databases.dataSource(tenant);
      this.keepAlive = databases.connect(dataSource);
      this.entities = entityMetadata(tenant);
    }

    Connection connection() throws SQLException {
      return databases.connect(dataSource);
    }

    int entityCount() {
      return entities.size();
    }

    @Override
    public void close() throws SQLException {
      closedSources.incrementAndGet();
      keepAlive.close();
    }
  }

  @Override
  void rpc(String tenant, long rpc) throws Exception {
    try (Scope request = Scope.open("rpc " + rpc);
        Lease<TenantSource> source = registry.acquire(tenant, TenantSource::new)) {
      Connection connection = request.own(source.value().connection());
      databases.work(connection, rpc);
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
