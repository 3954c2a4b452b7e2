package dev.lifecycle.core.health;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.lifecycle.core.health.HealthAlarm.Kind;
import dev.lifecycle.core.health.HealthAlarm.Level;
import dev.lifecycle.core.internal.PeriodicThread;
import dev.lifecycle.core.internal.Require;
import dev.lifecycle.core.internal.UserCode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Samples gauges on a schedule (open file descriptors, heap used after GC, any count of your own)
 * and tells listeners when one crosses a watermark or when its trend will reach the limit within a
 * horizon.
 *
 * <p><b>Watermarks.</b> Usage is value ÷ limit. It raises {@code WARN} at the warn watermark (70 %
 * by default) and {@code CRITICAL} at the critical one (85 %); it falls back only once usage is
 * under the watermark minus the hysteresis (5 points), so a figure that hovers at a watermark
 * raises one alarm, not one per sample.
 *
 * <p><b>Horizons.</b> Each gauge keeps a {@link Trend} of its peak per period (daily peaks over 28
 * days by default). Once that trend has enough points (7) and a line explains it well enough (R² at
 * least 0.5), its time to the limit is compared with the horizons: under 14 days raises {@code
 * WARN}, under 2 days {@code CRITICAL}; the level falls back once the estimate is a quarter above
 * the horizon. A second, raw trend (the last hour) gives the slope per hour shown in JMX.
 *
 * <p><b>Where alarms go.</b> Every alarm is logged to the {@code System.Logger} named {@code
 * dev.lifecycle.health} (WARNING, ERROR when critical, INFO when cleared), committed as the JFR
 * event {@code dev.lifecycle.HealthAlarm}, and given to each {@link HealthListener}. A listener or
 * a gauge's supplier that throws anything ({@link Error}s included) is logged and sampling goes
 * on. A started
 * monitor also registers one {@link HealthGaugeMXBean} per gauge.
 *
 * <p><b>Lifecycle.</b> {@link #start} starts one daemon thread named {@code
 * lifecycle-health-<name>}; {@link #close} stops it and unregisters the MXBeans. A monitor is
 * started at most once; own it with a scope or try-with-resources. A started monitor that is
 * dropped without close does not keep itself alive: once collected, its thread logs the leak,
 * unregisters the MXBeans and ends. It is thread-safe.
 */
public final class HealthMonitor implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.lifecycle.health");
  private static final int NEW = 0;
  private static final int STARTED = 1;
  private static final int CLOSED = 2;
  /** The longest trend window: a century, far past any horizon, and far from overflowing. */
  private static final Duration MAX_WINDOW = Duration.ofDays(36_500);

  private final String name;
  private final List<HealthGauge> gauges;
  private final List<HealthListener> listeners;
  private final Clock clock;
  private final HealthRules rules;
  private final boolean jmx;
  private final PeriodicThread thread;
  private final AtomicInteger state = new AtomicInteger(NEW);
  private final ReentrantLock sampling = new ReentrantLock();
  private final List<ObjectName> registered = new CopyOnWriteArrayList<>();

  private HealthMonitor(Builder builder) {
    this.name = builder.name;
    this.listeners = List.copyOf(builder.listeners);
    this.clock = builder.clock;
    this.rules =
        new HealthRules(name, builder.warn, builder.critical, builder.hysteresis, builder.warnHorizon,
            builder.criticalHorizon, builder.peakPeriod, builder.minTrendPoints, builder.minRSquared);
    this.jmx = builder.jmx;
    List<HealthGauge> list = new ArrayList<>();
    long rawPoints =
        Math.min(
            100_000,
            Require.saturatedNanos(builder.rawWindow) / Require.saturatedNanos(builder.interval) + 2);
    for (GaugeSpec spec : builder.gauges.values()) {
      Trend raw =
          Trend.newBuilder().window(builder.rawWindow).maxPoints((int) Math.max(2, rawPoints)).build();
      Trend peaks =
          Trend.newBuilder()
              .window(builder.peakPeriod.multipliedBy(builder.peakPeriods))
              .peakEvery(builder.peakPeriod)
              .maxPoints(builder.peakPeriods + 2)
              .build();
      list.add(new HealthGauge(name, spec.name, spec.value, spec.limit, raw, peaks));
    }
    this.gauges = List.copyOf(list);
    this.thread =
        new PeriodicThread("lifecycle-health-" + name, builder.interval, onSchedule(this, registered));
  }

  /**
   * A builder of a monitor named {@code name} (used in the thread's name, in alarms and in JMX).
   *
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static Builder newBuilder(String name) {
    Require.nonNull(name, "monitor name");
    Require.argument(
        !name.isBlank(), "monitor name \"%s\" is blank; give a name that says what the process is", name);
    return new Builder(name);
  }

  /** This monitor's name. */
  public String name() {
    return name;
  }

  /** The current figures and estimates of each gauge, in the order they were added. */
  public List<HealthGaugeMXBean> gauges() {
    return List.copyOf(gauges);
  }

  /**
   * Starts sampling on this monitor's thread and registers its MXBeans.
   *
   * @throws IllegalStateException if the monitor was started before or is closed, or an MXBean of
   *     the same name is already registered (give each monitor its own name)
   */
  public void start() {
    if (!state.compareAndSet(NEW, STARTED)) {
      throw new IllegalStateException(
          state.get() == STARTED
              ? "health monitor \"" + name + "\" was already started; start it once"
              : "health monitor \"" + name + "\" is closed; build a new one");
    }
    if (jmx) {
      registerMBeans();
    }
    thread.start();
  }

  /**
   * Samples every gauge once, now, on the calling thread, and reports what changed. The scheduled
   * samples call this; call it yourself for a sample at a moment of your choosing (before
   * {@link #start} too).
   *
   * @throws IllegalStateException if the monitor is closed
   */
  public void sampleNow() {
    Require.state(state.get() != CLOSED, "health monitor \"%s\" is closed; build a new one", name);
    sampling.lock();
    try {
      Instant now = clock.instant();
      for (HealthGauge gauge : gauges) {
        sample(gauge, now);
      }
    } finally {
      sampling.unlock();
    }
  }

  /**
   * Stops the thread and unregisters the MXBeans. Safe to call more than once; later calls do
   * nothing.
   */
  @Override
  public void close() {
    if (state.getAndSet(CLOSED) == CLOSED) {
      return;
    }
    if (!thread.stop(Duration.ofSeconds(5))) {
      LOG.log(
          System.Logger.Level.WARNING,
          "lifecycle: health monitor \"" + name + "\" thread did not stop within 5 s");
    }
    unregisterMBeans();
  }

  @Override
  public String toString() {
    return "HealthMonitor[" + name + ", " + gauges.size() + " gauges]";
  }

  /**
   * The scheduled task. It holds the monitor weakly: a started monitor that is dropped without
   * close is collected, and then its thread logs the leak, unregisters the MXBeans and ends.
   */
  private static BooleanSupplier onSchedule(HealthMonitor monitor, List<ObjectName> registered) {
    WeakReference<HealthMonitor> ref = new WeakReference<>(monitor);
    String name = monitor.name;
    return () -> {
      HealthMonitor live = ref.get();
      if (live == null) {
        LOG.log(
            System.Logger.Level.WARNING,
            "lifecycle: LEAK health monitor \"" + name + "\" was garbage-collected without close();"
                + " its thread stops. Close monitors, or let a scope own them");
        unregister(registered);
        return false;
      }
      if (live.state.get() == STARTED) {
        live.sampleNow();
      }
      return live.state.get() != CLOSED;
    };
  }

  private void sample(HealthGauge gauge, Instant now) {
    long[] read = new long[2];
    Throwable failure =
        UserCode.run(
            () -> {
              read[0] = gauge.value.getAsLong();
              read[1] = gauge.limit.getAsLong();
            });
    if (failure != null) {
      if (!gauge.failing) {
        gauge.failing = true;
        UserCode.failed(
            "gauge \"" + gauge.name + "\" of health monitor \"" + name
                + "\" failed to read; skipping its samples until it reads again",
            failure);
      }
      return;
    }
    long value = read[0];
    long limit = read[1];
    gauge.failing = false;
    if (value < 0) {
      return; // unknown now (a figure this platform cannot read at the moment): skip, never guess
    }
    gauge.raw.add(now, (double) value);
    gauge.peaks.add(now, (double) value);
    Trend.Fit rawFit = gauge.raw.fit();
    Trend.Fit peakFit = gauge.peaks.fit();
    if (limit <= 0) {
      gauge.record(value, limit, rawFit, peakFit, Optional.empty());
      return;
    }
    Optional<Duration> ttl =
        rules.trusted(peakFit, gauge.horizon) ? peakFit.timeToReach((double) limit) : Optional.empty();
    gauge.record(value, limit, rawFit, peakFit, ttl);
    double usage = (double) value / limit;
    Level watermark = rules.watermarkLevel(gauge.watermark, usage);
    if (watermark != gauge.watermark) {
      Level previous = gauge.watermark;
      gauge.watermark = watermark;
      String text =
          rules.watermarkText(gauge.name, previous, watermark, value, limit, usage) + "; "
              + rules.trendText(peakFit, ttl);
      raise(new HealthAlarm(name, gauge.name, Kind.WATERMARK, watermark, previous, value, limit,
          peakFit.slopePerDay(), peakFit.rSquared(), ttl, now, text));
    }
    Level horizon = rules.horizonLevel(gauge.horizon, ttl);
    if (horizon != gauge.horizon) {
      Level previous = gauge.horizon;
      gauge.horizon = horizon;
      String text = rules.horizonText(gauge.name, previous, horizon, value, limit, usage, peakFit, ttl);
      raise(new HealthAlarm(name, gauge.name, Kind.HORIZON, horizon, previous, value, limit,
          peakFit.slopePerDay(), peakFit.rSquared(), ttl, now, text));
    }
  }

  private void raise(HealthAlarm alarm) {
    System.Logger.Level level =
        switch (alarm.level()) {
          case NORMAL -> System.Logger.Level.INFO;
          case WARN -> System.Logger.Level.WARNING;
          case CRITICAL -> System.Logger.Level.ERROR;
        };
    LOG.log(level, "lifecycle: " + alarm.message());
    HealthAlarmEvent.commit(alarm);
    UserCode.fanOut(
        listeners,
        "health alarm " + alarm.gauge() + " " + alarm.level(),
        listener -> listener.onHealthAlarm(alarm));
  }

  private void registerMBeans() {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    for (HealthGauge gauge : gauges) {
      try {
        ObjectName objectName = objectName(gauge);
        server.registerMBean(gauge, objectName);
        registered.add(objectName);
      } catch (JMException e) {
        unregisterMBeans();
        state.set(CLOSED);
        throw new IllegalStateException(
            "cannot register the MXBean of gauge \"" + gauge.name + "\" of health monitor \"" + name
                + "\" (" + e.getMessage() + "); give each monitor its own name, or turn JMX off"
                + " with jmx(false)",
            e);
      }
    }
  }

  private void unregisterMBeans() {
    unregister(registered);
  }

  private static void unregister(List<ObjectName> registered) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    for (ObjectName objectName : registered) {
      try {
        server.unregisterMBean(objectName);
      } catch (JMException e) {
        LOG.log(System.Logger.Level.DEBUG, "lifecycle: " + objectName + " was already gone", e);
      }
    }
    registered.clear();
  }

  private ObjectName objectName(HealthGauge gauge) throws JMException {
    return new ObjectName("dev.lifecycle:type=HealthMonitor,name=" + ObjectName.quote(name)
        + ",gauge=" + ObjectName.quote(gauge.name));
  }

  /** Heap used after the latest collection, summed over the heap's memory pools. */
  static long heapUsedAfterGc() {
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
        MemoryUsage usage = pool.getCollectionUsage();
        if (usage != null) {
          used += usage.getUsed();
        }
      }
    }
    return used;
  }

  private record GaugeSpec(String name, LongSupplier value, LongSupplier limit) {}

  /**
   * Settings of a {@link HealthMonitor}. Every setter checks its input at once; {@link #build}
   * checks that there is something to watch.
   */
  public static final class Builder {
    private final String name;
    private final Map<String, GaugeSpec> gauges = new LinkedHashMap<>();
    private final List<HealthListener> listeners = new ArrayList<>();
    private Duration interval = Duration.ofSeconds(1);
    private Clock clock = Clock.systemUTC();
    private double warn = 0.70;
    private double critical = 0.85;
    private double hysteresis = 0.05;
    private Duration warnHorizon = Duration.ofDays(14);
    private Duration criticalHorizon = Duration.ofDays(2);
    private Duration peakPeriod = Duration.ofDays(1);
    private int peakPeriods = 28;
    private int minTrendPoints = 7;
    private double minRSquared = 0.5;
    private Duration rawWindow = Duration.ofHours(1);
    private boolean jmx = true;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * How often the gauges are sampled (every second by default).
     *
     * @throws IllegalArgumentException if {@code interval} is under a millisecond
     */
    @CanIgnoreReturnValue
    public Builder interval(Duration interval) {
      Require.nonNull(interval, "interval");
      Require.argument(
          Require.saturatedNanos(interval) >= 1_000_000,
          "interval %s is under 1 ms; give an interval such as Duration.ofSeconds(1)",
          interval);
      this.interval = interval;
      return this;
    }

    /**
     * Watches this process's open file descriptors against its limit, as gauge {@code "fd"}.
     *
     * @throws UnsupportedOperationException if {@code fds} cannot read figures on this platform
     */
    @CanIgnoreReturnValue
    public Builder fileDescriptors(FileDescriptors fds) {
      if (!Require.nonNull(fds, "file descriptors").isSupported()) {
        throw new UnsupportedOperationException(
            "file descriptors cannot be counted on this platform (" + System.getProperty("os.name")
                + "); leave fileDescriptors() out where FileDescriptors.system().isSupported() is false");
      }
      return gauge("fd", () -> fds.open().orElse(-1), () -> fds.max().orElse(-1));
    }

    /**
     * Watches the heap used after the latest garbage collection against the maximum heap, as gauge
     * {@code "heap.afterGc"}. It reads 0 until the first collection.
     */
    @CanIgnoreReturnValue
    public Builder heapAfterGc() {
      return gauge("heap.afterGc", HealthMonitor::heapUsedAfterGc, () -> {
        long max = Runtime.getRuntime().maxMemory();
        return max == Long.MAX_VALUE ? -1 : max;
      });
    }

    /**
     * Watches a count of your own against a fixed limit: the tracker's live resources of one kind,
     * a pool's size, a queue's length. A negative value means "unknown now": the sample is skipped.
     * The count is read once, here, to check it against the limit; a supplier that must not run
     * yet can be given with a limit supplier instead.
     *
     * @throws IllegalArgumentException if {@code name} is blank or taken, {@code limit} is not
     *     positive, or the count is already above {@code limit}
     */
    @CanIgnoreReturnValue
    public Builder gauge(String name, LongSupplier value, long limit) {
      Require.nonNull(name, "gauge name");
      Require.nonNull(value, "gauge value");
      Require.argument(
          limit > 0,
          "limit %s of gauge \"%s\" is not positive; give the count it must stay under",
          limit,
          name);
      long now = value.getAsLong();
      Require.argument(
          now <= limit,
          "gauge \"%s\" is at %s, already above its limit %s; give a limit above current usage",
          name,
          now,
          limit);
      return gauge(name, value, () -> limit);
    }

    /**
     * Watches a count of your own against a limit that may change; a limit of 0 or less at a
     * sample means "no limit known": the figures are kept but no alarm is raised.
     *
     * @throws IllegalArgumentException if {@code name} is blank or taken
     */
    @CanIgnoreReturnValue
    public Builder gauge(String name, LongSupplier value, LongSupplier limit) {
      Require.nonNull(name, "gauge name");
      Require.nonNull(value, "gauge value");
      Require.nonNull(limit, "gauge limit");
      Require.argument(!name.isBlank(), "gauge name \"%s\" is blank; name what it counts", name);
      Require.argument(
          !gauges.containsKey(name),
          "gauge \"%s\" was already added to health monitor \"%s\"; give each gauge its own name",
          name,
          this.name);
      gauges.put(name, new GaugeSpec(name, value, limit));
      return this;
    }

    /**
     * The usage (value ÷ limit) at which {@code WARN} and {@code CRITICAL} are raised; 0.70 and
     * 0.85 by default.
     *
     * @throws IllegalArgumentException unless 0 &lt; warn &lt; critical ≤ 1
     */
    @CanIgnoreReturnValue
    public Builder watermarks(double warn, double critical) {
      Require.argument(
          warn > 0 && warn < critical && critical <= 1,
          "watermarks warn %s and critical %s must satisfy 0 < warn < critical <= 1, e.g. 0.70 and 0.85",
          warn,
          critical);
      this.warn = warn;
      this.critical = critical;
      return this;
    }

    /**
     * How far under a watermark usage must fall before its level drops (0.05 by default).
     *
     * @throws IllegalArgumentException if {@code hysteresis} is negative or not under 1
     */
    @CanIgnoreReturnValue
    public Builder hysteresis(double hysteresis) {
      Require.argument(
          hysteresis >= 0 && hysteresis < 1,
          "hysteresis %s is not in [0, 1); give a fraction of the limit, e.g. 0.05",
          hysteresis);
      this.hysteresis = hysteresis;
      return this;
    }

    /**
     * The times to the limit under which {@code WARN} and {@code CRITICAL} are raised; 14 days and
     * 2 days by default.
     *
     * @throws IllegalArgumentException unless 0 &lt; critical &lt; warn
     */
    @CanIgnoreReturnValue
    public Builder horizons(Duration warn, Duration critical) {
      Require.nonNull(warn, "warn horizon");
      Require.nonNull(critical, "critical horizon");
      Require.argument(
          !critical.isNegative() && !critical.isZero() && critical.compareTo(warn) < 0,
          "horizons warn %s and critical %s must satisfy 0 < critical < warn, e.g. 14 days and 2 days",
          warn,
          critical);
      this.warnHorizon = warn;
      this.criticalHorizon = critical;
      return this;
    }

    /**
     * The peak trend: the highest sample of each {@code period}, over the last {@code periods}
     * periods (one day and 28 by default).
     *
     * @throws IllegalArgumentException if {@code period} is under a millisecond or {@code periods}
     *     is below 2
     */
    @CanIgnoreReturnValue
    public Builder peakTrend(Duration period, int periods) {
      Require.nonNull(period, "peak period");
      Require.argument(
          Require.saturatedNanos(period) >= 1_000_000 && periods >= 2,
          "peak trend of %s periods of %s is too short; give at least 2 periods of at least 1 ms,"
              + " e.g. 28 days of daily peaks",
          periods,
          period);
      Require.argument(
          Require.saturatedMillis(period) <= MAX_WINDOW.toMillis() / periods,
          "peak trend of %s periods of %s is longer than %s; give a window of at most 100 years,"
              + " e.g. 28 days of daily peaks",
          periods,
          period,
          MAX_WINDOW);
      this.peakPeriod = period;
      this.peakPeriods = periods;
      return this;
    }

    /**
     * When the peak trend is trusted for horizons: at least {@code minPoints} points (7 by default)
     * and at least {@code minRSquared} R² (0.5 by default).
     *
     * @throws IllegalArgumentException if {@code minPoints} is below 2 or {@code minRSquared} is
     *     not in [0, 1]
     */
    @CanIgnoreReturnValue
    public Builder trustTrendFrom(int minPoints, double minRSquared) {
      Require.argument(
          minPoints >= 2 && minRSquared >= 0 && minRSquared <= 1,
          "trend trust of %s points and R² %s is out of range; give at least 2 points and an R² in"
              + " [0, 1], e.g. 7 and 0.5",
          minPoints,
          minRSquared);
      this.minTrendPoints = minPoints;
      this.minRSquared = minRSquared;
      return this;
    }

    /**
     * The window of the raw trend whose slope per hour JMX shows (one hour by default).
     *
     * @throws IllegalArgumentException if {@code window} is zero or negative
     */
    @CanIgnoreReturnValue
    public Builder rawWindow(Duration window) {
      Require.nonNull(window, "raw window");
      Require.argument(
          !window.isNegative() && !window.isZero(),
          "raw window %s is not positive; give a window such as Duration.ofHours(1)",
          window);
      Require.argument(
          window.compareTo(MAX_WINDOW) <= 0,
          "raw window %s is longer than %s; give a window such as Duration.ofHours(1)",
          window,
          MAX_WINDOW);
      this.rawWindow = window;
      return this;
    }

    /** Adds a listener; alarms go to every listener in the order added. */
    @CanIgnoreReturnValue
    public Builder listener(HealthListener listener) {
      listeners.add(Require.nonNull(listener, "listener"));
      return this;
    }

    /** The clock that stamps samples (the system's UTC clock by default; replays use their own). */
    @CanIgnoreReturnValue
    public Builder clock(Clock clock) {
      this.clock = Require.nonNull(clock, "clock");
      return this;
    }

    /** Whether {@link HealthMonitor#start} registers the gauges' MXBeans (true by default). */
    @CanIgnoreReturnValue
    public Builder jmx(boolean jmx) {
      this.jmx = jmx;
      return this;
    }

    /**
     * A new monitor, not started yet.
     *
     * @throws IllegalStateException if no gauge was added
     * @throws IllegalArgumentException if the raw window is shorter than the interval
     */
    public HealthMonitor build() {
      Require.state(
          !gauges.isEmpty(),
          "health monitor \"%s\" has no gauges; add fileDescriptors(...), heapAfterGc() or gauge(...)",
          name);
      Require.argument(
          rawWindow.compareTo(interval) >= 0,
          "raw window %s is shorter than the interval %s; give a window of several samples",
          rawWindow,
          interval);
      return new HealthMonitor(this);
    }
  }
}
