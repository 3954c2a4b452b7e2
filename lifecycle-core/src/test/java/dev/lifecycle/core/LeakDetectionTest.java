package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.core.Leaks.Collector;
import dev.lifecycle.core.Leaks.TrackedFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** End to end: a wrapper dropped without close is found by the GC, reported and reclaimed. */
@Isolated("judges the whole process: GC, open file descriptors")
final class LeakDetectionTest {
  private static final String SECRET_URL =
      "jdbc:postgresql://admin:s3cret@db.example.org/orders?user=app&password=hunter2";

  @TempDir static Path dir;
  private static Path file;

  @BeforeAll
  static void createFile() throws IOException {
    file = Files.writeString(dir.resolve("data.txt"), "lifecycle", StandardCharsets.UTF_8);
    try (FileChannel warmUp = FileChannel.open(file)) {
      assertThat(warmUp.size()).isPositive(); // the JDK opens some descriptors once
    }
  }

  /** Opens a tracked file, drops the wrapper and returns the raw channel it owned. */
  @SuppressWarnings("DiscardedResource") // the leak under test
  private static FileChannel openAndDrop(ResourceKind kind, String description) throws IOException {
    return new TrackedFile(kind, file, description).channel();
  }

  @Test
  void leak_atFull_isReportedWithAllocationSiteAndFileIsReclaimed() throws Exception {
    Collector collector = new Collector();
    try (Tracker tracker =
        Tracker.newBuilder()
            .name("leak-full")
            .level(DetectionLevel.FULL)
            .defaultListeners() // the log line the README shows comes from here
            .listener(collector)
            .build()) {
      ResourceKind kind = tracker.kind("demo.File");
      long before = Leaks.openFileDescriptors();

      FileChannel raw = openAndDrop(kind, SECRET_URL);
      assertThat(Leaks.openFileDescriptors()).isEqualTo(before + 1);
      LeakReport report = collector.awaitLeak();

      assertThat(report.kind()).isEqualTo("demo.File");
      assertThat(report.reclaimed()).isTrue();
      Leaks.gcUntil("the file reclaimed", () -> !raw.isOpen());
      assertThat(Leaks.openFileDescriptors()).isEqualTo(before);
      assertThat(report.allocationSite().get(0).getClassName())
          .as("the stack starts at the caller of the wrapper's constructor")
          .isEqualTo(LeakDetectionTest.class.getName());
      assertThat(report.summary())
          .startsWith("LEAK " + report.id() + " (jdbc:postgresql://***@db.example.org/orders")
          .contains("password=***")
          .doesNotContain("s3cret")
          .doesNotContain("hunter2")
          .contains(
              ") was garbage-collected without close(); reclaimed. Opened at"
                  + " dev.lifecycle.core.LeakDetectionTest.openAndDrop(LeakDetectionTest.java:")
          .contains(" on thread " + Thread.currentThread().getName() + ", ");
      assertThat(report.toString()).contains("\n\tat dev.lifecycle.core.LeakDetectionTest.openAndDrop(");
      assertThat(kind.leakCount()).isEqualTo(1);
      assertThat(kind.liveCount()).isZero();
    }
  }

  @Test
  void leak_isRecordedAsJfrEvent(@TempDir Path jfrDir) throws Exception {
    Collector collector = new Collector();
    Path dump = jfrDir.resolve("leak.jfr");
    try (Recording recording = new Recording();
        Tracker tracker =
            Tracker.newBuilder()
                .name("leak-jfr")
                .level(DetectionLevel.FULL)
                .defaultListeners()
                .listener(collector)
                .build()) {
      recording.enable("dev.lifecycle.Leak");
      recording.start();
      FileChannel raw = openAndDrop(tracker.kind("demo.JfrFile"), "jfr");
      LeakReport report = collector.awaitLeak();
      recording.stop();
      recording.dump(dump);

      Leaks.gcUntil("the file reclaimed", () -> !raw.isOpen());
      assertThat(RecordingFile.readAllEvents(dump))
          .filteredOn(e -> e.getEventType().getName().equals("dev.lifecycle.Leak"))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.getString("resourceId")).isEqualTo(report.id());
                assertThat(e.getBoolean("reclaimed")).isTrue();
                assertThat(e.getString("allocationSite"))
                    .startsWith("dev.lifecycle.core.LeakDetectionTest.openAndDrop(");
              });
    }
  }

  @Test
  void leak_reportOnly_leavesRawResourceOpen() throws Exception {
    Collector collector = new Collector();
    try (Tracker tracker =
        Tracker.newBuilder()
            .name("leak-report-only")
            .level(DetectionLevel.FULL)
            .reclaimPolicy(ReclaimPolicy.REPORT_ONLY)
            .listener(collector)
            .build()) {
      FileChannel raw = openAndDrop(tracker.kind("demo.File"), "report only");
      try {
        LeakReport report = collector.awaitLeak();
        assertThat(report.reclaimed()).isFalse();
        assertThat(report.summary()).contains("; not reclaimed (policy REPORT_ONLY).");
        assertThat(raw.isOpen()).isTrue();
      } finally {
        raw.close();
      }
    }
  }

  @Test
  void leak_sampledAndNotSampled_isStillDetectedAndReclaimed() throws Exception {
    Collector collector = new Collector();
    AtomicInteger throwingListenerCalls = new AtomicInteger();
    try (Tracker tracker =
        Tracker.newBuilder()
            .name("leak-sampled")
            .level(DetectionLevel.SAMPLED)
            .samplingInterval(1_000_000)
            .listener(
                new LifecycleListener() {
                  @Override
                  public void onLeak(LeakReport report) {
                    throwingListenerCalls.incrementAndGet();
                    throw new IllegalStateException("a broken listener");
                  }
                })
            .listener(collector)
            .build()) {
      ResourceKind kind = tracker.kind("demo.File");
      for (int i = 0; i < ResourceKind.FIRST_SAMPLES; i++) {
        new TrackedFile(kind, file, "sampled: among the kind's first").close();
      }
      long before = Leaks.openFileDescriptors();
      FileChannel raw = openAndDrop(kind, "unsampled");

      LeakReport report = collector.awaitLeak();

      assertThat(report.allocationSite()).isEmpty();
      assertThat(report.summary())
          .endsWith(
              " Allocation stack not sampled: run with -Dlifecycle.leakDetection.level=FULL to see"
                  + " where every resource is opened.");
      Leaks.gcUntil("the file reclaimed", () -> !raw.isOpen());
      assertThat(Leaks.openFileDescriptors()).isEqualTo(before);
      assertThat(throwingListenerCalls).hasValue(1);
    }
  }

  @Test
  void leak_atParanoid_listsAccessRecords() throws Exception {
    Collector collector = new Collector();
    try (Tracker tracker =
        Tracker.newBuilder()
            .name("leak-paranoid")
            .level(DetectionLevel.PARANOID)
            .maxAccessRecords(2)
            .listener(collector)
            .build()) {
      touchThreeTimesAndDrop(tracker.kind("demo.File"));
      LeakReport report = collector.awaitLeak();
      assertThat(report.accessRecords())
          .hasSize(3)
          .first()
          .isEqualTo("(1 older record(s) dropped)");
      assertThat(report.accessRecords().get(1))
          .startsWith("size() on thread " + Thread.currentThread().getName() + " at ")
          .contains("Leaks$TrackedFile.size(");
    }
  }

  @SuppressWarnings("DiscardedResource") // the leak under test
  private static void touchThreeTimesAndDrop(ResourceKind kind) throws IOException {
    TrackedFile leaked = new TrackedFile(kind, file, null);
    for (int i = 0; i < 3; i++) {
      assertThat(leaked.size()).isPositive();
    }
  }

  @Test
  void leak_sameSiteTwice_isReportedOnceAndCounted() throws Exception {
    Collector collector = new Collector();
    try (Tracker tracker =
        Tracker.newBuilder()
            .name("leak-dedup")
            .level(DetectionLevel.FULL)
            .siteReportInterval(Duration.ofHours(1))
            .listener(collector)
            .build()) {
      ResourceKind kind = tracker.kind("demo.File");
      List<FileChannel> raws = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        raws.add(openAndDrop(kind, "same site"));
      }
      Leaks.gcUntil("both leaks found", () -> kind.leakCount() == 2);
      assertThat(collector.leaks).hasSize(1);
      assertThat(raws).noneMatch(FileChannel::isOpen);
      assertThat(tracker.suppressedReportCount()).isEqualTo(1);
    }
  }

  @Test
  void leak_droppedScope_isReportedAndClosesWhatItOwned() throws Exception {
    Collector collector = new Collector();
    try (Tracker tracker =
        Tracker.newBuilder().name("leak-scope").level(DetectionLevel.FULL).listener(collector).build()) {
      Probe owned = new Probe("owned", Probe.journal());
      openScopeAndDrop(tracker, owned);

      LeakReport report = collector.awaitLeak();

      assertThat(report.kind()).isEqualTo("lifecycle.Scope");
      assertThat(report.description()).isEqualTo("GET /orders/42");
      assertThat(report.reclaimed()).isTrue();
      Leaks.gcUntil("the owned probe closed", () -> owned.closes.get() == 1);
    }
  }

  private static void openScopeAndDrop(Tracker tracker, Probe owned) {
    Scope.open("GET /orders/42", tracker).own(owned);
  }

  @Test
  void closedWrapper_droppedLater_isNotALeak() throws Exception {
    Collector collector = new Collector();
    try (Tracker tracker =
        Tracker.newBuilder().name("no-leak").level(DetectionLevel.FULL).listener(collector).build()) {
      ResourceKind closedKind = tracker.kind("demo.Closed");
      new TrackedFile(closedKind, file, null).close();
      FileChannel raw = openAndDrop(tracker.kind("demo.File"), "sentinel");

      LeakReport sentinel = collector.awaitLeak();

      Leaks.gcUntil("the sentinel reclaimed", () -> !raw.isOpen());
      assertThat(sentinel.kind()).isEqualTo("demo.File");
      assertThat(closedKind.leakCount()).isZero();
      assertThat(closedKind.liveCount()).isZero();
    }
  }
}
