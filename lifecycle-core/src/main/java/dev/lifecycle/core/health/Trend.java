package dev.lifecycle.core.health;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A least-squares line through the (time, value) samples of a sliding window: how fast a figure
 * grows (per hour, per day), how well a line explains it (R²), and when it will reach a limit.
 *
 * <p>Two modes. <b>Raw</b> fits every sample of the window. <b>Peak</b> ({@link
 * Builder#peakEvery}) keeps only the highest sample of each period (a day, usually) and fits those
 * peaks: a figure with a daily cycle, such as open file descriptors, shows a leak in its daily peak
 * long before the peak reaches the limit, while the raw samples swing with the load. A period is
 * fitted once it is complete; the current period's peak is fitted earlier only when it already
 * reaches the previous period's peak (or follows a restart), so a half-finished day does not drag
 * the line down. A peak is fitted at the time it was sampled.
 *
 * <p><b>Restarts.</b> A sample below {@link Builder#restartBelow} times the previous sample (half,
 * by default), or a call to {@link #markRestart}, starts a new segment. The fit has one slope for
 * all segments and its own intercept per segment (the least-squares solution with a dummy per
 * segment), so a restart's drop neither hides the growth before it nor counts as a fall, and the
 * current level is the newest segment's line. A figure that legitimately halves in one sample is
 * cut into segments the same way; set {@code restartBelow(0)} to turn detection off.
 *
 * <p><b>Degenerate input.</b> Fewer than two points, or points all at one instant, give a fit with
 * slope 0, R² 0 and no time to a limit; a constant series gives slope 0 and R² 1. No figure of a
 * {@link Fit} is ever NaN or infinite.
 *
 * <p>Memory is bounded by {@link Builder#maxPoints}. Instances are thread-safe: samples may be
 * added on one thread while another reads the fit.
 */
public final class Trend {
  private static final double NANOS_PER_SECOND = 1e9;

  private final Duration window;
  private final @Nullable Duration peakPeriod;
  private final int maxPoints;
  private final double restartBelow;

  private final ArrayDeque<Point> points = new ArrayDeque<>();
  private int segment;
  private @Nullable Instant lastAt;
  private double lastValue;
  private @Nullable Point bucketPeak;
  private long bucket;

  private Trend(Builder builder) {
    this.window = builder.window;
    this.peakPeriod = builder.peakPeriod;
    this.maxPoints = builder.maxPoints;
    this.restartBelow = builder.restartBelow;
  }

  /** A builder of a raw trend over the last hour; see {@link Builder} for every setting. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * A trend of daily peaks over the last {@code days} days (days start at midnight UTC).
   *
   * @throws IllegalArgumentException if {@code days} is below 2
   */
  public static Trend dailyPeaks(int days) {
    if (days < 2) {
      throw new IllegalArgumentException(
          "days " + days + " is below 2; a line through daily peaks needs a window of at least 2 days");
    }
    return newBuilder().window(Duration.ofDays(days)).peakEvery(Duration.ofDays(1)).build();
  }

  /**
   * Adds one sample.
   *
   * @throws IllegalArgumentException if {@code value} is NaN or infinite, or {@code at} is before
   *     the previous sample
   */
  public synchronized void add(Instant at, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "value " + value + " at " + at + " is not finite; give a finite sample");
    }
    Instant previous = lastAt;
    if (previous != null && at.isBefore(previous)) {
      throw new IllegalArgumentException(
          "sample at " + at + " is before the previous sample at " + previous
              + "; add samples in time order");
    }
    if (previous != null && restartBelow > 0 && value < lastValue * restartBelow) {
      markRestart();
    }
    lastAt = at;
    lastValue = value;
    Duration period = peakPeriod;
    if (period == null) {
      append(new Point(at, value, segment));
      return;
    }
    long index = Math.floorDiv(at.toEpochMilli(), period.toMillis());
    Point peak = bucketPeak;
    if (peak != null && index != bucket) {
      append(peak);
      peak = null;
    }
    if (peak == null || value >= peak.value) {
      bucketPeak = new Point(at, value, segment);
    }
    bucket = index;
    trim(at);
  }

  /**
   * Starts a new segment: the samples before a restart and after it keep one slope but get their
   * own levels. Called automatically on a drop below {@link Builder#restartBelow}.
   */
  public synchronized void markRestart() {
    Point peak = bucketPeak;
    if (peak != null) {
      append(peak);
      bucketPeak = null;
    }
    segment++;
  }

  /** Forgets every sample. */
  public synchronized void clear() {
    points.clear();
    bucketPeak = null;
    lastAt = null;
    segment = 0;
  }

  /** The least-squares fit of the window as it is now. */
  public synchronized Fit fit() {
    List<Point> fitted = new ArrayList<>(points);
    Point peak = bucketPeak;
    if (peak != null) {
      Point last = fitted.isEmpty() ? null : fitted.get(fitted.size() - 1);
      if (last == null || last.segment != peak.segment || peak.value >= last.value) {
        fitted.add(peak);
      }
    }
    return LeastSquares.fit(fitted);
  }

  @Override
  public synchronized String toString() {
    return "Trend[" + (peakPeriod == null ? "raw" : "peak every " + peakPeriod) + " over " + window
        + ", " + fit() + "]";
  }

  private void append(Point point) {
    points.addLast(point);
    trim(point.at);
  }

  private void trim(Instant newest) {
    Instant oldestKept = newest.minus(window);
    while (!points.isEmpty() && !points.getFirst().at.isAfter(oldestKept)) {
      points.removeFirst();
    }
    while (points.size() > maxPoints) {
      points.removeFirst();
    }
  }

  /** One fitted point: a raw sample or a period's peak, in its restart segment. */
  static final class Point {
    final Instant at;
    final double value;
    final int segment;

    Point(Instant at, double value, int segment) {
      this.at = at;
      this.value = value;
      this.segment = segment;
    }
  }

  /**
   * The line through a window's points.
   *
   * @param points how many points were fitted
   * @param segments how many restart segments they fall into
   * @param slopePerSecond growth per second (0 when fewer than two points or no time spread)
   * @param rSquared the share of the variance the line explains, in [0, 1]
   * @param level the line's value at the newest point, in the newest segment (the newest point's
   *     value when it is alone; 0 when there are no points)
   */
  public record Fit(int points, int segments, double slopePerSecond, double rSquared, double level) {
    /**
     * Checks the figures.
     *
     * @throws IllegalArgumentException if a count is negative, a figure is not finite or R² is
     *     outside [0, 1]
     */
    public Fit {
      if (points < 0 || segments < 0) {
        throw new IllegalArgumentException(
            "points " + points + " and segments " + segments + " must not be negative");
      }
      if (!Double.isFinite(slopePerSecond) || !Double.isFinite(level)) {
        throw new IllegalArgumentException(
            "slope " + slopePerSecond + " and level " + level + " must be finite");
      }
      if (!(rSquared >= 0 && rSquared <= 1)) {
        throw new IllegalArgumentException("r squared " + rSquared + " is not in [0, 1]");
      }
    }

    /** Growth per hour. */
    public double slopePerHour() {
      return slopePerSecond * 3600;
    }

    /** Growth per day. */
    public double slopePerDay() {
      return slopePerSecond * 86_400;
    }

    /**
     * How long until the line reaches {@code limit}: zero when the level is already there, empty
     * when the line does not grow or there are fewer than two points.
     *
     * @throws IllegalArgumentException if {@code limit} is NaN or infinite
     */
    public Optional<Duration> timeToReach(double limit) {
      if (!Double.isFinite(limit)) {
        throw new IllegalArgumentException("limit " + limit + " is not finite; give a finite limit");
      }
      if (points == 0) {
        return Optional.empty();
      }
      if (level >= limit) {
        return Optional.of(Duration.ZERO);
      }
      if (points < 2 || slopePerSecond <= 0) {
        return Optional.empty();
      }
      double seconds = (limit - level) / slopePerSecond;
      if (!(seconds < Long.MAX_VALUE)) {
        return Optional.of(Duration.ofSeconds(Long.MAX_VALUE));
      }
      long whole = (long) seconds;
      return Optional.of(Duration.ofSeconds(whole, Math.round((seconds - whole) * NANOS_PER_SECOND)));
    }
  }

  /**
   * Settings of a {@link Trend}. Defaults: raw samples over one hour, at most 10 000 points, a drop
   * below half the previous sample is a restart.
   */
  public static final class Builder {
    private Duration window = Duration.ofHours(1);
    private @Nullable Duration peakPeriod;
    private int maxPoints = 10_000;
    private double restartBelow = 0.5;

    private Builder() {}

    /**
     * How far back the fit looks.
     *
     * @throws IllegalArgumentException if {@code window} is zero or negative
     */
    @CanIgnoreReturnValue
    public Builder window(Duration window) {
      if (window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException(
            "window " + window + " is not positive; give a window such as Duration.ofHours(1)");
      }
      this.window = window;
      return this;
    }

    /**
     * Fits the highest sample of each {@code period} (aligned to the epoch, so days start at
     * midnight UTC) instead of every sample.
     *
     * @throws IllegalArgumentException if {@code period} is shorter than a millisecond
     */
    @CanIgnoreReturnValue
    public Builder peakEvery(Duration period) {
      if (period.toMillis() < 1) {
        throw new IllegalArgumentException(
            "peak period " + period + " is shorter than 1 ms; give a period such as Duration.ofDays(1)");
      }
      this.peakPeriod = period;
      return this;
    }

    /**
     * The most points kept; the oldest go first. Bounds memory: a raw trend sampled every second
     * over an hour needs 3 600.
     *
     * @throws IllegalArgumentException if {@code maxPoints} is below 2
     */
    @CanIgnoreReturnValue
    public Builder maxPoints(int maxPoints) {
      if (maxPoints < 2) {
        throw new IllegalArgumentException(
            "maxPoints " + maxPoints + " is below 2; a line needs at least 2 points");
      }
      this.maxPoints = maxPoints;
      return this;
    }

    /**
     * A sample below {@code fraction} times the previous one starts a new segment (a restart);
     * {@code 0} turns detection off.
     *
     * @throws IllegalArgumentException if {@code fraction} is not in [0, 1)
     */
    @CanIgnoreReturnValue
    public Builder restartBelow(double fraction) {
      if (!(fraction >= 0 && fraction < 1)) {
        throw new IllegalArgumentException(
            "restartBelow " + fraction + " is not in [0, 1); 0.5 treats a drop below half the"
                + " previous sample as a restart, 0 turns detection off");
      }
      this.restartBelow = fraction;
      return this;
    }

    /**
     * A new, empty trend with these settings.
     *
     * @throws IllegalArgumentException if the peak period is longer than the window
     */
    public Trend build() {
      Duration period = peakPeriod;
      if (period != null && period.compareTo(window) > 0) {
        throw new IllegalArgumentException(
            "peak period " + period + " is longer than the window " + window
                + "; give a window of several periods");
      }
      return new Trend(this);
    }
  }
}
