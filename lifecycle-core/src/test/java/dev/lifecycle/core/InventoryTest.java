package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.core.Leaks.Collector;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live inventory: counts, snapshots, long holds, the MXBean and the JFR events. */
final class InventoryTest {
  /** A tracked wrapper over nothing. */
  static final class Thing implements AutoCloseable, TrackedResource {
    private final Tracked tracked;

    Thing(ResourceKind kind, String description) {
      this.tracked = kind.track(this, () -> {}, description);
    }

    @Override
    public Tracked tracked() {
      return tracked;
    }

    @Override
    public void close() {
      tracked.close();
    }
  }

  @Test
  void snapshot_listsEachLiveResourceWithOwnerThreadAndSite() {
    try (Tracker tracker = Tracker.newBuilder().name("snapshot").level(DetectionLevel.FULL).build();
        Scope scope = Scope.open("GET /orders/42", tracker)) {
      ResourceKind kind = tracker.kind("demo.Connection");
      Thing older = scope.own(new Thing(kind, "https://bob:pw@db.example.org/x"));
      Thing newer = new Thing(kind, "second");

      Snapshot snapshot = tracker.snapshot();

      assertThat(snapshot.ofKind("demo.Connection")).hasSize(2);
      LiveResource first = snapshot.ofKind("demo.Connection").get(0);
      assertThat(first.id()).isEqualTo(older.tracked().id());
      assertThat(first.owner()).isEqualTo("GET /orders/42");
      assertThat(first.description()).isEqualTo("https://***@db.example.org/x");
      assertThat(first.thread()).isEqualTo(Thread.currentThread().getName());
      assertThat(Texts.callerFrame(first.allocationSite()).getMethodName())
          .isEqualTo("snapshot_listsEachLiveResourceWithOwnerThreadAndSite");
      assertThat(snapshot.toString())
          .startsWith(snapshot.resources().size() + " open tracked resource(s) at ")
          .contains(
              "\n  "
                  + older.tracked().id()
                  + " (https://***@db.example.org/x; owner: scope \"GET /orders/42\") open for ")
          .contains("\n\t\tat dev.lifecycle.core.InventoryTest.snapshot_listsEachLiveResource");
      newer.close();
      assertThat(tracker.snapshot().ofKind("demo.Connection")).hasSize(1);
    }
  }

  @Test
  void snapshot_atOff_isEmpty() {
    try (Tracker tracker = Tracker.newBuilder().name("off").level(DetectionLevel.OFF).build()) {
      Thing thing = new Thing(tracker.kind("demo.Off"), "x");
      assertThat(tracker.snapshot().resources()).isEmpty();
      assertThat(tracker.liveCount()).isZero();
      thing.close();
    }
  }

  @Test
  void longHold_isReportedOncePerResource() throws Exception {
    Collector collector = new Collector();
    try (Tracker tracker =
        Tracker.newBuilder()
            .name("long-hold")
            .level(DetectionLevel.FULL)
            .scanInterval(Duration.ofMillis(20))
            .listener(collector)
            .build()) {
      ResourceKind kind = tracker.kind("demo.Held").holdThreshold(Duration.ofMillis(100));
      try (Thing held = new Thing(kind, "held")) {
        LongHoldReport report = collector.longHolds.poll(30, TimeUnit.SECONDS);

        assertThat(report).isNotNull();
        assertThat(report.resource().id()).isEqualTo(held.tracked().id());
        assertThat(report.resource().age()).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(report.summary())
            .startsWith("LONG HOLD " + held.tracked().id() + " (held) open for ")
            .endsWith(
                "; the threshold for demo.Held is 100 ms. Close it, or raise the threshold if this"
                    + " is expected.");
        assertThat(collector.longHolds.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(kind.longHoldCount()).isEqualTo(1);
      }
    }
  }

  @Test
  void mxBean_exposesCountsPerKind() throws Exception {
    try (Tracker tracker = Tracker.newBuilder().name("mx").level(DetectionLevel.SAMPLED).build()) {
      ResourceKind kind = tracker.kind("demo.Counted");
      List<Thing> things = List.of(new Thing(kind, "a"), new Thing(kind, "b"), new Thing(kind, "c"));
      LifecycleMXBean bean = tracker.mxBean();

      assertThat(bean.getLevel()).isEqualTo("SAMPLED");
      assertThat(bean.getLiveCount()).isEqualTo(3);
      assertThat(bean.getLiveCountByKind()).containsEntry("demo.Counted", 3L);
      assertThat(bean.getOldestAgeMillisByKind()).containsKey("demo.Counted");
      assertThat(bean.getLeakCountByKind()).containsEntry("demo.Counted", 0L);
      assertThat(bean.snapshot()).startsWith("3 open tracked resource(s) at ");
      things.forEach(Thing::close);
      assertThat(bean.getLiveCount()).isZero();
    }
  }

  @Test
  void globalTracker_registersItsMXBean() throws Exception {
    Tracker global = Tracker.global();
    ObjectName name = new ObjectName("dev.lifecycle:type=Tracker,name=\"global\"");
    Object level = ManagementFactory.getPlatformMBeanServer().getAttribute(name, "Level");
    assertThat(level).isEqualTo(global.level().name());
    Object live = ManagementFactory.getPlatformMBeanServer().getAttribute(name, "LiveCountByKind");
    assertThat(live).isNotNull();
  }

  @Test
  void jfr_recordsLongHoldEvent(@TempDir Path dir) throws Exception {
    Collector collector = new Collector();
    Path dump = dir.resolve("lifecycle.jfr");
    try (Recording recording = new Recording();
        Tracker tracker =
            Tracker.newBuilder()
                .name("jfr")
                .level(DetectionLevel.FULL)
                .scanInterval(Duration.ofMillis(20))
                .defaultListeners()
                .listener(collector)
                .build()) {
      recording.enable("dev.lifecycle.LongHold");
      recording.enable("dev.lifecycle.Leak");
      recording.start();
      ResourceKind kind = tracker.kind("demo.Jfr").holdThreshold(Duration.ofMillis(50));
      try (Thing held = new Thing(kind, "jfr")) {
        assertThat(collector.longHolds.poll(30, TimeUnit.SECONDS)).isNotNull();
        recording.stop();
        recording.dump(dump);
        List<RecordedEvent> events = RecordingFile.readAllEvents(dump);
        assertThat(events)
            .filteredOn(e -> e.getEventType().getName().equals("dev.lifecycle.LongHold"))
            .singleElement()
            .satisfies(
                e -> {
                  assertThat(e.getString("kind")).isEqualTo("demo.Jfr");
                  assertThat(e.getString("resourceId")).isEqualTo(held.tracked().id());
                  assertThat(e.getString("allocationSite")).contains("jfr_recordsLongHoldEvent");
                });
      }
    }
  }

  @Test
  void systemProperties_configureTheTracker() {
    java.util.Properties properties = new java.util.Properties();
    properties.putAll(
        Map.of(
            Tracker.Builder.LEVEL, "paranoid",
            Tracker.Builder.SAMPLING_INTERVAL, "16",
            Tracker.Builder.RECLAIM, "REPORT_ONLY"));
    try (Tracker tracker = Tracker.newBuilder().name("props").configure(properties).build()) {
      assertThat(tracker.level()).isEqualTo(DetectionLevel.PARANOID);
      assertThat(tracker.samplingInterval()).isEqualTo(16);
      assertThat(tracker.reclaimPolicy()).isEqualTo(ReclaimPolicy.REPORT_ONLY);
    }
  }

  @Test
  void systemProperties_badValue_namesPropertyAndValue() {
    java.util.Properties properties = new java.util.Properties();
    properties.setProperty(Tracker.Builder.LEVEL, "LOUD");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Tracker.newBuilder().configure(properties))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "system property lifecycle.leakDetection.level is \"LOUD\"; expected one of [OFF,"
                + " SAMPLED, FULL, PARANOID]");
    properties.setProperty(Tracker.Builder.LEVEL, "FULL");
    properties.setProperty(Tracker.Builder.SAMPLING_INTERVAL, "often");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Tracker.newBuilder().configure(properties))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "system property lifecycle.leakDetection.samplingInterval is \"often\"; expected a"
                + " whole number");
    properties.setProperty(Tracker.Builder.SAMPLING_INTERVAL, "0");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Tracker.newBuilder().configure(properties))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "system property lifecycle.leakDetection.samplingInterval is 0; expected at least 1");
  }

  @Test
  void globalTracker_cannotBeClosed() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Tracker.global().close())
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage(
            "the global tracker lives as long as the process and cannot be closed; close only"
                + " trackers built with Tracker.newBuilder()");
  }
}
