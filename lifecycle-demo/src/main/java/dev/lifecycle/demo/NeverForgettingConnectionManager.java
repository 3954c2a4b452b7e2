package dev.lifecycle.demo;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The ORM's connection manager as the postmortem found it: each RPC creates a named connection
 * (a data source, an open connection and the entity metadata) and the manager keeps it, by name,
 * forever; the RPC "throws it away afterwards", or so it thinks.
 */
final class NeverForgettingConnectionManager extends ConnectionManagerRun {
  /** What the ORM keeps per name. */
  record OrmConnection(String name, DataSource dataSource, Connection connection, List<String> entities) {}

  private final Map<String, OrmConnection> manager = new ConcurrentHashMap<>();

  // The bug replayed: the connection stays open in the manager, which has no delete.
  @Override
  @SuppressWarnings("UnclosedResource")
  void rpc(String tenant, long rpc) throws Exception {
    String name = tenant + "-rpc-" + rpc;
    DataSource ds = databases.dataSource(tenant);
    OrmConnection orm = new OrmConnection(name, ds, databases.connect(ds), entityMetadata(tenant));
    manager.put(name, orm);
    databases.work(orm.connection(), rpc);
  }

  @Override
  long entries() {
    return manager.size();
  }
}
