package dev.lifecycle.core;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.lifecycle.core.internal.UserCode;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import javax.management.JMException;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.jspecify.annotations.Nullable;

/**
 * Tracks resources, finds the ones dropped without close, and keeps the live inventory.
 *
 * <p>Each wrapper registers with a {@link ResourceKind} of a tracker when it is created and tells
 * its {@link Tracked} handle when it is closed. When a wrapper is garbage-collected while still
 * open, the tracker's own thread ({@code lifecycle-cleaner-<name>}) reports a {@link LeakReport}
 * to the {@linkplain #addListener listeners} and then, by the {@link ReclaimPolicy}, hands the raw
 * resource's close to the tracker's reclaim threads ({@code lifecycle-reclaim-<name>-<n>}, at most
 * two, with at most 256 closes waiting), so that a close
 * that blocks, even forever, never delays detection. Reports are de-duplicated per allocation site
 * and rate-limited; a site whose leaks were suppressed gets one more report, counting them, once
 * its interval is over.
 *
 * <p>User code cannot stop detection: a listener or a raw resource's close that throws anything,
 * an {@link Error} included, is logged once and the tracker goes on. Ages and times are kept in
 * milliseconds that never wrap (handles keep the low 31 bits, so ages are right up to 24.8 days).
 *
 * <p>Most code uses {@link #global()}, configured by system properties (see {@link
 * Builder#configure(Properties)}). Other trackers, built with {@link #newBuilder()}, must be closed.
 *
 * <p>Thread-safe. Tracking takes no global lock: threads are spread over striped lists.
 */
public final class Tracker implements AutoCloseable {
  static final Logger LOGGER = System.getLogger("dev.lifecycle");

  /** How often the tracker's clock advances, in milliseconds; the precision of ages. */
  static final int TICK_MILLIS = 10;

  /** The kind of every {@link Scope}. */
  static final String SCOPE_KIND = "lifecycle.Scope";

  final DetectionLevel level;
  final int samplingInterval;
  final ReclaimPolicy reclaimPolicy;
  final int maxAccessRecords;
  final ReferenceQueue<Object> queue = new ReferenceQueue<>();

  private final String name;
  private final boolean global;
  private final long scanIntervalMillis;
  private final Stripe[] stripes;
  private final ConcurrentHashMap<String, ResourceKind> kinds = new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<LifecycleListener> listeners;
  private final ReportGate gate;
  private final LongSupplier nanoTime;
  private final long startNanos;
  private final long startWallMillis = System.currentTimeMillis();
  private final ThreadPoolExecutor reclaimer;
  private final Object cleanerLock = new Object();
  private volatile @Nullable Thread cleaner;

  /** Milliseconds since the tracker started, advanced every {@link #TICK_MILLIS}; never wraps. */
  private volatile long now;
  private volatile long minHoldThreshold;
  private volatile boolean closed;
  private int kindCount;

  private Tracker(Builder builder, boolean global) {
    this.level = builder.level;
    this.samplingInterval = builder.samplingInterval;
    this.reclaimPolicy = builder.reclaimPolicy;
    this.maxAccessRecords = builder.maxAccessRecords;
    this.name = builder.name;
    this.global = global;
    this.scanIntervalMillis = builder.scanInterval.toMillis();
    this.nanoTime = builder.nanoTime;
    this.startNanos = nanoTime.getAsLong();
    this.listeners = new CopyOnWriteArrayList<>(builder.listeners);
    this.gate = new ReportGate(builder.siteReportInterval.toMillis(), builder.maxReportsPerMinute);
    int count = Integer.highestOneBit(Math.max(8, Runtime.getRuntime().availableProcessors() * 4) - 1) << 1;
    this.stripes = new Stripe[count];
    for (int i = 0; i < count; i++) {
      stripes[i] = new Stripe();
    }
    this.reclaimer = newReclaimer(name);
    if (level != DetectionLevel.OFF) {
      startCleaner();
    }
  }

  /**
   * The threads that close leaked raw resources, so that a close that blocks never delays a
   * report: daemon threads {@code lifecycle-reclaim-<name>-<n>}, at most {@link #RECLAIM_THREADS},
   * gone when idle, and at most {@link #RECLAIM_QUEUE} closes waiting; beyond that a reclaim is
   * skipped and its report says so.
   */
  private static ThreadPoolExecutor newReclaimer(String name) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        task -> {
          Thread thread = new Thread(task, "lifecycle-reclaim-" + name + "-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            RECLAIM_THREADS,
            RECLAIM_THREADS,
            10,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(RECLAIM_QUEUE),
            factory,
            new ThreadPoolExecutor.AbortPolicy());
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  /** Starts the cleaner thread once: at build, or at level OFF when an accounting kind appears. */
  private void startCleaner() {
    synchronized (cleanerLock) {
      if (cleaner != null || closed) {
        return;
      }
      Thread thread = new Thread(this::runCleaner, "lifecycle-cleaner-" + name);
      thread.setDaemon(true);
      cleaner = thread;
      thread.start();
    }
  }

  /**
   * The process-wide tracker, configured by the {@code lifecycle.leakDetection.*} system properties
   * at first use, with the default listeners ({@code System.Logger} and JFR) and its MXBean
   * registered as {@code dev.lifecycle:type=Tracker,name=global}. A bad property value is logged
   * and the default used instead.
   */
  public static Tracker global() {
    return Global.TRACKER;
  }

  /** A builder for a tracker of your own, with the defaults and no listener. */
  public static Builder newBuilder() {
    return new Builder();
  }

  private static final class Global {
    static final Tracker TRACKER = create();

    private static Tracker create() {
      Builder builder = newBuilder().name("global").defaultListeners();
      try {
        builder.configure(System.getProperties());
      } catch (IllegalArgumentException e) {
        LOGGER.log(Level.WARNING, e.getMessage() + "; leak detection uses its defaults");
        builder = newBuilder().name("global").defaultListeners();
      }
      Tracker tracker = new Tracker(builder, true);
      tracker.registerMXBean();
      return tracker;
    }
  }

  private void registerMXBean() {
    try {
      ManagementFactory.getPlatformMBeanServer()
          .registerMBean(
              new StandardMBean(mxBean(), LifecycleMXBean.class, true),
              new ObjectName("dev.lifecycle:type=Tracker,name=" + ObjectName.quote(name)));
    } catch (JMException | RuntimeException e) {
      LOGGER.log(Level.WARNING, "cannot register the lifecycle MXBean; the inventory is still available through Tracker", e);
    }
  }

  /**
   * The kind named {@code name}, created on first use. Keep it in a static field: the lookup costs
   * more than tracking.
   *
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public ResourceKind kind(String name) {
    Objects.requireNonNull(name, "kind name must not be null");
    ResourceKind kind = kinds.get(name);
    if (kind != null) {
      return kind;
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("kind name must not be blank: \"" + name + "\"");
    }
    synchronized (kinds) {
      return kinds.computeIfAbsent(name, n -> new ResourceKind(this, n, kindCount++));
    }
  }

  /** Every kind used so far, in no particular order. */
  public List<ResourceKind> kinds() {
    return List.copyOf(kinds.values());
  }

  /**
   * Shorthand for {@code kind(kind).track(wrapper, raw)}; the arguments come in the order of {@link
   * ResourceKind#track(Object, AutoCloseable, String)}.
   */
  public Tracked track(Object wrapper, AutoCloseable raw, String kind) {
    return kind(kind).track(wrapper, raw);
  }

  /**
   * The kind named {@code name}, marked as an accounting kind: its resources hold a count (a
   * permit, a lease, a file-descriptor reservation) that must come back, so a dropped one is
   * always reclaimed, under {@link ReclaimPolicy#REPORT_ONLY} too, and is tracked even at {@link
   * DetectionLevel#OFF} (without stacks, and without reports: leaks are counted and reclaimed).
   */
  ResourceKind accountingKind(String name) {
    ResourceKind kind = kind(name);
    kind.markAccounting();
    if (level == DetectionLevel.OFF) {
      startCleaner();
    }
    return kind;
  }

  /** Adds a listener; it receives events from now on. Adding one twice delivers twice. */
  public void addListener(LifecycleListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
  }

  /** Removes one registration of {@code listener}; returns whether there was one. */
  @CanIgnoreReturnValue
  public boolean removeListener(LifecycleListener listener) {
    return listeners.remove(listener);
  }

  /** How much this tracker records; fixed when it is built. */
  public DetectionLevel level() {
    return level;
  }

  /** At {@code SAMPLED}, one allocation stack in this many (on average) is captured. */
  public int samplingInterval() {
    return samplingInterval;
  }

  /** What this tracker does with the raw resource of a leaked wrapper. */
  public ReclaimPolicy reclaimPolicy() {
    return reclaimPolicy;
  }

  /** How many tracked resources are open now, of every kind. */
  public long liveCount() {
    long total = 0;
    for (ResourceKind kind : kinds.values()) {
      total += liveCount(kind.index);
    }
    return total;
  }

  /** How many leaks were found since the tracker started, of every kind. */
  public long leakCount() {
    long total = 0;
    for (ResourceKind kind : kinds.values()) {
      total += kind.leakCount();
    }
    return total;
  }

  /** How many leak reports were suppressed (de-duplicated or over the rate limit). */
  public long suppressedReportCount() {
    return gate.suppressedTotal();
  }

  /**
   * Every open tracked resource with its owner, age, thread and (at {@code FULL} and above, or when
   * sampled) allocation site, oldest first. Costs a walk of the inventory and a stack per captured
   * site: meant for people and diagnostics, not for a hot path.
   */
  public Snapshot snapshot() {
    List<Handle> handles = new ArrayList<>();
    for (Stripe stripe : stripes) {
      stripe.addAllTo(handles);
    }
    int now = tick();
    List<LiveResource> live = new ArrayList<>(handles.size());
    for (Handle handle : handles) {
      LiveResource resource = handle.describe(now);
      if (resource != null) {
        live.add(resource);
      }
    }
    live.sort(Comparator.comparing(LiveResource::age).reversed());
    return new Snapshot(instantOf(now), live);
  }

  /** The MXBean view of this tracker's inventory; {@link #global()} registers its own. */
  public LifecycleMXBean mxBean() {
    return new TrackerMXBean(this);
  }

  /**
   * Stops the tracker's thread: leaks found after this are not reported. Resources it tracks stay
   * usable. Idempotent.
   *
   * @throws UnsupportedOperationException on {@link #global()}, which lives as long as the process
   */
  @Override
  public void close() {
    if (global) {
      throw new UnsupportedOperationException(
          "the global tracker lives as long as the process and cannot be closed; close only trackers"
              + " built with Tracker.newBuilder()");
    }
    Thread thread;
    synchronized (cleanerLock) {
      closed = true;
      thread = cleaner;
    }
    try {
      if (thread != null && thread != Thread.currentThread()) {
        thread.interrupt();
        thread.join(TimeUnitMillis.JOIN);
      }
      reclaimer.shutdown();
      if (!reclaimer.awaitTermination(TimeUnitMillis.RECLAIM_DRAIN, TimeUnit.MILLISECONDS)) {
        reclaimer.shutdownNow(); // interrupts closes that block; a close deaf to that keeps its daemon thread
      }
    } catch (InterruptedException e) {
      reclaimer.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "Tracker[" + name + ", " + level + "]";
  }

  // ---- for the other classes of this package -------------------------------------------------

  /** Reclaim threads per tracker. */
  static final int RECLAIM_THREADS = 2;

  /** Reclaims waiting for a reclaim thread, at most. */
  static final int RECLAIM_QUEUE = 256;

  /** Milliseconds since the tracker started, never wrapping. */
  long nowMillis() {
    return now;
  }

  /**
   * {@link #nowMillis()} modulo 2^31, as handles keep it to stay small: compare ticks only through
   * differences masked with {@link Handle#TICK_MASK}, which are right for ages under 24.8 days.
   */
  int tick() {
    return (int) now & Handle.TICK_MASK;
  }

  /** The instant of {@code tick}, taken as the latest time with that tick not after now. */
  Instant instantOf(int tick) {
    long current = now;
    int back = ((int) current - tick) & Handle.TICK_MASK;
    return Instant.ofEpochMilli(startWallMillis + current - back);
  }

  Duration durationOf(int ticks) {
    return Duration.ofMillis(ticks);
  }

  Stripe stripeFor(Thread thread) {
    @SuppressWarnings("deprecation") // Thread.threadId() is Java 19+; this library runs on 17
    long id = thread.getId();
    int hash = (int) ((id * 0x9E3779B97F4A7C15L) >>> 32);
    return stripes[hash & (stripes.length - 1)];
  }

  long liveCount(int kind) {
    long total = 0;
    for (Stripe stripe : stripes) {
      total += stripe.live(kind);
    }
    return total;
  }

  Optional<Duration> oldestAge(int kind) {
    int now = tick();
    int oldest = -1;
    for (Stripe stripe : stripes) {
      oldest = Math.max(oldest, stripe.oldestAge(kind, now));
    }
    return oldest < 0 ? Optional.empty() : Optional.of(durationOf(oldest));
  }

  void holdThresholdChanged() {
    long min = 0;
    for (ResourceKind kind : kinds.values()) {
      long threshold = kind.holdThresholdTicks();
      if (threshold > 0 && (min == 0 || threshold < min)) {
        min = threshold;
      }
    }
    minHoldThreshold = min;
  }

  // ---- the cleaner thread ---------------------------------------------------------------------

  private void runCleaner() {
    long lastScan = 0;
    while (!closed) {
      try {
        Reference<?> enqueued = queue.remove(TICK_MILLIS);
        advanceClock();
        while (enqueued != null) {
          leaked((Handle) enqueued);
          enqueued = queue.poll();
        }
        long current = now;
        for (LeakReport late : gate.due(current)) {
          UserCode.fanOut(listeners, "a leak report", listener -> listener.onLeak(late));
        }
        long threshold = minHoldThreshold;
        if (threshold > 0 && current - lastScan >= Math.min(scanIntervalMillis, threshold)) {
          lastScan = current;
          scanLongHolds((int) Math.min(threshold, Handle.TICK_MASK));
        }
      } catch (InterruptedException e) {
        // close() interrupts; otherwise keep going
      } catch (Throwable t) { // the detection thread must survive anything, an Error included
        UserCode.failed("lifecycle leak detection failed on one event; it keeps running", t);
      }
    }
  }

  private void advanceClock() {
    now = Math.max(now, (nanoTime.getAsLong() - startNanos) / 1_000_000);
  }

  private void leaked(Handle handle) {
    AutoCloseable raw = handle.markLeaked();
    if (raw == null) {
      return; // closed after all
    }
    Context context = handle.context();
    ResourceKind kind = context.kind;
    kind.countLeak();
    @Nullable String failure = null;
    boolean reclaimed = false;
    if (reclaimPolicy == ReclaimPolicy.CLOSE_AND_REPORT || kind.isAccounting()) {
      failure = reclaim(handle.id(), raw);
      reclaimed = failure == null;
    }
    if (level == DetectionLevel.OFF) {
      return; // an accounting kind at OFF: reclaimed and counted, not reported
    }
    List<StackTraceElement> site = Texts.stackOf(context.site, context.wrapperClass);
    String siteKey = siteKey(kind.name(), site);
    long suppressed = gate.admit(siteKey, now);
    LeakReport report =
        report(handle, context, raw, site, reclaimed, failure, Math.max(0, suppressed));
    if (suppressed < 0) {
      gate.hold(siteKey, report);
      return;
    }
    UserCode.fanOut(listeners, "a leak report", listener -> listener.onLeak(report));
  }

  /**
   * Hands the close of a leaked raw resource to the reclaim threads; returns {@code null}, or why
   * it was skipped. A failing close is logged, naming the resource.
   */
  private @Nullable String reclaim(String id, AutoCloseable raw) {
    try {
      reclaimer.execute(
          () -> {
            Throwable failure = UserCode.close(raw);
            if (failure != null) {
              UserCode.failed("reclaiming leaked " + id + " failed", failure);
            }
          });
      return null;
    } catch (RejectedExecutionException e) {
      return "reclaim skipped: "
          + (reclaimer.isShutdown()
              ? "the tracker is closed"
              : "its "
                  + RECLAIM_THREADS
                  + " reclaim threads are busy and "
                  + RECLAIM_QUEUE
                  + " closes wait already (does a close() block?)")
          + "; the raw resource stays open";
    }
  }

  private LeakReport report(
      Handle handle,
      Context context,
      AutoCloseable raw,
      List<StackTraceElement> site,
      boolean reclaimed,
      @Nullable String failure,
      long suppressed) {
    int now = tick();
    return
        new LeakReport(
            context.kind.name(),
            handle.id(),
            Texts.maskOrNull(Handle.description(context, raw)),
            Texts.maskOrNull(context.owner),
            instantOf(handle.created),
            durationOf(handle.ageTicks(now)),
            context.thread,
            site,
            context.access == null ? List.of() : context.access.describe(),
            reclaimed,
            failure,
            suppressed);
  }

  private static String siteKey(String kind, List<StackTraceElement> site) {
    StringBuilder key = new StringBuilder(kind);
    if (site.isEmpty()) {
      return key.append("|unsampled").toString();
    }
    for (int i = 0; i < Math.min(4, site.size()); i++) {
      key.append('|').append(site.get(i));
    }
    return key.toString();
  }

  private void scanLongHolds(int minThreshold) {
    List<Handle> held = new ArrayList<>();
    int now = tick();
    for (Stripe stripe : stripes) {
      stripe.collectLongHolds(now, minThreshold, held);
    }
    for (Handle handle : held) {
      LiveResource resource = handle.describe(now);
      if (resource == null) {
        continue;
      }
      ResourceKind kind = handle.context().kind;
      kind.countLongHold();
      if (gate.admit("hold|" + siteKey(kind.name(), resource.allocationSite()), this.now) < 0) {
        continue;
      }
      LongHoldReport report = new LongHoldReport(resource, kind.holdThreshold());
      UserCode.fanOut(listeners, "a long hold", listener -> listener.onLongHold(report));
    }
  }

  private static final class TimeUnitMillis {
    static final long JOIN = 5_000;
    static final long RECLAIM_DRAIN = 1_000;
  }

  /**
   * Configures a {@link Tracker}. Not thread-safe; each setter returns this builder.
   *
   * <p>Defaults: level {@code SAMPLED}, sampling interval 256, {@code CLOSE_AND_REPORT}, 8 access
   * records, one report per allocation site per minute, at most 60 reports a minute, long holds
   * checked every second, no listener.
   */
  public static final class Builder {
    /** System property: {@code OFF}, {@code SAMPLED}, {@code FULL} or {@code PARANOID}. */
    public static final String LEVEL = "lifecycle.leakDetection.level";

    /** System property: one allocation stack in N at {@code SAMPLED}; N ≥ 1. */
    public static final String SAMPLING_INTERVAL = "lifecycle.leakDetection.samplingInterval";

    /** System property: {@code REPORT_ONLY} or {@code CLOSE_AND_REPORT}. */
    public static final String RECLAIM = "lifecycle.leakDetection.reclaim";

    /** System property: access records kept per resource at {@code PARANOID}; ≥ 0. */
    public static final String MAX_ACCESS_RECORDS = "lifecycle.leakDetection.maxAccessRecords";

    /** System property: leak reports per minute at most, of every site together; ≥ 1. */
    public static final String MAX_REPORTS_PER_MINUTE = "lifecycle.leakDetection.maxReportsPerMinute";

    private String name = "tracker";
    private DetectionLevel level = DetectionLevel.SAMPLED;
    private int samplingInterval = 256;
    private ReclaimPolicy reclaimPolicy = ReclaimPolicy.CLOSE_AND_REPORT;
    private int maxAccessRecords = 8;
    private Duration siteReportInterval = Duration.ofMinutes(1);
    private int maxReportsPerMinute = 60;
    private Duration scanInterval = Duration.ofSeconds(1);
    private final List<LifecycleListener> listeners = new ArrayList<>();
    private LongSupplier nanoTime = System::nanoTime;

    private Builder() {}

    /** The clock the tracker reads, {@code System.nanoTime} but in tests. */
    @CanIgnoreReturnValue
    Builder nanoTime(LongSupplier clock) {
      this.nanoTime = Objects.requireNonNull(clock, "clock must not be null");
      return this;
    }

    /** Names the tracker's thread and MXBean. */
    @CanIgnoreReturnValue
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name must not be null");
      return this;
    }

    /** How much the tracker records; {@code SAMPLED} by default. */
    @CanIgnoreReturnValue
    public Builder level(DetectionLevel level) {
      this.level = Objects.requireNonNull(level, "level must not be null");
      return this;
    }

    /**
     * At {@code SAMPLED}, captures the allocation stack of one resource in {@code n} on average.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    @CanIgnoreReturnValue
    public Builder samplingInterval(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("sampling interval must be at least 1: " + n);
      }
      this.samplingInterval = n;
      return this;
    }

    /** What the tracker does with a leaked wrapper's raw resource; {@code CLOSE_AND_REPORT} by default. */
    @CanIgnoreReturnValue
    public Builder reclaimPolicy(ReclaimPolicy policy) {
      this.reclaimPolicy = Objects.requireNonNull(policy, "reclaim policy must not be null");
      return this;
    }

    /**
     * Keeps the last {@code n} {@code touch} records per resource at {@code PARANOID}.
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    @CanIgnoreReturnValue
    public Builder maxAccessRecords(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("max access records must not be negative: " + n);
      }
      this.maxAccessRecords = n;
      return this;
    }

    /**
     * Reports at most one leak per allocation site per {@code interval}; the next report of that
     * site counts the ones suppressed in between.
     *
     * @throws IllegalArgumentException if {@code interval} is negative
     */
    @CanIgnoreReturnValue
    public Builder siteReportInterval(Duration interval) {
      if (interval.isNegative()) {
        throw new IllegalArgumentException("site report interval must not be negative: " + interval);
      }
      this.siteReportInterval = interval;
      return this;
    }

    /**
     * Reports at most {@code n} leaks a minute, all sites together.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    @CanIgnoreReturnValue
    public Builder maxReportsPerMinute(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("max reports per minute must be at least 1: " + n);
      }
      this.maxReportsPerMinute = n;
      return this;
    }

    /**
     * Checks for resources held longer than their kind's threshold this often (and at least as often
     * as the smallest threshold).
     *
     * @throws IllegalArgumentException if {@code interval} is not positive
     */
    @CanIgnoreReturnValue
    public Builder scanInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("scan interval must be positive: " + interval);
      }
      this.scanInterval = interval;
      return this;
    }

    /** Adds a listener; see {@link Tracker#addListener(LifecycleListener)}. */
    @CanIgnoreReturnValue
    public Builder listener(LifecycleListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
      return this;
    }

    /**
     * Adds the listeners that need no dependency: {@code System.Logger} {@code dev.lifecycle}
     * (WARNING, with the allocation stack) and JFR events {@code dev.lifecycle.Leak} and {@code
     * dev.lifecycle.LongHold}.
     */
    @CanIgnoreReturnValue
    public Builder defaultListeners() {
      listeners.add(new LoggingListener());
      listeners.add(new JfrListener());
      return this;
    }

    /**
     * Reads the {@code lifecycle.leakDetection.*} properties present in {@code properties}
     * ({@link #LEVEL}, {@link #SAMPLING_INTERVAL}, {@link #RECLAIM}, {@link #MAX_ACCESS_RECORDS},
     * {@link #MAX_REPORTS_PER_MINUTE}); absent ones keep their current value.
     *
     * @throws IllegalArgumentException naming the property and its value if a value is invalid
     */
    @CanIgnoreReturnValue
    public Builder configure(Properties properties) {
      String value = properties.getProperty(LEVEL);
      if (value != null) {
        level = parseEnum(DetectionLevel.class, LEVEL, value);
      }
      value = properties.getProperty(RECLAIM);
      if (value != null) {
        reclaimPolicy = parseEnum(ReclaimPolicy.class, RECLAIM, value);
      }
      value = properties.getProperty(SAMPLING_INTERVAL);
      if (value != null) {
        samplingInterval(parseInt(SAMPLING_INTERVAL, value, 1));
      }
      value = properties.getProperty(MAX_ACCESS_RECORDS);
      if (value != null) {
        maxAccessRecords(parseInt(MAX_ACCESS_RECORDS, value, 0));
      }
      value = properties.getProperty(MAX_REPORTS_PER_MINUTE);
      if (value != null) {
        maxReportsPerMinute(parseInt(MAX_REPORTS_PER_MINUTE, value, 1));
      }
      return this;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String property, String value) {
      try {
        return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "system property "
                + property
                + " is \""
                + value
                + "\"; expected one of "
                + java.util.Arrays.toString(type.getEnumConstants()),
            e);
      }
    }

    private static int parseInt(String property, String value, int min) {
      int parsed;
      try {
        parsed = Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "system property " + property + " is \"" + value + "\"; expected a whole number", e);
      }
      if (parsed < min) {
        throw new IllegalArgumentException(
            "system property " + property + " is " + parsed + "; expected at least " + min);
      }
      return parsed;
    }

    /** A new tracker, started; close it when done. */
    public Tracker build() {
      return new Tracker(this, false);
    }
  }
}
