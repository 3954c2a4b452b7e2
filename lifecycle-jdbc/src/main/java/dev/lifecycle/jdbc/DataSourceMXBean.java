package dev.lifecycle.jdbc;

/**
 * The JMX view of one {@link TrackedDataSource}, registered as {@code
 * dev.lifecycle:type=DataSource,name="<name>",instance=<n>}: the instance number keeps data
 * sources of the same name apart, so closing one and creating another never collide.
 */
public interface DataSourceMXBean {
  /** The data source's name. */
  String getName();

  /** Connections handed out and not closed yet. */
  int getLiveConnections();

  /** The most connections open at once so far. */
  int getPeakConnections();

  /** Connections handed out so far. */
  long getOpenedConnections();

  /** Connections dropped without close, found and reclaimed. */
  long getLeakedConnections();

  /** Connection requests the wrapped source failed (a pool's timeout among them). */
  long getFailedRequests();

  /** Who holds each open connection: one line per connection, oldest first. */
  String[] getOpenConnections();
}
