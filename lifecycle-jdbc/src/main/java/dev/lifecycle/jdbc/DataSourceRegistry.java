package dev.lifecycle.jdbc;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.lifecycle.core.BoundedRegistry;
import dev.lifecycle.core.Lease;
import dev.lifecycle.core.LifecycleListener;
import dev.lifecycle.core.MustClose;
import dev.lifecycle.core.RegistryStats;
import dev.lifecycle.core.Scope;
import dev.lifecycle.core.internal.Require;
import dev.lifecycle.core.internal.UserCode;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * A bounded registry of per-tenant or per-database data sources, created on demand by a factory of
 * yours (a small pool per database, say), evicted when idle or when a new one needs room, and
 * closed on eviction only after their last session ends: in-flight work is never killed, which is
 * what closing an evicted pool directly does.
 *
 * <pre>{@code
 * try (DataSourceRegistry<String> tenants =
 *     DataSourceRegistry.<String>newBuilder("tenants", tenant -> pools.create(tenant))
 *         .capacity(10).idleTimeout(Duration.ofMinutes(5)).build()) {
 *   try (Scope request = Scope.open("GET /orders/42")) {
 *     Session db = tenants.openSession(tenantId, request);
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>It is the fix for an ORM connection manager that kept every per-request connection, and its
 * metadata, forever, for a changing set of databases: here at most {@code capacity} data sources are
 * open, and what is evicted is closed and forgotten. Each data source is a {@link
 * TrackedDataSource} that owns what the factory made (closing it closes the pool).
 *
 * <p>Built on {@link BoundedRegistry}: its capacity, idle timeout, waiting policy and listeners
 * apply. Thread-safe.
 *
 * @param <K> the type of the keys (tenant ids, database names), with {@code equals} and {@code
 *     hashCode}
 */
@MustClose
public final class DataSourceRegistry<K> implements AutoCloseable {
  /** Creates the data source of a key; the registry owns it then. */
  @FunctionalInterface
  public interface Factory<K> {
    /** A new data source for {@code key}; closed (if {@code AutoCloseable}) when evicted. */
    DataSource create(K key) throws Exception;
  }

  private final String name;
  private final Factory<? super K> factory;
  private final JdbcOptions options;
  private final SessionFactory sessions;
  private final BoundedRegistry<K, TrackedDataSource> registry;

  private DataSourceRegistry(Builder<K> builder) {
    this.name = builder.name;
    this.factory = builder.factory;
    this.options = builder.options;
    this.sessions =
        SessionFactory.newBuilder(new UnusedDataSource(builder.name))
            .name(builder.name)
            .tracker(builder.options.tracker)
            .statementCacheSize(builder.statementCacheSize)
            .identityMapSize(builder.identityMapSize)
            .build();
    this.registry = builder.registry.tracker(builder.options.tracker).build();
  }

  /**
   * A builder for a registry named {@code name} whose data sources {@code factory} creates.
   *
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static <K> Builder<K> newBuilder(String name, Factory<? super K> factory) {
    Require.nonNull(name, "registry name");
    Require.nonNull(factory, "factory");
    return new Builder<>(name, factory);
  }

  private TrackedDataSource create(K key) throws Exception {
    DataSource created = factory.create(key);
    Require.state(created != null, "the factory of registry \"%s\" returned null for key %s", name, UserCode.describe(key));
    return TrackedDataSource.wrap(created, options.toBuilder().name(name + "/" + UserCode.describe(key)).build());
  }

  /**
   * A lease on the data source of {@code key}, created if needed; while the lease is open the data
   * source is not closed. Close the lease when done (connections taken from it first).
   *
   * @throws InterruptedException if interrupted while waiting for room
   * @throws dev.lifecycle.core.CapacityExceededException if there was no room in time
   */
  @MustClose
  public Lease<TrackedDataSource> acquire(K key) throws InterruptedException {
    return registry.acquire(key, this::create);
  }

  /**
   * A session on the data source of {@code key}; it holds a lease until it closes, so the data
   * source stays open until the session's end even if it is evicted meanwhile.
   *
   * @throws IllegalStateException if a session of this registry is open on this thread already
   * @throws InterruptedException if interrupted while waiting for room
   */
  @MustClose
  public Session openSession(K key) throws InterruptedException {
    Lease<TrackedDataSource> lease = acquire(key);
    try {
      return sessions.openWith(lease.value(), lease);
    } catch (RuntimeException | Error e) {
      lease.close();
      throw e;
    }
  }

  /** {@link #openSession(Object)}, owned by {@code owner}. */
  public Session openSession(K key, Scope owner) throws InterruptedException {
    Require.nonNull(owner, "owner scope");
    return owner.own(openSession(key));
  }

  /** Removes the data source of {@code key}: closed now if idle, else after its last session. */
  @CanIgnoreReturnValue
  public boolean invalidate(K key) {
    return registry.invalidate(key);
  }

  /** Evicts the data sources idle longer than the idle timeout; see {@link BoundedRegistry#cleanUp()}. */
  public void cleanUp() {
    registry.cleanUp();
  }

  /** How many data sources are open now; never more than the capacity. */
  public int size() {
    return registry.size();
  }

  /** The registry's counters. */
  public RegistryStats stats() {
    return registry.stats();
  }

  /** The registry's name. */
  public String name() {
    return name;
  }

  /** Closes every data source, waiting for open sessions up to the close timeout. Idempotent. */
  @Override
  public void close() {
    registry.close();
  }

  @Override
  public String toString() {
    return "DataSourceRegistry[" + dev.lifecycle.core.Masking.mask(name) + ", capacity " + registry.capacity() + "]";
  }

  /**
   * Configures a {@link DataSourceRegistry}. Defaults as {@link BoundedRegistry.Builder}'s, the
   * {@linkplain JdbcOptions#defaults() default options} for each data source (named {@code
   * <registry>/<key>}), and the session caches of {@link SessionFactory.Builder}. Not thread-safe.
   */
  public static final class Builder<K> {
    private final String name;
    private final Factory<? super K> factory;
    private final BoundedRegistry.Builder registry;
    private JdbcOptions options = JdbcOptions.defaults();
    private int statementCacheSize = 16;
    private int identityMapSize = 256;

    private Builder(String name, Factory<? super K> factory) {
      this.name = name;
      this.factory = factory;
      this.registry = BoundedRegistry.newBuilder(name);
    }

    /** At most {@code capacity} data sources are open at any time. */
    @CanIgnoreReturnValue
    public Builder<K> capacity(int capacity) {
      registry.capacity(capacity);
      return this;
    }

    /** Evicts a data source without sessions for {@code timeout}; zero (the default) never. */
    @CanIgnoreReturnValue
    public Builder<K> idleTimeout(Duration timeout) {
      registry.idleTimeout(timeout);
      return this;
    }

    /** What to do at capacity when every data source has a session; see {@link BoundedRegistry.WhenFull}. */
    @CanIgnoreReturnValue
    public Builder<K> whenFull(BoundedRegistry.WhenFull policy, Duration maxWait) {
      registry.whenFull(policy, maxWait);
      return this;
    }

    /** How long {@link DataSourceRegistry#close()} waits for open sessions. */
    @CanIgnoreReturnValue
    public Builder<K> closeTimeout(Duration timeout) {
      registry.closeTimeout(timeout);
      return this;
    }

    /** Adds a listener for created, evicted and closed data sources. */
    @CanIgnoreReturnValue
    public Builder<K> listener(LifecycleListener listener) {
      registry.listener(listener);
      return this;
    }

    /** The options of every data source; each is named {@code <registry>/<key>}. */
    @CanIgnoreReturnValue
    public Builder<K> options(JdbcOptions options) {
      this.options = Require.nonNull(options, "options");
      return this;
    }

    /** The statement cache size of each session; see {@link SessionFactory.Builder#statementCacheSize}. */
    @CanIgnoreReturnValue
    public Builder<K> statementCacheSize(int size) {
      this.statementCacheSize = Require.atLeast(size, 1, "statement cache size");
      return this;
    }

    /** The identity map size of each session; see {@link SessionFactory.Builder#identityMapSize}. */
    @CanIgnoreReturnValue
    public Builder<K> identityMapSize(int size) {
      this.identityMapSize = Require.atLeast(size, 0, "identity map size");
      return this;
    }

    /** The registry; close it when done. */
    public DataSourceRegistry<K> build() {
      return new DataSourceRegistry<>(this);
    }
  }
}
