package dev.lifecycle.core.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A change of a gauge's health level, reported by a {@link HealthMonitor}: a watermark was crossed
 * (up, or back down past the hysteresis), or the trend's estimated time to the limit went under a
 * horizon (or back over it).
 *
 * @param monitor the monitor's name
 * @param gauge the gauge's name ({@code "fd"}, {@code "heap.afterGc"}, or one of your own)
 * @param kind what was crossed
 * @param level the level now; {@link Level#NORMAL} means the alarm cleared
 * @param previous the level before
 * @param value the gauge's value at the sample
 * @param limit the gauge's limit at the sample
 * @param slopePerDay growth per day of the gauge's peak trend (0 when it has too few points)
 * @param rSquared how well a line explains the peak trend, in [0, 1]
 * @param timeToLimit when the trend reaches the limit, if it grows and is trusted
 * @param at when the sample was taken
 * @param message one line for people: what crossed, the figures, the estimate
 */
public record HealthAlarm(
    String monitor,
    String gauge,
    Kind kind,
    Level level,
    Level previous,
    long value,
    long limit,
    double slopePerDay,
    double rSquared,
    Optional<Duration> timeToLimit,
    Instant at,
    String message) {

  /** What an alarm is about. */
  public enum Kind {
    /** Usage (value ÷ limit) crossed a watermark. */
    WATERMARK,
    /** The trend's time to the limit crossed a horizon. */
    HORIZON
  }

  /** How bad it is. */
  public enum Level {
    /** Nothing to report; an alarm at this level clears an earlier one. */
    NORMAL,
    /** Look at it today. */
    WARN,
    /** Act now. */
    CRITICAL
  }

  /** The usage when the alarm was raised: value ÷ limit. */
  public double usage() {
    return limit > 0 ? (double) value / limit : 0;
  }

  /** Whether this alarm clears an earlier one. */
  public boolean isCleared() {
    return level == Level.NORMAL;
  }

  @Override
  public String toString() {
    return message;
  }
}
