package dev.lifecycle.jdbc;

import dev.lifecycle.core.LeakReport;
import dev.lifecycle.core.LiveResource;
import dev.lifecycle.core.LongHoldReport;
import dev.lifecycle.core.Masking;
import dev.lifecycle.core.MustClose;
import dev.lifecycle.core.Owning;
import dev.lifecycle.core.ResourceKind;
import dev.lifecycle.core.internal.Require;
import dev.lifecycle.core.internal.UserCode;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@code DataSource} whose connections are tracked wrappers, over any other {@code DataSource}: a
 * driver's own, or a pool.
 *
 * <pre>{@code
 * TrackedDataSource orders = TrackedDataSource.wrap(hikari,
 *     JdbcOptions.newBuilder().name("orders").holdThreshold(Duration.ofSeconds(30)).build());
 * try (Connection c = orders.getConnection();
 *      PreparedStatement s = c.prepareStatement("select total from orders where id = ?")) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Each connection's statements, prepared and callable statements, result sets and metadata
 * result sets are wrappers too, its children: closing the connection closes the ones still open
 * and reports them ({@link UnclosedChildrenReport}). A connection dropped without close is found by
 * the tracker (kind {@code jdbc.Connection}), reported with where it was opened, and reclaimed:
 * closed, which returns it to the pool when the wrapped source is one. Using a connection, a
 * statement or a result set after close fails with an {@code SQLException} saying when and by which
 * thread it was closed.
 *
 * <p>When the wrapped source fails to hand out a connection (a pool's acquisition timeout), the
 * caller gets an exception of the same type, with the original as its cause, that names who holds
 * this data source's connections right now: owner scope, age, thread and where each was opened.
 *
 * <p>Unwrapping is honest: {@code unwrap(DataSource.class)} is this wrapper, {@code
 * unwrap(HikariDataSource.class)} the pool. Wrapping a pool leaves its own accounting alone: every
 * wrapper's {@code close()} closes exactly the pool's connection it wraps, once.
 *
 * <p>The data source owns the wrapped source: {@link #close()} closes it when it is {@code
 * AutoCloseable}. Thread-safe.
 */
@MustClose
public final class TrackedDataSource implements DataSource, AutoCloseable {
  private static final AtomicLong INSTANCES = new AtomicLong();

  private final DataSource delegate;
  private final JdbcOptions options;
  final ResourceKind connectionKind;
  final Reports reports;
  private final long instance = INSTANCES.incrementAndGet();
  private final Set<ConnectionRecord> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger live = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();
  private final LongAdder opened = new LongAdder();
  private final LongAdder leaks = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final @Nullable ObjectName objectName;
  private volatile boolean closed;

  private TrackedDataSource(@Owning DataSource delegate, JdbcOptions options) {
    this.delegate = delegate;
    this.options = options;
    this.connectionKind = options.tracker.kind("jdbc.Connection");
    this.reports = new Reports(options.listeners);
    this.objectName = options.jmx ? register() : null;
    if (!options.holdThreshold.isZero()) {
      HoldScanner.INSTANCE.add(this);
    }
  }

  /** {@code dataSource} wrapped with the {@linkplain JdbcOptions#defaults() default options}. */
  public static TrackedDataSource wrap(@Owning DataSource dataSource) {
    return wrap(dataSource, JdbcOptions.defaults());
  }

  /**
   * {@code dataSource} wrapped with {@code options}; the result owns {@code dataSource} (see {@link
   * #close()}). Wrapping a {@code TrackedDataSource} again returns a new wrapper over it.
   */
  public static TrackedDataSource wrap(@Owning DataSource dataSource, JdbcOptions options) {
    Require.nonNull(dataSource, "data source");
    Require.nonNull(options, "options");
    return new TrackedDataSource(dataSource, options);
  }

  /** The name given by the options. */
  public String name() {
    return options.name;
  }

  /** The options this data source was wrapped with. */
  public JdbcOptions options() {
    return options;
  }

  /** Connections handed out and not closed yet. */
  public int liveConnections() {
    return live.get();
  }

  /** The most connections open at once since this data source was wrapped. */
  public int peakConnections() {
    return peak.get();
  }

  /** Connections dropped without close that the tracker found and reclaimed. */
  public long leakedConnections() {
    return leaks.sum();
  }

  /**
   * Who holds this data source's connections right now, oldest first: owner scope (a session's
   * owner for a session's connection), age, thread and where each was opened.
   */
  public List<LiveResource> openConnections() {
    List<ConnectionRecord> records = new ArrayList<>(open);
    if (records.isEmpty()) {
      return List.of();
    }
    Map<String, String> owners = owners();
    List<LiveResource> resources = new ArrayList<>(records.size());
    for (ConnectionRecord record : records) {
      resources.add(record.describe(owners));
    }
    resources.sort(Comparator.comparing(LiveResource::age).reversed());
    return resources;
  }

  /** Scope paths of tracked connections and sessions, from the tracker's inventory. */
  private Map<String, String> owners() {
    Map<String, String> owners = new HashMap<>();
    for (LiveResource resource : options.tracker.snapshot().resources()) {
      String owner = resource.owner();
      if (owner != null
          && (resource.kind().equals("jdbc.Connection") || resource.kind().equals("jdbc.Session"))) {
        owners.put(resource.id(), owner);
      }
    }
    return owners;
  }

  /**
   * A tracked connection from the wrapped source.
   *
   * @throws SQLException if this data source is closed, or what the wrapped source threw, as the
   *     cause of an exception of the same type that names who holds the connections now
   */
  @Override
  public Connection getConnection() throws SQLException {
    checkOpen();
    Connection raw;
    try {
      raw = delegate.getConnection();
    } catch (SQLException e) {
      throw unavailable(e, null);
    }
    return track(raw);
  }

  /**
   * A tracked connection from the wrapped source, for {@code user} (shown masked, never the
   * password).
   *
   * @throws SQLException as {@link #getConnection()} does
   */
  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    checkOpen();
    Connection raw;
    try {
      raw = delegate.getConnection(user, password);
    } catch (SQLException e) {
      throw unavailable(e, user);
    }
    return track(raw);
  }

  private Connection track(@Owning Connection raw) throws SQLException {
    List<StackTraceElement> site = options.allocationSites ? Sites.capture() : List.of();
    ConnectionRecord record = new ConnectionRecord(this, raw, site);
    JdbcConnection connection;
    try {
      connection = new JdbcConnection(this, record);
    } catch (RuntimeException | Error e) {
      Throwable failure = UserCode.close(raw);
      if (failure != null) {
        e.addSuppressed(failure);
      }
      throw e;
    }
    open.add(record);
    int now = live.incrementAndGet();
    opened.increment();
    int max = peak.get();
    while (now > max && !peak.compareAndSet(max, now)) {
      max = peak.get();
    }
    return connection;
  }

  /** The tracker's description of a connection: the data source and where it was opened. */
  String describe(List<StackTraceElement> site) {
    return site.isEmpty()
        ? "data source \"" + options.name + "\""
        : "data source \"" + options.name + "\", opened at " + Sites.first(site);
  }

  /** A connection was closed (by its user, or aborted). */
  void released(ConnectionRecord record) {
    if (open.remove(record)) {
      live.decrementAndGet();
    }
  }

  /** The tracker reclaimed a dropped connection; {@code failure} is what closing it threw. */
  void leaked(ConnectionRecord record, @Nullable Throwable failure) {
    if (open.remove(record)) {
      live.decrementAndGet();
    }
    leaks.increment();
    LeakReport report = record.leakReport(failure);
    reports.toListeners("a jdbc connection leak", listener -> listener.onLeak(report));
  }

  /** Reports, once each, the connections open longer than the hold threshold. */
  void scanLongHolds() {
    long threshold = options.holdThreshold.toNanos();
    Map<String, String> owners = null;
    for (ConnectionRecord record : open) {
      if (record.longHoldReported || System.nanoTime() - record.createdNanos < threshold) {
        continue;
      }
      record.longHoldReported = true;
      if (owners == null) {
        owners = owners();
      }
      LongHoldReport report = new LongHoldReport(record.describe(owners), options.holdThreshold);
      reports.warn(report.toString());
      reports.toListeners("a jdbc long hold", listener -> listener.onLongHold(report));
    }
  }

  private SQLException unavailable(SQLException failure, @Nullable String user) {
    failures.increment();
    List<LiveResource> holders = openConnections();
    StringBuilder message =
        new StringBuilder("cannot get a connection from data source \"")
            .append(options.name)
            .append('"');
    if (user != null) {
      message.append(" for user ").append(user);
    }
    message.append(": ").append(UserCode.describeFailure(failure));
    if (holders.isEmpty()) {
      message.append("; no connection of this data source is open through its wrapper");
    } else {
      message
          .append("; ")
          .append(holders.size())
          .append(" connection(s) of this data source are open right now, oldest first:");
      for (LiveResource holder : holders) {
        message.append("\n  ").append(holder.summary());
      }
    }
    return sameType(failure, Masking.mask(message.toString()));
  }

  /** An exception of {@code failure}'s type with {@code message} and {@code failure} as cause. */
  private static SQLException sameType(SQLException failure, String message) {
    Class<? extends SQLException> type = failure.getClass();
    try {
      Constructor<? extends SQLException> full =
          type.getConstructor(String.class, String.class, int.class, Throwable.class);
      return full.newInstance(message, failure.getSQLState(), failure.getErrorCode(), failure);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // no such public constructor: try the next shape
    }
    try {
      Constructor<? extends SQLException> simple = type.getConstructor(String.class, Throwable.class);
      return simple.newInstance(message, failure);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // the driver's own type has neither shape: keep it, and attach who holds the connections
    }
    failure.addSuppressed(new SQLException(message));
    return failure;
  }

  private void checkOpen() throws SQLException {
    if (closed) {
      throw new SQLException(
          "data source \"" + Masking.mask(options.name) + "\" is closed; get connections from an open one",
          "08003");
    }
  }

  private @Nullable ObjectName register() {
    try {
      ObjectName name =
          new ObjectName(
              "dev.lifecycle:type=DataSource,name="
                  + ObjectName.quote(Masking.mask(options.name))
                  + ",instance="
                  + instance);
      ManagementFactory.getPlatformMBeanServer()
          .registerMBean(new StandardMBean(new MXBean(), DataSourceMXBean.class, true), name);
      return name;
    } catch (JMException | RuntimeException e) {
      Reports.LOG.log(
          System.Logger.Level.WARNING,
          "cannot register the MXBean of data source \""
              + Masking.mask(options.name)
              + "\"; its counts are still available through TrackedDataSource: "
              + UserCode.describeFailure(e));
      return null;
    }
  }

  /**
   * Refuses new connections, unregisters the MXBean and closes the wrapped source if it is {@code
   * AutoCloseable} (a pool closes its connections). Connections still open are not closed here: a
   * pool's own close deals with them. Idempotent.
   *
   * @throws SQLException what closing the wrapped source threw (a checked failure as the cause)
   */
  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    HoldScanner.INSTANCE.remove(this);
    ObjectName name = objectName;
    if (name != null) {
      UserCode.runLogged(
          "unregistering the MXBean of data source \"" + options.name + "\"",
          () -> ManagementFactory.getPlatformMBeanServer().unregisterMBean(name));
    }
    if (delegate instanceof AutoCloseable closeable) {
      Throwable failure = UserCode.close(closeable);
      if (failure instanceof SQLException e) {
        throw e;
      }
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      if (failure != null) {
        throw new SQLException(
            "closing the source of data source \"" + Masking.mask(options.name) + "\" failed: "
                + UserCode.describeFailure(failure),
            failure);
      }
    }
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  /** This wrapper if it is an {@code iface}, else the wrapped source, or what it unwraps to. */
  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    if (iface.isInstance(delegate)) {
      return iface.cast(delegate);
    }
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || iface.isInstance(delegate) || delegate.isWrapperFor(iface);
  }

  @Override
  public String toString() {
    return "TrackedDataSource[" + Masking.mask(options.name) + ", " + live.get() + " open]";
  }

  private final class MXBean implements DataSourceMXBean {
    @Override
    public String getName() {
      return Masking.mask(options.name);
    }

    @Override
    public int getLiveConnections() {
      return live.get();
    }

    @Override
    public int getPeakConnections() {
      return peak.get();
    }

    @Override
    public long getOpenedConnections() {
      return opened.sum();
    }

    @Override
    public long getLeakedConnections() {
      return leaks.sum();
    }

    @Override
    public long getFailedRequests() {
      return failures.sum();
    }

    @Override
    public String[] getOpenConnections() {
      return openConnections().stream().map(LiveResource::summary).toArray(String[]::new);
    }
  }
}
