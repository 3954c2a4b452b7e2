package dev.lifecycle.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The health monitor when its listeners and gauges fail, and with bad settings. */
final class HealthMonitorHostileTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  @Test
  void sampleNow_listenerThrowsError_theNextListenerStillGetsTheAlarm() {
    AtomicLong used = new AtomicLong(10);
    List<HealthAlarm> heard = new CopyOnWriteArrayList<>();
    try (HealthMonitor monitor = HealthMonitor.newBuilder("hostile")
        .gauge("used", used::get, 100)
        .clock(new ManualClock(T0))
        .listener(new HealthListener() {
          @Override
          public void onHealthAlarm(HealthAlarm alarm) {
            throw new StackOverflowError("listener throws on purpose");
          }
        })
        .listener(new HealthListener() {
          @Override
          public void onHealthAlarm(HealthAlarm alarm) {
            heard.add(alarm);
          }
        })
        .jmx(false)
        .build()) {
      monitor.sampleNow();
      used.set(90);
      monitor.sampleNow();
      assertThat(heard).extracting(HealthAlarm::level).containsExactly(HealthAlarm.Level.CRITICAL);
    }
  }

  @Test
  void sampleNow_gaugeThrowsError_isSkippedAndTheOtherGaugesAreSampled() {
    AtomicBoolean broken = new AtomicBoolean(true);
    AtomicLong used = new AtomicLong(90);
    List<HealthAlarm> heard = new CopyOnWriteArrayList<>();
    try (HealthMonitor monitor = HealthMonitor.newBuilder("hostile")
        .gauge("broken", () -> {
          if (broken.get()) {
            throw new InternalError("gauge throws on purpose");
          }
          return 1;
        }, () -> 100)
        .gauge("used", used::get, 100)
        .clock(new ManualClock(T0))
        .listener(new HealthListener() {
          @Override
          public void onHealthAlarm(HealthAlarm alarm) {
            heard.add(alarm);
          }
        })
        .jmx(false)
        .build()) {
      monitor.sampleNow();
      monitor.sampleNow();
      assertThat(heard).extracting(HealthAlarm::gauge).containsExactly("used");
      broken.set(false);
      monitor.sampleNow();
      assertThat(monitor.gauges().get(0).getValue()).isEqualTo(1);
    }
  }

  @Test
  void builder_nulls_areRejectedAtOnceWithTheirName() {
    HealthMonitor.Builder builder = HealthMonitor.newBuilder("nulls");
    assertThatThrownBy(() -> HealthMonitor.newBuilder(null)).hasMessage("monitor name must not be null");
    assertThatThrownBy(() -> builder.listener(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("listener must not be null");
    assertThatThrownBy(() -> builder.clock(null)).hasMessage("clock must not be null");
    assertThatThrownBy(() -> builder.interval(null)).hasMessage("interval must not be null");
    assertThatThrownBy(() -> builder.gauge("g", null, 10)).hasMessage("gauge value must not be null");
    assertThatThrownBy(() -> builder.gauge(null, () -> 1, () -> 10)).hasMessage("gauge name must not be null");
    assertThatThrownBy(() -> builder.horizons(null, Duration.ofDays(1))).hasMessage("warn horizon must not be null");
  }

  @Test
  void builder_foreverDurations_areRejectedOrSaturatedWithoutOverflow() {
    Duration forever = ChronoUnit.FOREVER.getDuration();
    assertThatThrownBy(() -> HealthMonitor.newBuilder("forever").peakTrend(forever, 28))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("peak trend of 28 periods of " + forever + " is longer than ");
    assertThatThrownBy(() -> HealthMonitor.newBuilder("forever").rawWindow(forever))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("raw window " + forever + " is longer than ");
    assertThatThrownBy(() -> HealthMonitor.newBuilder("forever").gauge("g", () -> 1, 10).interval(forever).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("raw window PT1H is shorter than the interval ");
    try (HealthMonitor monitor = HealthMonitor.newBuilder("forever")
        .gauge("g", () -> 1, 10)
        .interval(Duration.ofDays(365))
        .rawWindow(Duration.ofDays(36_500))
        .horizons(forever, Duration.ofDays(1))
        .jmx(false)
        .build()) {
      monitor.sampleNow();
      assertThat(monitor.gauges().get(0).getValue()).isEqualTo(1);
    }
  }
}
