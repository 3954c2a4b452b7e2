package dev.lifecycle.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lifecycle.core.health.ExactLeastSquares.Exact;
import dev.lifecycle.core.health.ExactLeastSquares.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class TrendTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  private static final double LIMIT = 4096;

  @Test
  void fit_rawSamples_matchesExactLeastSquares() {
    Trend trend = Trend.newBuilder().window(Duration.ofDays(1)).restartBelow(0).build();
    List<Sample> samples = new ArrayList<>();
    double[] values = {1, 3, 2, 5, 4, 8, 7.5, 9.25};
    for (int i = 0; i < values.length; i++) {
      Instant at = T0.plus(Duration.ofMinutes(7L * i * i + 3));
      trend.add(at, values[i]);
      samples.add(new Sample(at, values[i], 0));
    }
    assertMatches(trend.fit(), samples);
  }

  @Test
  void fit_largeLevelsAndEpochTimes_matchesExactLeastSquares() {
    Trend trend = Trend.newBuilder().window(Duration.ofDays(30)).restartBelow(0).build();
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      Instant at = T0.plusSeconds(3_600L * i).plusNanos(123_456_789L * (i % 7));
      double value = 1.0e9 + 12.5 * i + ((i * 37) % 11) - 5;
      trend.add(at, value);
      samples.add(new Sample(at, value, 0));
    }
    assertMatches(trend.fit(), samples);
  }

  @Test
  void fit_restartInWindow_keepsTheSlopeAndTakesTheNewLevel() {
    Trend trend = Trend.newBuilder().window(Duration.ofDays(10)).build();
    List<Sample> samples = new ArrayList<>();
    for (int hour = 0; hour < 100; hour++) {
      double value = hour < 60 ? 1_000 + 2.0 * hour : 200 + 2.0 * (hour - 60);
      Instant at = T0.plus(Duration.ofHours(hour));
      trend.add(at, value);
      samples.add(new Sample(at, value, hour < 60 ? 0 : 1));
    }
    Trend.Fit fit = trend.fit();
    assertThat(fit.segments()).isEqualTo(2);
    assertThat(fit.slopePerHour()).isCloseTo(2.0, within(1e-9));
    assertThat(fit.rSquared()).isCloseTo(1.0, within(1e-9));
    assertThat(fit.level()).isCloseTo(200 + 2.0 * 39, within(1e-6));
    assertMatches(fit, samples);
  }

  @Test
  void fit_restartDetectionOff_seesTheDropAsAFall() {
    Trend trend = Trend.newBuilder().window(Duration.ofDays(10)).restartBelow(0).build();
    for (int hour = 0; hour < 100; hour++) {
      trend.add(T0.plus(Duration.ofHours(hour)), hour < 60 ? 1_000 + 2.0 * hour : 200 + 2.0 * (hour - 60));
    }
    assertThat(trend.fit().segments()).isEqualTo(1);
    assertThat(trend.fit().slopePerHour()).isNegative();
  }

  @Test
  void fit_markRestart_startsASegment() {
    Trend trend = Trend.newBuilder().build();
    trend.add(T0, 10);
    trend.add(T0.plusSeconds(60), 20);
    trend.markRestart();
    trend.add(T0.plusSeconds(120), 15);
    trend.add(T0.plusSeconds(180), 25);
    Trend.Fit fit = trend.fit();
    assertThat(fit.segments()).isEqualTo(2);
    assertThat(fit.slopePerSecond()).isCloseTo(10.0 / 60, within(1e-12));
    assertThat(fit.level()).isCloseTo(25, within(1e-9));
  }

  @Test
  void fit_noSamples_isEmptyAndHasNoTimeToLimit() {
    Trend.Fit fit = Trend.newBuilder().build().fit();
    assertThat(fit).isEqualTo(new Trend.Fit(0, 0, 0, 0, 0));
    assertThat(fit.timeToReach(LIMIT)).isEmpty();
  }

  @Test
  void fit_singleSample_hasNoSlopeAndNoNaN() {
    Trend trend = Trend.newBuilder().build();
    trend.add(T0, 1_500);
    Trend.Fit fit = trend.fit();
    assertThat(fit).isEqualTo(new Trend.Fit(1, 1, 0, 0, 1_500));
    assertThat(fit.timeToReach(LIMIT)).isEmpty();
    assertThat(fit.timeToReach(1_000)).contains(Duration.ZERO);
  }

  @Test
  void fit_samplesAtOneInstant_haveNoSlope() {
    Trend trend = Trend.newBuilder().build();
    trend.add(T0, 1);
    trend.add(T0, 5);
    trend.add(T0, 3);
    Trend.Fit fit = trend.fit();
    assertThat(fit.slopePerSecond()).isZero();
    assertThat(fit.rSquared()).isZero();
    assertThat(fit.timeToReach(LIMIT)).isEmpty();
  }

  @Test
  void fit_constantSeries_isFlatAndExplained() {
    Trend trend = Trend.newBuilder().build();
    for (int i = 0; i < 10; i++) {
      trend.add(T0.plusSeconds(i), 42);
    }
    Trend.Fit fit = trend.fit();
    assertThat(fit.slopePerSecond()).isZero();
    assertThat(fit.rSquared()).isEqualTo(1);
    assertThat(fit.level()).isEqualTo(42);
    assertThat(fit.timeToReach(LIMIT)).isEmpty();
  }

  @Test
  void fit_fallingSeries_neverReachesTheLimit() {
    Trend trend = Trend.newBuilder().build();
    for (int i = 0; i < 10; i++) {
      trend.add(T0.plusSeconds(i), 100 - i);
    }
    assertThat(trend.fit().timeToReach(LIMIT)).isEmpty();
  }

  @Test
  void timeToReach_risingLine_isTheDistanceOverTheSlope() {
    Trend trend = Trend.newBuilder().window(Duration.ofDays(10)).build();
    for (int day = 0; day <= 4; day++) {
      trend.add(T0.plus(Duration.ofDays(day)), 1_000 + 100.0 * day);
    }
    Trend.Fit fit = trend.fit();
    assertThat(fit.slopePerDay()).isCloseTo(100, within(1e-9));
    assertThat(fit.slopePerHour()).isCloseTo(100 / 24.0, within(1e-9));
    assertThat(fit.timeToReach(2_000).orElseThrow().toSeconds())
        .isCloseTo(Duration.ofDays(6).toSeconds(), within(1L));
  }

  @Test
  void timeToReach_vanishingSlope_saturatesInsteadOfOverflowing() {
    Trend.Fit fit = new Trend.Fit(2, 1, Double.MIN_VALUE, 1, 0);
    assertThat(fit.timeToReach(1e300)).contains(Duration.ofSeconds(Long.MAX_VALUE));
  }

  @Test
  void window_oldSamples_leaveTheFit() {
    Trend trend = Trend.newBuilder().window(Duration.ofMinutes(10)).build();
    for (int minute = 0; minute < 30; minute++) {
      trend.add(T0.plus(Duration.ofMinutes(minute)), minute < 20 ? 1_000 - minute : 500 + minute);
    }
    Trend.Fit fit = trend.fit();
    assertThat(fit.points()).isEqualTo(10);
    assertThat(fit.slopePerSecond()).isCloseTo(1.0 / 60, within(1e-12));
  }

  @Test
  void maxPoints_manySamples_keepsTheNewest() {
    Trend trend = Trend.newBuilder().maxPoints(5).build();
    for (int i = 0; i < 100; i++) {
      trend.add(T0.plusSeconds(i), i);
    }
    assertThat(trend.fit().points()).isEqualTo(5);
    assertThat(trend.fit().level()).isCloseTo(99, within(1e-9));
  }

  @Test
  void dailyPeaks_dailyCycle_fitsThePeaks() {
    Trend trend = Trend.dailyPeaks(30);
    for (int hour = 0; hour < 20 * 24; hour++) {
      double day = hour / 24.0;
      double cycle = 400 * Math.sin(2 * Math.PI * ((hour % 24) - 8) / 24.0); // peaks at 14:00
      trend.add(T0.plus(Duration.ofHours(hour)), 1_500 + 50 * day + cycle);
    }
    Trend.Fit fit = trend.fit();
    assertThat(fit.points()).isEqualTo(20);
    assertThat(fit.slopePerDay()).isCloseTo(50, within(0.5));
    assertThat(fit.rSquared()).isGreaterThan(0.99);
  }

  @Test
  void dailyPeaks_currentDayBelowYesterday_waitsForTheDayToEnd() {
    Trend trend = Trend.dailyPeaks(10);
    trend.add(T0.plus(Duration.ofHours(12)), 100);
    trend.add(T0.plus(Duration.ofHours(36)), 200);
    trend.add(T0.plus(Duration.ofHours(49)), 150); // day 3 so far, lower than day 2's peak
    assertThat(trend.fit().points()).isEqualTo(2);
    trend.add(T0.plus(Duration.ofHours(60)), 300);
    assertThat(trend.fit().points()).isEqualTo(3);
    assertThat(trend.fit().level()).isGreaterThan(250);
  }

  @Test
  void outageReplay_dailyPeakRising50PerDay_predictsTheLimitWeeksAhead() {
    Random noise = new Random(6);
    Trend trend = Trend.dailyPeaks(28);
    Duration firstWarning = null;
    int dayReached = -1;
    for (int hour = 0; hour < 60 * 24 && dayReached < 0; hour++) {
      double day = hour / 24.0;
      double cycle = 600 * Math.max(0, Math.sin(2 * Math.PI * ((hour % 24) - 8) / 24.0));
      double value = 900 + 50 * day + cycle + noise.nextGaussian() * 30;
      trend.add(T0.plus(Duration.ofHours(hour)), (double) Math.round(value));
      if (value >= LIMIT) {
        dayReached = hour / 24;
      }
      Trend.Fit fit = trend.fit();
      if (firstWarning == null && fit.points() >= 7 && fit.rSquared() >= 0.5
          && fit.timeToReach(LIMIT).filter(d -> d.compareTo(Duration.ofDays(28)) < 0).isPresent()) {
        firstWarning = Duration.ofHours(hour);
      }
    }
    assertThat(dayReached).as("the synthetic outage reaches the limit").isPositive();
    assertThat(firstWarning).isNotNull();
    assertThat(Duration.ofDays(dayReached).minus(firstWarning)).isGreaterThan(Duration.ofDays(21));
  }

  @Test
  void outageReplay_flatNoisySeries_neverPredictsTheLimit() {
    Random noise = new Random(7);
    Trend trend = Trend.dailyPeaks(28);
    for (int hour = 0; hour < 60 * 24; hour++) {
      double cycle = 600 * Math.max(0, Math.sin(2 * Math.PI * ((hour % 24) - 8) / 24.0));
      trend.add(T0.plus(Duration.ofHours(hour)), (double) Math.round(1_500 + cycle + noise.nextGaussian() * 80));
      Trend.Fit fit = trend.fit();
      if (fit.points() >= 7 && fit.rSquared() >= 0.5) {
        assertThat(fit.timeToReach(LIMIT).filter(d -> d.compareTo(Duration.ofDays(28)) < 0))
            .as("estimate at hour %d: %s", hour, fit)
            .isEmpty();
      }
    }
  }

  @Test
  void add_badValueOrOrder_isRejected() {
    Trend trend = Trend.newBuilder().build();
    assertThatThrownBy(() -> trend.add(T0, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value NaN at 2026-03-01T00:00:00Z is not finite; give a finite sample");
    trend.add(T0, 1);
    assertThatThrownBy(() -> trend.add(T0.minusSeconds(1), 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sample at 2026-02-28T23:59:59Z is before the previous sample at"
            + " 2026-03-01T00:00:00Z; add samples in time order");
  }

  @Test
  void builder_badSettings_areRejected() {
    assertThatThrownBy(() -> Trend.newBuilder().window(Duration.ZERO))
        .hasMessage("window PT0S is not positive; give a window such as Duration.ofHours(1)");
    assertThatThrownBy(() -> Trend.newBuilder().window(Duration.ofSeconds(-1)))
        .hasMessage("window PT-1S is not positive; give a window such as Duration.ofHours(1)");
    assertThatThrownBy(() -> Trend.newBuilder().maxPoints(1))
        .hasMessage("maxPoints 1 is below 2; a line needs at least 2 points");
    assertThatThrownBy(() -> Trend.newBuilder().restartBelow(1))
        .hasMessageStartingWith("restartBelow 1.0 is not in [0, 1)");
    assertThatThrownBy(() -> Trend.newBuilder().peakEvery(Duration.ZERO))
        .hasMessageStartingWith("peak period PT0S is shorter than 1 ms");
    assertThatThrownBy(() -> Trend.newBuilder().peakEvery(Duration.ofDays(2)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("peak period PT48H is longer than the window PT1H; give a window of several periods");
    assertThatThrownBy(() -> Trend.dailyPeaks(1))
        .hasMessage("days 1 is below 2; a line through daily peaks needs a window of at least 2 days");
  }

  @Test
  void fit_badFigures_areRejected() {
    assertThatThrownBy(() -> new Trend.Fit(2, 1, Double.NaN, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("slope NaN and level 0.0 must be finite");
    assertThatThrownBy(() -> new Trend.Fit(2, 1, 0, 1.5, 0))
        .hasMessage("r squared 1.5 is not in [0, 1]");
    assertThatThrownBy(() -> new Trend.Fit(2, 1, 0, 1, 0).timeToReach(Double.POSITIVE_INFINITY))
        .hasMessage("limit Infinity is not finite; give a finite limit");
  }

  @Test
  void clear_forgetsEverything() {
    Trend trend = Trend.dailyPeaks(3);
    trend.add(T0, 1);
    trend.add(T0.plus(Duration.ofDays(1)), 2);
    trend.clear();
    assertThat(trend.fit().points()).isZero();
    trend.add(T0, 1); // time order starts over too
    assertThat(trend.fit().points()).isEqualTo(1);
  }

  static void assertMatches(Trend.Fit fit, List<Sample> samples) {
    Exact exact = ExactLeastSquares.fit(samples);
    double scale = Math.max(1, Math.abs(exact.slopePerSecond()));
    assertThat(fit.slopePerSecond()).isCloseTo(exact.slopePerSecond(), within(1e-9 * scale));
    assertThat(fit.rSquared()).isCloseTo(exact.rSquared(), within(1e-9));
    assertThat(fit.level()).isCloseTo(exact.level(), within(1e-9 * Math.max(1, Math.abs(exact.level()))));
    assertThat(fit.points()).isEqualTo(samples.size());
  }
}
