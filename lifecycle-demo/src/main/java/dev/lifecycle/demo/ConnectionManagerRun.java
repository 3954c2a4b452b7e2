package dev.lifecycle.demo;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The infrastructure-as-SQL engine's RPCs, minus the connection manager, which each variant brings:
 * a dynamic set of tenant databases (five active at a time; every 10 RPCs one is torn down and a new
 * one set up), and per RPC a connection to its tenant's database with the ORM's entity metadata.
 */
abstract class ConnectionManagerRun implements ChildRun {
  /** Caps the unprotected run against a real server, to spare it. */
  static final int POSTGRES_CONNECTION_CAP = 40;

  TenantDatabases databases = new TenantDatabases(null);
  private final AtomicLong rpcs = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private volatile String stopped = "";

  @Override
  public int start(Settings settings, Wire wire) throws Exception {
    databases = new TenantDatabases(System.getenv(TenantDatabases.URL_ENV));
    wire.text("database", databases.describe());
    if (databases.isPostgres()) {
      try (java.sql.Connection c = databases.connect(databases.dataSource("probe"))) {
        databases.work(c, 0);
      } catch (SQLException e) {
        wire.skip("cannot connect to " + databases.describe() + ": " + e.getMessage());
        Runtime.getRuntime().halt(3);
      }
    }
    return 0;
  }

  @Override
  public boolean drivesItself() {
    return true;
  }

  /**
   * Runs {@code rpcs} RPCs (or as many as fit in {@code maxMillis} on a slow machine): a count, not a
   * duration, so that a loaded machine shows the same growth, only later.
   */
  @Override
  public void work(Settings settings, Wire wire) throws Exception {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.getLong("maxMillis"));
    long count = settings.getLong("rpcs");
    for (long rpc = 0; rpc < count && System.nanoTime() < end; rpc++) {
      if (databases.isPostgres() && databases.open() >= POSTGRES_CONNECTION_CAP) {
        stopped = "stopped at " + POSTGRES_CONNECTION_CAP + " open connections, to spare the server";
        wire.event(stopped);
        return;
      }
      long generation = rpc / 10; // every 10 RPCs a tenant is torn down and a new one set up
      String tenant = "tenant" + (generation + rpc % 5);
      try {
        rpc(tenant, rpc);
        rpcs.incrementAndGet();
      } catch (SQLException | RuntimeException e) {
        failures.incrementAndGet();
        if (failures.get() == 1) {
          wire.event("RPC failed: " + e);
        }
      }
      Thread.sleep(1);
    }
  }

  /** One RPC on {@code tenant}'s database. */
  abstract void rpc(String tenant, long rpc) throws Exception;

  /** How many entries the connection manager holds now. */
  abstract long entries();

  /** The ORM's entity metadata for the modules a tenant has installed: about 200 KB. */
  static List<String> entityMetadata(String tenant) {
    List<String> entities = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      entities.add(tenant + ".entity" + i + ":" + "column".repeat(30));
    }
    return entities;
  }

  @Override
  public Map<String, LongSupplier> gauges() {
    Map<String, LongSupplier> g = new LinkedHashMap<>();
    g.put("connections", databases::open);
    g.put("entries", this::entries);
    g.put("rpcs", rpcs::get);
    return g;
  }

  @Override
  public void finish(Wire wire) {
    wire.number("rpcs", rpcs.get());
    wire.number("failures", failures.get());
    wire.number("connections", databases.open());
    wire.number("entries", entries());
    if (!stopped.isEmpty()) {
      wire.text("stopped", stopped);
    }
  }
}
