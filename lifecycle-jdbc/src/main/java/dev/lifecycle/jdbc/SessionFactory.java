package dev.lifecycle.jdbc;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.lifecycle.core.MustClose;
import dev.lifecycle.core.ResourceKind;
import dev.lifecycle.core.Scope;
import dev.lifecycle.core.Tracked;
import dev.lifecycle.core.Tracker;
import dev.lifecycle.core.internal.Require;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Opens {@link Session}s over one data source: the per-request unit of work.
 *
 * <pre>{@code
 * SessionFactory sessions = SessionFactory.newBuilder(orders).build();
 * try (Scope request = Scope.open("GET /orders/42")) {
 *   Session db = sessions.open(request);      // the scope owns it
 *   Map<String, Object> order = db.find("orders", 42).orElseThrow();
 *   db.update("update orders set state = ? where id = ?", "shipped", 42);
 *   db.commit();
 * } // closes the session: rolls back what was not committed, returns the connection
 * }</pre>
 *
 * <p>The factory borrows the data source (it does not close it) and holds nothing per session but a
 * per-thread marker, so that sessions of one factory do not nest on a thread. Thread-safe.
 */
public final class SessionFactory {
  private final DataSource dataSource;
  private final String name;
  final int statementCacheSize;
  final int identityMapSize;
  final ResourceKind kind;
  /** The open session of each thread, by its handle: never the session, so a dropped one is found. */
  @SuppressWarnings("ThreadLocalUsage") // one per factory on purpose: sessions of one factory do not nest
  private final ThreadLocal<@Nullable Tracked> current = new ThreadLocal<>();

  private SessionFactory(Builder builder) {
    this.dataSource = builder.dataSource;
    this.name = builder.name;
    this.statementCacheSize = builder.statementCacheSize;
    this.identityMapSize = builder.identityMapSize;
    this.kind = builder.tracker.kind("jdbc.Session");
  }

  /** A factory with the defaults over {@code dataSource}. */
  public static SessionFactory of(DataSource dataSource) {
    return newBuilder(dataSource).build();
  }

  /** A builder for a factory over {@code dataSource}, which the factory borrows. */
  public static Builder newBuilder(DataSource dataSource) {
    return new Builder(Require.nonNull(dataSource, "data source"));
  }

  /**
   * Opens a session; the caller owns it and closes it (try-with-resources), or hands it to a scope.
   *
   * @throws IllegalStateException if a session of this factory is open on this thread already
   */
  @MustClose
  public Session open() {
    return openWith(null);
  }

  /**
   * Opens a session owned by {@code owner}: closing the scope closes it.
   *
   * @throws IllegalStateException if a session of this factory is open on this thread already, or
   *     if {@code owner} is closed (the session is then closed)
   */
  public Session open(Scope owner) {
    Require.nonNull(owner, "owner scope");
    return owner.own(openWith(null));
  }

  @MustClose
  Session openWith(@Nullable AutoCloseable lease) {
    return openWith(dataSource, lease);
  }

  /** A session over {@code source} that releases {@code lease} when it closes. */
  @MustClose
  Session openWith(DataSource source, @Nullable AutoCloseable lease) {
    Tracked open = current.get();
    if (open != null && open.isOpen()) {
      throw new IllegalStateException(
          "a session of "
              + this
              + " is already open on thread "
              + Thread.currentThread().getName()
              + " ("
              + open.id()
              + "); sessions do not nest: pass the open session down, or commit and close it first");
    }
    Session session = new Session(this, source, lease);
    current.set(session.tracked());
    return session;
  }

  /** The session closed on its own thread: forgets the marker. */
  void closed(Tracked session) {
    if (current.get() == session) {
      current.remove();
    }
  }

  @Override
  public String toString() {
    return "session factory \"" + dev.lifecycle.core.Masking.mask(name) + "\"";
  }

  /** Configures a {@link SessionFactory}. Not thread-safe. */
  public static final class Builder {
    private final DataSource dataSource;
    private String name;
    private int statementCacheSize = 16;
    private int identityMapSize = 256;
    private Tracker tracker = Tracker.global();

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
      this.name = dataSource instanceof TrackedDataSource tracked ? tracked.name() : "dataSource";
      if (dataSource instanceof TrackedDataSource tracked) {
        this.tracker = tracked.options().tracker;
      }
    }

    /** The factory's name, shown in messages; the tracked data source's name by default. */
    @CanIgnoreReturnValue
    public Builder name(String name) {
      Require.nonNull(name, "name");
      Require.argument(!name.isBlank(), "name must not be blank: \"%s\"", name);
      this.name = name;
      return this;
    }

    /**
     * How many prepared statements a session keeps open for reuse, least recently used closed first
     * (16 by default, at least 1).
     */
    @CanIgnoreReturnValue
    public Builder statementCacheSize(int size) {
      this.statementCacheSize = Require.atLeast(size, 1, "statement cache size");
      return this;
    }

    /** How many rows loaded by {@link Session#find} a session keeps (256 by default; 0 keeps none). */
    @CanIgnoreReturnValue
    public Builder identityMapSize(int size) {
      this.identityMapSize = Require.atLeast(size, 0, "identity map size");
      return this;
    }

    /** The tracker that finds dropped sessions (kind {@code jdbc.Session}). */
    @CanIgnoreReturnValue
    public Builder tracker(Tracker tracker) {
      this.tracker = Require.nonNull(tracker, "tracker");
      return this;
    }

    /** The factory. */
    public SessionFactory build() {
      return new SessionFactory(this);
    }
  }
}
