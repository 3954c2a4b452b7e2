package dev.lifecycle.jdbc;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.lifecycle.core.LifecycleListener;
import dev.lifecycle.core.Tracker;
import dev.lifecycle.core.internal.Require;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a {@link TrackedDataSource} tracks its connections. Immutable and thread-safe; build one with
 * {@link #newBuilder()} and reuse it for many data sources ({@link DataSourceRegistry} does).
 */
public final class JdbcOptions {
  private static final JdbcOptions DEFAULTS = newBuilder().build();

  final String name;
  final Tracker tracker;
  final Duration holdThreshold;
  final ConcurrentUse concurrentUse;
  final boolean allocationSites;
  final boolean jmx;
  final List<LifecycleListener> listeners;

  private JdbcOptions(Builder builder) {
    this.name = builder.name;
    this.tracker = builder.tracker;
    this.holdThreshold = builder.holdThreshold;
    this.concurrentUse = builder.concurrentUse;
    this.allocationSites = builder.allocationSites;
    this.jmx = builder.jmx;
    this.listeners = List.copyOf(builder.listeners);
  }

  /** The defaults: see {@link Builder}. */
  public static JdbcOptions defaults() {
    return DEFAULTS;
  }

  /** A builder with the defaults. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** A builder that starts from these options. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.name = name;
    builder.tracker = tracker;
    builder.holdThreshold = holdThreshold;
    builder.concurrentUse = concurrentUse;
    builder.allocationSites = allocationSites;
    builder.jmx = jmx;
    builder.listeners.addAll(listeners);
    return builder;
  }

  /** The name data sources get, shown in reports, messages and JMX. */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return "JdbcOptions[" + name + ", hold threshold " + holdThreshold + ", concurrent use " + concurrentUse + "]";
  }

  /**
   * Configures {@link JdbcOptions}. Defaults: name {@code "dataSource"}, {@link Tracker#global()},
   * no hold threshold, {@link ConcurrentUse#WARN}, the allocation site of every connection
   * captured, a JMX MXBean per data source, no listener. Not thread-safe.
   */
  public static final class Builder {
    private String name = "dataSource";
    private Tracker tracker = Tracker.global();
    private Duration holdThreshold = Duration.ZERO;
    private ConcurrentUse concurrentUse = ConcurrentUse.WARN;
    private boolean allocationSites = true;
    private boolean jmx = true;
    private final List<LifecycleListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * The data source's name, such as {@code "orders"}; shown masked.
     *
     * @throws IllegalArgumentException if {@code name} is blank
     */
    @CanIgnoreReturnValue
    public Builder name(String name) {
      Require.nonNull(name, "name");
      Require.argument(!name.isBlank(), "name must not be blank: \"%s\"", name);
      this.name = name;
      return this;
    }

    /** The tracker that finds dropped connections (kinds {@code jdbc.Connection}, {@code jdbc.Session}). */
    @CanIgnoreReturnValue
    public Builder tracker(Tracker tracker) {
      this.tracker = Require.nonNull(tracker, "tracker");
      return this;
    }

    /**
     * Warns (once per connection, at WARNING and to the listeners as a long hold) about a
     * connection still open after {@code threshold}, like a pool's leak-detection threshold;
     * {@link Duration#ZERO} turns it off. Checked about every 100 ms by one shared daemon thread.
     *
     * @throws IllegalArgumentException if {@code threshold} is negative
     */
    @CanIgnoreReturnValue
    public Builder holdThreshold(Duration threshold) {
      this.holdThreshold = Require.nonNegative(threshold, "hold threshold");
      return this;
    }

    /** What to do when a connection is used from two threads at once. */
    @CanIgnoreReturnValue
    public Builder concurrentUse(ConcurrentUse policy) {
      this.concurrentUse = Require.nonNull(policy, "concurrent use policy");
      return this;
    }

    /**
     * Whether to capture where each connection was opened (up to 12 frames, taken with a {@code
     * StackWalker}); on by default, whatever the tracker's level, so that an exhausted pool names
     * who holds its connections. Costs about a microsecond per connection (see BENCHMARKS.md).
     */
    @CanIgnoreReturnValue
    public Builder allocationSites(boolean capture) {
      this.allocationSites = capture;
      return this;
    }

    /** Whether each data source registers a {@link DataSourceMXBean}; on by default. */
    @CanIgnoreReturnValue
    public Builder jmx(boolean register) {
      this.jmx = register;
      return this;
    }

    /**
     * Adds a listener for the data source's leaks and long holds, and, if it is a {@link
     * JdbcListener}, for unclosed children and concurrent use.
     */
    @CanIgnoreReturnValue
    public Builder listener(LifecycleListener listener) {
      listeners.add(Require.nonNull(listener, "listener"));
      return this;
    }

    /** The options. */
    public JdbcOptions build() {
      return new JdbcOptions(this);
    }
  }
}
