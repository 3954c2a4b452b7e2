package dev.lifecycle.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lifecycle.core.health.ExactLeastSquares.Sample;
import dev.lifecycle.proptest.Gen;
import dev.lifecycle.proptest.Property;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trend's fit against exact least squares, and its promises, on generated series. */
final class TrendPropertyTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  /** One generated sample: milliseconds after the previous one, a value, a restart before it. */
  record Step(long millisLater, long value, boolean restart) {}

  /** A restart before one sample in ten. */
  private static final Gen<Boolean> RESTARTS =
      Gen.frequency(Gen.weighted(9, Gen.constant(false)), Gen.weighted(1, Gen.constant(true)));

  private static final Gen<Step> STEPS =
      Gen.zip(
          Gen.zip(Gen.longs(0, 3_600_000), Gen.longs(-1_000_000, 1_000_000), (later, value) -> new long[] {later, value}),
          RESTARTS,
          (pair, restart) -> new Step(pair[0], pair[1], restart));

  private static final Gen<List<Step>> SERIES = Gen.lists(STEPS, 1, 60);

  @Test
  void fit_anySeriesWithRestarts_matchesExactLeastSquares() {
    Property.forAll(SERIES).check(series -> {
      Trend trend = Trend.newBuilder().window(Duration.ofDays(365)).restartBelow(0).build();
      List<Sample> samples = new ArrayList<>();
      Instant at = T0;
      int segment = 0;
      for (Step step : series) {
        at = at.plusMillis(step.millisLater());
        if (step.restart() && !samples.isEmpty()) {
          trend.markRestart();
          segment++;
        }
        trend.add(at, (double) step.value());
        samples.add(new Sample(at, step.value(), segment));
      }
      Trend.Fit fit = trend.fit();
      if (fit.slopePerSecond() == 0 && fit.rSquared() == 0) {
        // No time spread within any segment: nothing to fit, and the exact fit agrees.
        assertThat(ExactLeastSquares.fit(samples).slopePerSecond()).isZero();
        return;
      }
      TrendTest.assertMatches(fit, samples);
    });
  }

  @Test
  void fit_anySeriesWithDetectedRestarts_isFiniteAndConsistent() {
    Property.forAll(SERIES, Gen.longs(0, 2_000_000)).check((series, limit) -> {
      Trend trend = Trend.newBuilder().window(Duration.ofHours(20)).build();
      Instant at = T0;
      for (Step step : series) {
        at = at.plusMillis(step.millisLater());
        trend.add(at, (double) step.value());
        Trend.Fit fit = trend.fit();
        assertThat(Double.isFinite(fit.slopePerSecond())).isTrue();
        assertThat(Double.isFinite(fit.level())).isTrue();
        assertThat(fit.rSquared()).isBetween(0.0, 1.0);
        fit.timeToReach((double) limit).ifPresent(left -> {
          if (fit.level() < (double) limit) {
            double reached = fit.level() + fit.slopePerSecond() * (left.toNanos() / 1e9);
            assertThat(reached).isCloseTo((double) limit, within(1e-6 * Math.max(1, (double) limit) + Math.abs(fit.slopePerSecond()) * 1e-9));
          }
        });
      }
    });
  }

  @Test
  void fit_shiftedValues_keepSlopeAndRSquared() {
    Property.forAll(Gen.lists(Gen.longs(0, 10_000), 2, 40), Gen.longs(-1_000_000, 1_000_000)).check((values, shift) -> {
      Trend plain = Trend.newBuilder().restartBelow(0).build();
      Trend shifted = Trend.newBuilder().restartBelow(0).build();
      for (int i = 0; i < values.size(); i++) {
        plain.add(T0.plusSeconds(i), (double) values.get(i));
        shifted.add(T0.plusSeconds(i), values.get(i) + (double) shift);
      }
      Trend.Fit a = plain.fit();
      Trend.Fit b = shifted.fit();
      assertThat(b.slopePerSecond()).isCloseTo(a.slopePerSecond(), within(1e-6));
      assertThat(b.rSquared()).isCloseTo(a.rSquared(), within(1e-6));
      assertThat(b.level()).isCloseTo(a.level() + (double) shift, within(1e-4));
    });
  }
}
