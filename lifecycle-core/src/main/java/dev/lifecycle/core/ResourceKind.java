package dev.lifecycle.core;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * A kind of tracked resource ({@code jdbc.Connection}, {@code netty.Channel}): tracks resources of
 * that kind and counts them. Get one from {@link Tracker#kind(String)} and keep it in a static
 * field.
 *
 * <p>Thread-safe.
 */
public final class ResourceKind {
  final Tracker tracker;
  private final String name;
  final int index;
  private final ThreadLocal<Context> perThread;
  private volatile long holdThresholdTicks;
  private final LongAdder leaks = new LongAdder();
  private final LongAdder longHolds = new LongAdder();
  private final AtomicInteger freeSamples = new AtomicInteger(FIRST_SAMPLES);
  private volatile int sampleWindow;
  private volatile boolean accounting;

  /**
   * At {@code SAMPLED}, the first this many resources of a kind in each window of about a minute
   * get their allocation stack whatever the sampling interval, so that a rare resource's leak says
   * where it was opened.
   */
  static final int FIRST_SAMPLES = 4;

  ResourceKind(Tracker tracker, String name, int index) {
    this.tracker = tracker;
    this.name = name;
    this.index = index;
    this.perThread = ThreadLocal.withInitial(() -> Context.forCurrentThread(this));
  }

  /** The kind's name, as reports show it. */
  public String name() {
    return name;
  }

  /** The tracker this kind belongs to. */
  public Tracker tracker() {
    return tracker;
  }

  /**
   * Starts tracking {@code wrapper}, which owns {@code raw}; see {@link #track(Object,
   * AutoCloseable, String)}.
   */
  public Tracked track(Object wrapper, AutoCloseable raw) {
    return track(wrapper, raw, null);
  }

  /**
   * Starts tracking {@code wrapper}, the object handed to users, which owns {@code raw}, the
   * resource that must be released. Call it from the wrapper's constructor and keep the result in a
   * field; call {@link Tracked#close()} from the wrapper's {@code close()}.
   *
   * <p>If the wrapper becomes unreachable while open, the tracker reports a {@link LeakReport} and,
   * by its {@link ReclaimPolicy}, closes {@code raw}. {@code raw} (and whatever it references) must
   * therefore not reference the wrapper, or the wrapper can never be collected.
   *
   * @param description what the resource is connected to (a URL, a path), shown in reports after
   *     credentials are masked; or {@code null}
   * @throws NullPointerException if {@code wrapper} or {@code raw} is null
   * @throws IllegalArgumentException if {@code raw} is {@code wrapper}
   */
  @SuppressWarnings("ReferenceEquality") // raw == wrapper: the very same object is the mistake
  public Tracked track(Object wrapper, AutoCloseable raw, @Nullable String description) {
    Objects.requireNonNull(wrapper, "wrapper must not be null");
    Objects.requireNonNull(raw, "raw resource must not be null; pass () -> {} if nothing must be released");
    if (raw == wrapper) {
      throw new IllegalArgumentException(
          "the raw resource of a "
              + name
              + " must not be its wrapper, or the wrapper can never be collected; pass the"
              + " resource the wrapper owns");
    }
    DetectionLevel level = tracker.level;
    if (level == DetectionLevel.OFF) {
      if (!accounting) {
        return new OffHandle(this);
      }
      Context shared = perThread.get();
      Context context = description == null ? shared : shared.with(description, null, null, null);
      return new Handle(wrapper, raw, context, tracker.tick());
    }
    Context context = perThread.get();
    Attribution attribution = Attribution.current(); // one volatile read when none is open
    if (level != DetectionLevel.SAMPLED || attribution != null) {
      context = derive(context, level, description, wrapper, true);
    } else if (--context.countdown <= 0) {
      context.countdown = Context.nextCountdown(tracker.samplingInterval);
      context = derive(context, level, description, wrapper, true);
    } else if (takeFirstSample()) {
      context = derive(context, level, description, wrapper, true);
    } else if (description != null) {
      context = derive(context, level, description, wrapper, false);
    }
    Handle handle = new Handle(wrapper, raw, context, tracker.tick());
    if (attribution != null) {
      attribution.record(handle);
    }
    return handle;
  }

  /** Whether this resource is one of the kind's first few of the current window (SAMPLED). */
  private boolean takeFirstSample() {
    int window = tracker.tick() >>> 16; // about 65 s
    if (window != sampleWindow) {
      sampleWindow = window;
      freeSamples.set(FIRST_SAMPLES);
    }
    return freeSamples.get() > 0 && freeSamples.getAndDecrement() > 0;
  }

  private Context derive(
      Context shared,
      DetectionLevel level,
      @Nullable String description,
      Object wrapper,
      boolean capture) {
    Throwable site = capture ? new Throwable("opened here") : null;
    AccessLog access =
        level == DetectionLevel.PARANOID ? new AccessLog(tracker.maxAccessRecords) : null;
    return shared.with(description, site, access, capture ? wrapper.getClass().getName() : null);
  }

  /** Marks this kind as one whose dropped resources are always reclaimed; see {@link Tracker#accountingKind}. */
  void markAccounting() {
    accounting = true;
  }

  boolean isAccounting() {
    return accounting;
  }

  /**
   * Sets how long a resource of this kind may stay open before a {@link LongHoldReport} warns about
   * it (once per resource); {@link Duration#ZERO} turns the warning off, the default. The tracker
   * checks at its scan interval (one second by default).
   *
   * @return this kind
   * @throws IllegalArgumentException if {@code threshold} is negative
   */
  @CanIgnoreReturnValue
  public ResourceKind holdThreshold(Duration threshold) {
    Objects.requireNonNull(threshold, "threshold must not be null");
    if (threshold.isNegative()) {
      throw new IllegalArgumentException(
          "hold threshold must not be negative: " + threshold + "; use Duration.ZERO to turn it off");
    }
    holdThresholdTicks = threshold.toMillis();
    tracker.holdThresholdChanged();
    return this;
  }

  /** The hold threshold; {@link Duration#ZERO} when there is none. */
  public Duration holdThreshold() {
    return Duration.ofMillis(holdThresholdTicks);
  }

  long holdThresholdTicks() {
    return holdThresholdTicks;
  }

  /** How many resources of this kind are open now (0 at level {@code OFF}). */
  public long liveCount() {
    return tracker.liveCount(index);
  }

  /** How long the oldest open resource of this kind has been open, if there is one. */
  public Optional<Duration> oldestAge() {
    return tracker.oldestAge(index);
  }

  /** How many resources of this kind were found leaked since the tracker started. */
  public long leakCount() {
    return leaks.sum();
  }

  /** How many long holds of this kind were reported since the tracker started. */
  public long longHoldCount() {
    return longHolds.sum();
  }

  void countLeak() {
    leaks.increment();
  }

  void countLongHold() {
    longHolds.increment();
  }

  @Override
  public String toString() {
    return name;
  }
}
