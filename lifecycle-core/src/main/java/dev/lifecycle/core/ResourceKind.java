package dev.lifecycle.core;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
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
      return new OffHandle(this);
    }
    Context context = perThread.get();
    Attribution attribution = Attribution.current(); // one volatile read when none is open
    if (level != DetectionLevel.SAMPLED
        || --context.countdown <= 0
        || description != null
        || attribution != null) {
      context = derive(context, level, description, attribution != null);
    }
    Handle handle = new Handle(wrapper, raw, context, tracker.tick());
    if (attribution != null) {
      attribution.record(handle);
    }
    return handle;
  }

  private Context derive(
      Context shared, DetectionLevel level, @Nullable String description, boolean attributed) {
    Throwable site = null;
    if (level != DetectionLevel.SAMPLED || shared.countdown <= 0) {
      shared.countdown = Context.nextCountdown(tracker.samplingInterval);
      site = new Throwable("opened here");
    } else if (attributed) {
      site = new Throwable("opened here");
    }
    AccessLog access =
        level == DetectionLevel.PARANOID ? new AccessLog(tracker.maxAccessRecords) : null;
    return shared.with(description, site, access);
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
