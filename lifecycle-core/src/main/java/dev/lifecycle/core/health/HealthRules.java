package dev.lifecycle.core.health;

import dev.lifecycle.core.health.HealthAlarm.Level;
import dev.lifecycle.core.internal.Durations;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of one {@link HealthMonitor}: when a level rises or falls (watermarks and horizons,
 * each with its hysteresis), when a trend is trusted, and how an alarm reads. Immutable.
 */
final class HealthRules {
  private static final double HORIZON_HYSTERESIS = 1.25;
  private static final double R_SQUARED_HYSTERESIS = 0.1;

  private final String name;
  private final double warn;
  private final double critical;
  private final double hysteresis;
  private final Duration warnHorizon;
  private final Duration criticalHorizon;
  private final Duration peakPeriod;
  private final int minTrendPoints;
  private final double minRSquared;

  HealthRules(
      String name,
      double warn,
      double critical,
      double hysteresis,
      Duration warnHorizon,
      Duration criticalHorizon,
      Duration peakPeriod,
      int minTrendPoints,
      double minRSquared) {
    this.name = name;
    this.warn = warn;
    this.critical = critical;
    this.hysteresis = hysteresis;
    this.warnHorizon = warnHorizon;
    this.criticalHorizon = criticalHorizon;
    this.peakPeriod = peakPeriod;
    this.minTrendPoints = minTrendPoints;
    this.minRSquared = minRSquared;
  }

  boolean trusted(Trend.Fit fit, Level current) {
    double needed = current == Level.NORMAL ? minRSquared : minRSquared - R_SQUARED_HYSTERESIS;
    return fit.points() >= minTrendPoints && fit.rSquared() >= needed;
  }

  Level watermarkLevel(Level current, double usage) {
    if (usage >= critical || (current == Level.CRITICAL && usage >= critical - hysteresis)) {
      return Level.CRITICAL;
    }
    if (usage >= warn || (current != Level.NORMAL && usage >= warn - hysteresis)) {
      return Level.WARN;
    }
    return Level.NORMAL;
  }

  Level horizonLevel(Level current, Optional<Duration> ttl) {
    if (ttl.isEmpty()) {
      return Level.NORMAL;
    }
    Duration left = ttl.get();
    if (within(left, criticalHorizon, current == Level.CRITICAL)) {
      return Level.CRITICAL;
    }
    if (within(left, warnHorizon, current != Level.NORMAL)) {
      return Level.WARN;
    }
    return Level.NORMAL;
  }

  private static boolean within(Duration left, Duration horizon, boolean alreadyRaised) {
    double bound = horizon.toSeconds() * (alreadyRaised ? HORIZON_HYSTERESIS : 1.0);
    return left.toSeconds() < bound;
  }

  String watermarkText(
      String gauge, Level previous, Level level, long value, long limit, double usage) {
    String figures = figures(value, limit, usage);
    if (level.compareTo(previous) > 0) {
      double mark = level == Level.CRITICAL ? critical : warn;
      return String.format(Locale.ROOT, "HEALTH %s \"%s\" %s: %s is over the %s watermark %s",
          level, name, gauge, figures, level.name().toLowerCase(Locale.ROOT), percent(mark));
    }
    if (level == Level.NORMAL) {
      return String.format(Locale.ROOT, "HEALTH cleared \"%s\" %s: %s is back under the warn watermark",
          name, gauge, figures);
    }
    return String.format(Locale.ROOT, "HEALTH %s \"%s\" %s: %s is back under the critical watermark",
        level, name, gauge, figures);
  }

  String horizonText(
      String gauge,
      Level previous,
      Level level,
      long value,
      long limit,
      double usage,
      Trend.Fit fit,
      Optional<Duration> ttl) {
    String now = "now " + figures(value, limit, usage);
    if (level == Level.NORMAL || ttl.isEmpty()) {
      return String.format(Locale.ROOT,
          "HEALTH cleared \"%s\" %s: trend no longer reaches the limit %,d within the %s warn"
              + " horizon; %s; %s",
          name, gauge, limit, Durations.approx(warnHorizon), trendText(fit, ttl), now);
    }
    Duration horizon = level == Level.CRITICAL ? criticalHorizon : warnHorizon;
    String change = level.compareTo(previous) > 0 ? "under" : "back over the critical horizon, under";
    return String.format(Locale.ROOT,
        "HEALTH %s \"%s\" %s: will reach its limit %,d in ~%s at this trend, %s the %s %s horizon;"
            + " %s; %s",
        level, name, gauge, limit, Durations.approx(ttl.get()), change, Durations.approx(horizon),
        level.name().toLowerCase(Locale.ROOT), trendText(fit, Optional.empty()), now);
  }

  String trendText(Trend.Fit fit, Optional<Duration> ttl) {
    String peak = peakPeriod.equals(Duration.ofDays(1)) ? "daily peak" : "peak per " + Durations.approx(peakPeriod);
    if (fit.points() < 2) {
      return peak + " trend has " + fit.points() + " point(s), too few for a line";
    }
    String line = String.format(Locale.ROOT, "%s %s %.1f/day (R² %.2f over %d points)", peak,
        fit.slopePerDay() >= 0 ? "rising" : "falling", Math.abs(fit.slopePerDay()), fit.rSquared(),
        fit.points());
    return ttl.map(d -> line + ", limit in ~" + Durations.approx(d)).orElse(line);
  }

  private static String figures(long value, long limit, double usage) {
    return String.format(Locale.ROOT, "%,d of %,d (%s)", value, limit, percent(usage));
  }

  private static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
  }

}
