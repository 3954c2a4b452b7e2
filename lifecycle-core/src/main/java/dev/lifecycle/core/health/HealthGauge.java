package dev.lifecycle.core.health;

import dev.lifecycle.core.health.HealthAlarm.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One watched figure of a {@link HealthMonitor}: its suppliers, its two trends, its levels and the
 * figures of its latest sample. Sampled by one thread at a time (the monitor's lock); the figures
 * are volatile for JMX readers.
 */
final class HealthGauge implements HealthGaugeMXBean {
  final String monitor;
  final String name;
  final LongSupplier value;
  final LongSupplier limit;
  final Trend raw;
  final Trend peaks;
  volatile Level watermark = Level.NORMAL;
  volatile Level horizon = Level.NORMAL;
  boolean failing;

  private volatile long lastValue = -1;
  private volatile long lastLimit = -1;
  private volatile Trend.Fit rawFit = new Trend.Fit(0, 0, 0, 0, 0);
  private volatile Trend.Fit peakFit = new Trend.Fit(0, 0, 0, 0, 0);
  private volatile long secondsToLimit = -1;

  HealthGauge(String monitor, String name, LongSupplier value, LongSupplier limit, Trend raw, Trend peaks) {
    this.monitor = monitor;
    this.name = name;
    this.value = value;
    this.limit = limit;
    this.raw = raw;
    this.peaks = peaks;
  }

  void record(long value, long limit, Trend.Fit rawFit, Trend.Fit peakFit, Optional<Duration> ttl) {
    this.lastValue = value;
    this.lastLimit = limit;
    this.rawFit = rawFit;
    this.peakFit = peakFit;
    this.secondsToLimit = ttl.map(Duration::toSeconds).orElse(-1L);
  }

  @Override
  public String getMonitor() {
    return monitor;
  }

  @Override
  public String getGauge() {
    return name;
  }

  @Override
  public long getValue() {
    return lastValue;
  }

  @Override
  public long getLimit() {
    return lastLimit;
  }

  @Override
  public double getUsage() {
    long l = lastLimit;
    return l > 0 ? (double) lastValue / l : 0;
  }

  @Override
  public String getWatermarkLevel() {
    return watermark.name();
  }

  @Override
  public String getHorizonLevel() {
    return horizon.name();
  }

  @Override
  public double getSlopePerHour() {
    return rawFit.slopePerHour();
  }

  @Override
  public double getPeakSlopePerDay() {
    return peakFit.slopePerDay();
  }

  @Override
  public double getPeakRSquared() {
    return peakFit.rSquared();
  }

  @Override
  public int getPeakPoints() {
    return peakFit.points();
  }

  @Override
  public long getSecondsToLimit() {
    return secondsToLimit;
  }
}
