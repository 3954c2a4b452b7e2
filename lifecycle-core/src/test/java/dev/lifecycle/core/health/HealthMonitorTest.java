package dev.lifecycle.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.core.LifecycleListener;
import dev.lifecycle.core.health.HealthAlarm.Kind;
import dev.lifecycle.core.health.HealthAlarm.Level;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class HealthMonitorTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  private static final long LIMIT = 4096;

  @TempDir Path dir;

  /** Collects what a monitor reports. */
  static final class Alarms implements HealthListener {
    final List<HealthAlarm> all = new CopyOnWriteArrayList<>();

    @Override
    public void onHealthAlarm(HealthAlarm alarm) {
      all.add(alarm);
    }

    List<HealthAlarm> of(Kind kind) {
      return all.stream().filter(a -> a.kind() == kind).toList();
    }
  }

  @Test
  void outageReplay_dailyPeakRising50PerDay_alarmsWeeksBeforeTheLimit() {
    ManualClock clock = new ManualClock(T0);
    AtomicLong fds = new AtomicLong(900);
    Alarms alarms = new Alarms();
    Random noise = new Random(6);
    Instant reached = null;
    try (HealthMonitor monitor = HealthMonitor.newBuilder("chat")
        .gauge("fd", fds::get, LIMIT)
        .horizons(Duration.ofDays(28), Duration.ofDays(7))
        .clock(clock)
        .listener(alarms)
        .jmx(false)
        .build()) {
      for (int hour = 0; hour < 60 * 24 && reached == null; hour++) {
        fds.set(outageFds(hour, noise));
        if (fds.get() >= LIMIT) {
          reached = clock.instant();
        }
        monitor.sampleNow();
        clock.advance(Duration.ofHours(1));
      }
    }
    assertThat(reached).as("the synthetic outage reaches the limit").isNotNull();
    List<HealthAlarm> horizon = alarms.of(Kind.HORIZON);
    assertThat(horizon).extracting(HealthAlarm::level).containsExactly(Level.WARN, Level.CRITICAL);
    HealthAlarm first = horizon.get(0);
    assertThat(Duration.between(first.at(), reached)).isGreaterThan(Duration.ofDays(21));
    assertThat(alarms.of(Kind.WATERMARK).get(0).at()).isAfter(first.at());
    assertThat(first.slopePerDay()).isBetween(40.0, 60.0);
    assertThat(first.timeToLimit()).hasValueSatisfying(d -> assertThat(d).isLessThan(Duration.ofDays(28)));
    assertThat(first.message())
        .startsWith("HEALTH WARN \"chat\" fd: will reach its limit 4,096 in ~")
        .contains("under the 28 days warn horizon; daily peak rising ");
    assertThat(alarms.all).allSatisfy(a -> {
      assertThat(Double.isFinite(a.slopePerDay())).isTrue();
      assertThat(a.rSquared()).isBetween(0.0, 1.0);
    });
  }

  @Test
  void outageReplay_flatNoisySeries_raisesNothing() {
    ManualClock clock = new ManualClock(T0);
    AtomicLong fds = new AtomicLong(1_500);
    Alarms alarms = new Alarms();
    Random noise = new Random(7);
    try (HealthMonitor monitor = HealthMonitor.newBuilder("flat")
        .gauge("fd", fds::get, LIMIT)
        .horizons(Duration.ofDays(28), Duration.ofDays(7))
        .clock(clock)
        .listener(alarms)
        .jmx(false)
        .build()) {
      for (int hour = 0; hour < 60 * 24; hour++) {
        double cycle = 600 * Math.max(0, Math.sin(2 * Math.PI * ((hour % 24) - 8) / 24.0));
        fds.set(Math.round(1_500 + cycle + noise.nextGaussian() * 80));
        monitor.sampleNow();
        clock.advance(Duration.ofHours(1));
      }
      assertThat(alarms.all).isEmpty();
      HealthGaugeMXBean gauge = monitor.gauges().get(0);
      assertThat(gauge.getPeakPoints()).isBetween(27, 29);
      assertThat(gauge.getSecondsToLimit()).isEqualTo(-1);
    }
  }

  @Test
  void listener_oneLifecycleListener_receivesHealthAlarmsToo() {
    AtomicLong value = new AtomicLong(95);
    List<HealthAlarm> received = new CopyOnWriteArrayList<>();
    LifecycleListener everything = new LifecycleListener() {
      @Override
      public void onHealthAlarm(HealthAlarm alarm) {
        received.add(alarm);
      }
    };
    try (HealthMonitor monitor = HealthMonitor.newBuilder("one surface")
        .gauge("queue", value::get, 100)
        .clock(new ManualClock(T0))
        .listener(everything)
        .jmx(false)
        .build()) {
      monitor.sampleNow();
    }
    assertThat(received).extracting(HealthAlarm::level).containsExactly(Level.CRITICAL);
  }

  @Test
  void watermarks_hoveringUsage_raiseOnceAndClearPastTheHysteresis() {
    AtomicLong value = new AtomicLong();
    Alarms alarms = new Alarms();
    try (HealthMonitor monitor = HealthMonitor.newBuilder("watermarks")
        .gauge("queue", value::get, 100)
        .clock(new ManualClock(T0))
        .listener(alarms)
        .jmx(false)
        .build()) {
      for (long v : new long[] {10, 69, 70, 69, 71, 66, 65, 64, 86, 81, 80, 79, 90, 20}) {
        value.set(v);
        monitor.sampleNow();
      }
    }
    assertThat(alarms.all)
        .extracting(a -> a.previous() + ">" + a.level() + "@" + a.value())
        .containsExactly("NORMAL>WARN@70", "WARN>NORMAL@64", "NORMAL>CRITICAL@86",
            "CRITICAL>WARN@79", "WARN>CRITICAL@90", "CRITICAL>NORMAL@20");
    assertThat(alarms.all.get(0).message())
        .isEqualTo("HEALTH WARN \"watermarks\" queue: 70 of 100 (70 %) is over the warn watermark 70 %;"
            + " daily peak trend has 1 point(s), too few for a line");
    assertThat(alarms.all.get(1).message())
        .startsWith("HEALTH cleared \"watermarks\" queue: 64 of 100 (64 %) is back under the warn watermark");
    assertThat(alarms.all.get(1).isCleared()).isTrue();
  }

  @Test
  void sampleNow_failingGaugeOrListener_othersGoOn() {
    AtomicLong value = new AtomicLong(95);
    Alarms alarms = new Alarms();
    HealthListener failing = new HealthListener() {
      @Override
      public void onHealthAlarm(HealthAlarm alarm) {
        throw new IllegalStateException("listener bug");
      }
    };
    try (HealthMonitor monitor = HealthMonitor.newBuilder("failing")
        .gauge("broken", () -> -1, () -> {
          throw new IllegalStateException("cannot read");
        })
        .gauge("ok", value::get, 100)
        .listener(failing)
        .listener(alarms)
        .jmx(false)
        .build()) {
      monitor.sampleNow();
    }
    assertThat(alarms.all).extracting(HealthAlarm::gauge).containsExactly("ok");
  }

  @Test
  void sampleNow_unknownValue_isSkipped() {
    try (HealthMonitor monitor = HealthMonitor.newBuilder("unknown")
        .gauge("sometimes", () -> -1, 10)
        .jmx(false)
        .build()) {
      monitor.sampleNow();
      assertThat(monitor.gauges().get(0).getValue()).isEqualTo(-1);
      assertThat(monitor.gauges().get(0).getPeakPoints()).isZero();
    }
  }

  @Test
  void start_samplesOnItsOwnNamedDaemonThread_untilClosed() throws InterruptedException {
    CountDownLatch alarmed = new CountDownLatch(1);
    List<String> threads = new CopyOnWriteArrayList<>();
    HealthMonitor monitor = HealthMonitor.newBuilder("threaded")
        .interval(Duration.ofMillis(10))
        .gauge("full", () -> 99, 100)
        .jmx(false)
        .listener(new HealthListener() {
          @Override
          public void onHealthAlarm(HealthAlarm alarm) {
            threads.add(Thread.currentThread().getName() + (Thread.currentThread().isDaemon() ? " daemon" : ""));
            alarmed.countDown();
          }
        })
        .build();
    try (monitor) {
      monitor.start();
      assertThat(alarmed.await(30, TimeUnit.SECONDS)).as("alarm from the monitor's thread").isTrue();
    }
    assertThat(threads).containsExactly("lifecycle-health-threaded daemon");
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("lifecycle-health-threaded"));
  }

  @Test
  void close_whileAGaugeBlocks_interruptsItAndEnds() throws InterruptedException {
    CountDownLatch blocked = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    List<Boolean> interrupted = new CopyOnWriteArrayList<>();
    HealthMonitor monitor = HealthMonitor.newBuilder("blocked")
        .interval(Duration.ofMillis(5))
        .gauge("slow", () -> {
          blocked.countDown();
          try {
            never.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            interrupted.add(true);
            Thread.currentThread().interrupt();
          }
          return 1;
        }, () -> 10) // a limit supplier: the builder does not sample the gauge to check it
        .jmx(false)
        .build();
    monitor.start();
    assertThat(blocked.await(30, TimeUnit.SECONDS)).isTrue();
    monitor.close(); // waits its grace, then interrupts the blocked sample
    assertThat(interrupted).containsExactly(true);
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("lifecycle-health-blocked"));
  }

  @Test
  void start_registersMxBeansAndCloseUnregistersThem() throws Exception {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = new ObjectName("dev.lifecycle:type=HealthMonitor,name=\"jmx-test\",gauge=\"sessions\"");
    HealthMonitor monitor = HealthMonitor.newBuilder("jmx-test")
        .interval(Duration.ofHours(1))
        .gauge("sessions", () -> 80, 100)
        .build();
    try (monitor) {
      monitor.start();
      monitor.sampleNow();
      assertThat(server.getAttribute(name, "Value")).isEqualTo(80L);
      assertThat(server.getAttribute(name, "Limit")).isEqualTo(100L);
      assertThat(server.getAttribute(name, "Usage")).isEqualTo(0.8);
      assertThat(server.getAttribute(name, "WatermarkLevel")).isEqualTo("WARN");
      assertThat(server.getAttribute(name, "SecondsToLimit")).isEqualTo(-1L);
      HealthMonitor twin = HealthMonitor.newBuilder("jmx-test").gauge("sessions", () -> 1, 100).build();
      assertThatThrownBy(twin::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("cannot register the MXBean of gauge \"sessions\" of health monitor \"jmx-test\"")
          .hasMessageEndingWith("; give each monitor its own name, or turn JMX off with jmx(false)");
      twin.close();
    }
    assertThat(server.isRegistered(name)).isFalse();
  }

  @Test
  void alarm_isRecordedAsJfrEvent() throws Exception {
    Path file = dir.resolve("alarm.jfr");
    try (Recording recording = new Recording()) {
      recording.enable("dev.lifecycle.HealthAlarm");
      recording.start();
      try (HealthMonitor monitor = HealthMonitor.newBuilder("jfr-test")
          .gauge("handles", () -> 90, 100)
          .jmx(false)
          .build()) {
        monitor.sampleNow();
      }
      recording.stop();
      recording.dump(file);
    }
    List<RecordedEvent> events = new ArrayList<>();
    for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
      if (event.getEventType().getName().equals("dev.lifecycle.HealthAlarm")
          && event.getString("monitor").equals("jfr-test")) {
        events.add(event);
      }
    }
    assertThat(events).hasSize(1);
    RecordedEvent event = events.get(0);
    assertThat(event.getString("gauge")).isEqualTo("handles");
    assertThat(event.getString("kind")).isEqualTo("WATERMARK");
    assertThat(event.getString("level")).isEqualTo("CRITICAL");
    assertThat(event.getLong("value")).isEqualTo(90);
    assertThat(event.getLong("limit")).isEqualTo(100);
    assertThat(event.getLong("secondsToLimit")).isEqualTo(-1);
  }

  @Test
  void fileDescriptorsAndHeap_realGauges_reportFigures() {
    try (HealthMonitor monitor = HealthMonitor.newBuilder("real")
        .fileDescriptors(FileDescriptors.system())
        .heapAfterGc()
        .jmx(false)
        .build()) {
      monitor.sampleNow();
      HealthGaugeMXBean fd = monitor.gauges().get(0);
      HealthGaugeMXBean heap = monitor.gauges().get(1);
      assertThat(fd.getGauge()).isEqualTo("fd");
      assertThat(fd.getValue()).isPositive();
      assertThat(fd.getLimit()).isEqualTo(FileDescriptors.system().max().orElseThrow());
      assertThat(heap.getGauge()).isEqualTo("heap.afterGc");
      assertThat(heap.getValue()).isNotNegative();
      assertThat(heap.getLimit()).isEqualTo(Runtime.getRuntime().maxMemory());
    }
  }

  @Test
  void lifecycle_startTwiceOrUseAfterClose_isRejected() {
    HealthMonitor monitor = HealthMonitor.newBuilder("twice").gauge("g", () -> 1, 10).jmx(false).build();
    monitor.start();
    assertThatThrownBy(monitor::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("health monitor \"twice\" was already started; start it once");
    monitor.close();
    monitor.close(); // idempotent
    assertThatThrownBy(monitor::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("health monitor \"twice\" is closed; build a new one");
    assertThatThrownBy(monitor::sampleNow)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("health monitor \"twice\" is closed; build a new one");
  }

  @Test
  void builder_badInput_isRejectedWithTheValue() {
    assertThatThrownBy(() -> HealthMonitor.newBuilder(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("monitor name \" \" is blank; give a name that says what the process is");
    HealthMonitor.Builder b = HealthMonitor.newBuilder("bad");
    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("health monitor \"bad\" has no gauges; add fileDescriptors(...), heapAfterGc() or gauge(...)");
    assertThatThrownBy(() -> b.interval(Duration.ZERO))
        .hasMessage("interval PT0S is under 1 ms; give an interval such as Duration.ofSeconds(1)");
    assertThatThrownBy(() -> b.watermarks(0.9, 0.8))
        .hasMessage("watermarks warn 0.9 and critical 0.8 must satisfy 0 < warn < critical <= 1, e.g. 0.70 and 0.85");
    assertThatThrownBy(() -> b.watermarks(0, 0.8)).hasMessageStartingWith("watermarks warn 0.0 and critical 0.8");
    assertThatThrownBy(() -> b.hysteresis(-0.1))
        .hasMessage("hysteresis -0.1 is not in [0, 1); give a fraction of the limit, e.g. 0.05");
    assertThatThrownBy(() -> b.horizons(Duration.ofDays(1), Duration.ofDays(2)))
        .hasMessage("horizons warn PT24H and critical PT48H must satisfy 0 < critical < warn, e.g. 14 days and 2 days");
    assertThatThrownBy(() -> b.horizons(Duration.ofDays(1), Duration.ZERO))
        .hasMessageStartingWith("horizons warn PT24H and critical PT0S");
    assertThatThrownBy(() -> b.peakTrend(Duration.ofDays(1), 1))
        .hasMessage("peak trend of 1 periods of PT24H is too short; give at least 2 periods of at least 1 ms,"
            + " e.g. 28 days of daily peaks");
    assertThatThrownBy(() -> b.trustTrendFrom(1, 0.5)).hasMessageStartingWith("trend trust of 1 points and R² 0.5");
    assertThatThrownBy(() -> b.rawWindow(Duration.ofSeconds(-1)))
        .hasMessage("raw window PT-1S is not positive; give a window such as Duration.ofHours(1)");
    assertThatThrownBy(() -> b.gauge("zero", () -> 0, 0))
        .hasMessage("limit 0 of gauge \"zero\" is not positive; give the count it must stay under");
    assertThatThrownBy(() -> b.gauge("over", () -> 120, 100))
        .hasMessage("gauge \"over\" is at 120, already above its limit 100; give a limit above current usage");
    assertThatThrownBy(() -> b.gauge("", () -> 1, 100))
        .hasMessage("gauge name \"\" is blank; name what it counts");
    b.gauge("g", () -> 1, 100);
    assertThatThrownBy(() -> b.gauge("g", () -> 1, 100))
        .hasMessage("gauge \"g\" was already added to health monitor \"bad\"; give each gauge its own name");
    assertThatThrownBy(() -> b.fileDescriptors(FileDescriptors.from(FileDescriptors.Source.UNSUPPORTED)))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageEndingWith("; leave fileDescriptors() out where FileDescriptors.system().isSupported() is false");
    assertThatThrownBy(() -> b.rawWindow(Duration.ofMillis(5)).interval(Duration.ofSeconds(1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("raw window PT0.005S is shorter than the interval PT1S; give a window of several samples");
  }

  /** Open FDs of the chat outage: a daily cycle on a floor rising 50 a day, with noise. */
  static long outageFds(int hour, Random noise) {
    double day = hour / 24.0;
    double cycle = 600 * Math.max(0, Math.sin(2 * Math.PI * ((hour % 24) - 8) / 24.0));
    return Math.round(900 + 50 * day + cycle + noise.nextGaussian() * 30);
  }
}
