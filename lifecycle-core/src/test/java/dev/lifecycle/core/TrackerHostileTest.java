package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.core.Leaks.Collector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The tracker under hostile user code: raw resources and listeners that throw errors or block, a
 * clock past 2^31 milliseconds, dropped scopes with children, accounting kinds at every level.
 */
final class TrackerHostileTest {
  /** A wrapper over any raw resource, written as the {@link Tracked} javadoc shows. */
  @SuppressWarnings("try") // close() throws what the raw resource throws, as a real wrapper does
  static final class Wrapper implements AutoCloseable, TrackedResource {
    private final AutoCloseable raw;
    private final Tracked tracked;

    private Wrapper(ResourceKind kind, AutoCloseable raw) {
      this.raw = raw;
      this.tracked = kind.track(this, raw);
    }

    /** A static factory, as many wrappers have: "Opened at" must name its caller. */
    static Wrapper open(ResourceKind kind, AutoCloseable raw) {
      return new Wrapper(kind, raw);
    }

    @Override
    public Tracked tracked() {
      return tracked;
    }

    @Override
    public void close() throws Exception {
      if (tracked.close()) {
        raw.close();
      }
    }
  }

  @SuppressWarnings("DiscardedResource") // the leak under test
  private static void drop(ResourceKind kind, AutoCloseable raw) {
    Wrapper.open(kind, raw);
  }

  private static boolean threadAlive(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals(name) && t.isAlive());
  }

  @Test
  void leak_reclaimThrowsAssertionError_cleanerSurvivesAndLaterLeaksAreReported() throws Exception {
    Collector collector = new Collector();
    try (Tracker tracker =
        Tracker.newBuilder().name("hostile-error").level(DetectionLevel.FULL).listener(collector).build()) {
      ResourceKind kind = tracker.kind("hostile.Error");
      AtomicInteger closes = new AtomicInteger();
      drop(
          kind,
          () -> {
            closes.incrementAndGet();
            throw new AssertionError("close failed hard");
          });
      collector.awaitLeak();
      Leaks.gcUntil("the failing reclaim ran", () -> closes.get() == 1);

      AtomicInteger second = new AtomicInteger();
      drop(kind, second::incrementAndGet);
      collector.awaitLeak();
      Leaks.gcUntil("the second leak was reclaimed", () -> second.get() == 1);
      assertThat(threadAlive("lifecycle-cleaner-hostile-error")).isTrue();
    }
  }

  @Test
  void leak_listenerThrowsStackOverflowError_cleanerSurvivesAndNextListenerGetsIt() throws Exception {
    Collector collector = new Collector();
    AtomicInteger thrown = new AtomicInteger();
    try (Tracker tracker =
        Tracker.newBuilder()
            .name("hostile-listener")
            .level(DetectionLevel.FULL)
            .listener(
                new LifecycleListener() {
                  @Override
                  public void onLeak(LeakReport report) {
                    thrown.incrementAndGet();
                    throw new StackOverflowError("listener recursed");
                  }
                })
            .listener(collector)
            .build()) {
      ResourceKind kind = tracker.kind("hostile.Listener");
      drop(kind, () -> {});
      collector.awaitLeak();
      drop(kind, () -> {});
      collector.awaitLeak();
      assertThat(thrown).hasValue(2);
      assertThat(threadAlive("lifecycle-cleaner-hostile-listener")).isTrue();
    }
  }

  @SuppressWarnings("MustClose") // the leak under test
  private static void dropScopeOwning(Tracker tracker, AutoCloseable resource) {
    Scope.open("hostile", tracker).own(resource);
  }

  @Test
  void leak_droppedScopeWhoseResourceThrowsError_cleanerSurvives() throws Exception {
    Collector collector = new Collector();
    try (Tracker tracker =
        Tracker.newBuilder().name("hostile-scope").level(DetectionLevel.FULL).listener(collector).build()) {
      AtomicInteger closes = new AtomicInteger();
      dropScopeOwning(
          tracker,
          () -> {
            closes.incrementAndGet();
            throw new AssertionError("owned close failed hard");
          });
      collector.awaitLeak();
      Leaks.gcUntil("the scope's resource was closed", () -> closes.get() == 1);
      AtomicInteger second = new AtomicInteger();
      drop(tracker.kind("hostile.After"), second::incrementAndGet);
      assertThat(collector.awaitLeak().kind()).isEqualTo("hostile.After");
      assertThat(threadAlive("lifecycle-cleaner-hostile-scope")).isTrue();
    }
  }

  @SuppressWarnings("MustClose") // the leak under test
  private static void dropScopeWithChild(Tracker tracker, Probe a, Probe b) {
    Scope s = Scope.open("x", tracker);
    s.own(a);
    s.child("kid").own(b);
  }

  @Test
  void leak_droppedScopeWithChild_isReportedAndClosesBoth() throws Exception {
    Collector collector = new Collector();
    try (Tracker tracker =
        Tracker.newBuilder().name("hostile-child").level(DetectionLevel.FULL).listener(collector).build()) {
      List<String> journal = Probe.journal();
      Probe a = new Probe("a", journal);
      Probe b = new Probe("b", journal);
      dropScopeWithChild(tracker, a, b);

      LeakReport report = collector.awaitLeak();

      assertThat(report.description()).isEqualTo("x");
      Leaks.gcUntil("a and b closed", () -> a.closes.get() == 1 && b.closes.get() == 1);
      assertThat(journal).containsExactly("b", "a");
      assertThat(tracker.kind(Tracker.SCOPE_KIND).liveCount()).isZero();
    }
  }

  @Test
  void leak_reclaimBlocks_laterLeaksAreStillReported() throws Exception {
    Collector collector = new Collector();
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    try (Tracker tracker =
        Tracker.newBuilder().name("hostile-block").level(DetectionLevel.FULL).listener(collector).build()) {
      drop(
          tracker.kind("hostile.Blocking"),
          () -> {
            entered.countDown();
            assertThat(release.await(Leaks.DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
          });
      try {
        assertThat(collector.awaitLeak().kind()).isEqualTo("hostile.Blocking");
        assertThat(entered.await(Leaks.DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        drop(tracker.kind("hostile.Unrelated"), () -> {});
        assertThat(collector.awaitLeak().kind()).isEqualTo("hostile.Unrelated");
        assertThat(threadAlive("lifecycle-reclaim-hostile-block-1")).isTrue();
      } finally {
        release.countDown();
      }
    }
    Leaks.gcUntil("the reclaim thread stopped", () -> !threadAlive("lifecycle-reclaim-hostile-block-1"));
  }

  /** A nanoTime source that stands still until told to move. */
  static final class TestClock {
    final AtomicLong nanos = new AtomicLong(1_000);

    long read() {
      return nanos.get();
    }

    void advanceMillis(long millis) {
      nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
  }

  private static void awaitTick(Tracker tracker, long millis) throws InterruptedException {
    Leaks.gcUntil("tracker clock at " + millis + " ms", () -> tracker.nowMillis() >= millis);
  }

  @Test
  void leak_afterTickWrapsAt2Pow31Millis_sameSiteIsReportedAgain() throws Exception {
    Collector collector = new Collector();
    TestClock clock = new TestClock();
    try (Tracker tracker =
        Tracker.newBuilder()
            .name("hostile-wrap")
            .level(DetectionLevel.FULL)
            .siteReportInterval(Duration.ofMinutes(1))
            .nanoTime(clock::read)
            .listener(collector)
            .build()) {
      ResourceKind kind = tracker.kind("hostile.Wrap");
      long wrap = 1L << 31;
      clock.advanceMillis(wrap - 30_000);
      awaitTick(tracker, wrap - 30_000);
      for (int i = 0; i < 2; i++) {
        drop(kind, () -> {});
        LeakReport report = collector.awaitLeak();
        assertThat(report.kind()).isEqualTo("hostile.Wrap");
        long now = tracker.nowMillis();
        clock.advanceMillis(90_000); // past the wrap, and past the site's interval
        awaitTick(tracker, now + 90_000);
      }
    }
  }

  @Test
  @SuppressWarnings("try") // Wrapper.close() may throw InterruptedException
  void longHold_afterTickWrapsAt2Pow31Millis_isStillReported() throws Exception {
    Collector collector = new Collector();
    TestClock clock = new TestClock();
    try (Tracker tracker =
        Tracker.newBuilder()
            .name("hostile-wrap-hold")
            .level(DetectionLevel.FULL)
            .scanInterval(Duration.ofSeconds(1))
            .nanoTime(clock::read)
            .listener(collector)
            .build()) {
      ResourceKind kind = tracker.kind("hostile.Hold").holdThreshold(Duration.ofSeconds(1));
      long wrap = 1L << 31;
      clock.advanceMillis(wrap - 5_000);
      awaitTick(tracker, wrap - 5_000);
      try (Wrapper before = Wrapper.open(kind, () -> {})) {
        clock.advanceMillis(2_000);
        LongHoldReport report = collector.longHolds.poll(Leaks.DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(report).as("a long hold before the wrap").isNotNull();
        assertThat(report.resource().id()).isEqualTo(before.tracked().id());
      }
      clock.advanceMillis(5_000); // now past the wrap
      awaitTick(tracker, wrap + 2_000);
      try (Wrapper after = Wrapper.open(kind, () -> {})) {
        clock.advanceMillis(2_000);
        LongHoldReport report = collector.longHolds.poll(Leaks.DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(report).as("a long hold after the wrap").isNotNull();
        assertThat(report.resource().id()).isEqualTo(after.tracked().id());
      }
    }
  }

  @Test
  void leak_sameSiteThrice_laterReportSaysHowManyWereSuppressed() throws Exception {
    Collector collector = new Collector();
    TestClock clock = new TestClock();
    try (Tracker tracker =
        Tracker.newBuilder()
            .name("hostile-suppressed")
            .level(DetectionLevel.FULL)
            .siteReportInterval(Duration.ofMinutes(1))
            .nanoTime(clock::read)
            .listener(collector)
            .build()) {
      ResourceKind kind = tracker.kind("hostile.Thrice");
      for (int i = 0; i < 3; i++) {
        drop(kind, () -> {});
      }
      Leaks.gcUntil("three leaks found", () -> kind.leakCount() == 3);
      assertThat(collector.leaks).hasSize(1);
      assertThat(collector.leaks.remove().suppressed()).isZero();
      clock.advanceMillis(61_000);

      LeakReport later = collector.leaks.poll(Leaks.DEADLINE.toSeconds(), TimeUnit.SECONDS);

      assertThat(later).as("a report of the suppressed leaks once the site's interval is over").isNotNull();
      assertThat(later.suppressed()).isEqualTo(1);
      assertThat(later.summary()).contains(" 1 similar leak(s) suppressed since the last report.");
    }
  }

  @Test
  void leak_atFull_openedAtNamesTheCallerOfTheWrappersFactory() throws Exception {
    Collector collector = new Collector();
    try (Tracker tracker =
        Tracker.newBuilder().name("hostile-site").level(DetectionLevel.FULL).listener(collector).build()) {
      drop(tracker.kind("hostile.Site"), () -> {});
      LeakReport report = collector.awaitLeak();
      assertThat(report.summary())
          .contains(" Opened at dev.lifecycle.core.TrackerHostileTest.drop(TrackerHostileTest.java:");
    }
  }

  @Test
  void leak_atSampled_firstOfAKindHasItsAllocationStack() throws Exception {
    Collector collector = new Collector();
    try (Tracker tracker =
        Tracker.newBuilder()
            .name("hostile-sampled")
            .level(DetectionLevel.SAMPLED)
            .samplingInterval(1_000_000)
            .listener(collector)
            .build()) {
      drop(tracker.kind("hostile.Rare"), () -> {});
      LeakReport report = collector.awaitLeak();
      assertThat(report.summary())
          .contains(" Opened at dev.lifecycle.core.TrackerHostileTest.drop(")
          .doesNotContain("not sampled");
    }
  }

  @SuppressWarnings("DiscardedResource") // the leak under test
  private static void dropPermit(KeyedPermits<String> permits) {
    permits.tryAcquire("mx.example.org");
  }

  @Test
  void permit_droppedAtReportOnlyOrOff_isStillReleased() throws Exception {
    for (DetectionLevel level : List.of(DetectionLevel.SAMPLED, DetectionLevel.OFF)) {
      try (Tracker tracker =
          Tracker.newBuilder()
              .name("hostile-permits-" + level)
              .level(level)
              .reclaimPolicy(ReclaimPolicy.REPORT_ONLY)
              .build()) {
        KeyedPermits<String> permits =
            KeyedPermits.<String>newBuilder().perKeyLimit(1).tracker(tracker).build();
        dropPermit(permits);
        Leaks.gcUntil("the dropped permit released at " + level, () -> permits.inUse() == 0);
        assertThat(permits.audit().isClean()).isTrue();
        assertThat(tracker.kind("lifecycle.Permit").leakCount()).isEqualTo(1);
      }
    }
  }

  @Test
  void reclaimThreads_manyBlockedCloses_areBoundedAndLaterLeaksSaySkipped() throws Exception {
    Collector collector = new Collector();
    CountDownLatch release = new CountDownLatch(1);
    List<AutoCloseable> raws = new ArrayList<>();
    try (Tracker tracker =
        Tracker.newBuilder()
            .name("hostile-many")
            .level(DetectionLevel.SAMPLED)
            .siteReportInterval(Duration.ZERO)
            .maxReportsPerMinute(100_000)
            .listener(collector)
            .build()) {
      ResourceKind kind = tracker.kind("hostile.Many");
      int count = Tracker.RECLAIM_THREADS + Tracker.RECLAIM_QUEUE + 5;
      AtomicInteger entered = new AtomicInteger();
      for (int i = 0; i < count; i++) {
        AutoCloseable raw =
            () -> {
              entered.incrementAndGet();
              assertThat(release.await(Leaks.DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            };
        raws.add(raw);
        drop(kind, raw);
      }
      try {
        Leaks.gcUntil("every leak found", () -> kind.leakCount() == count);
        assertThat(entered.get()).isLessThanOrEqualTo(Tracker.RECLAIM_THREADS);
        assertThat(collector.leaks).anySatisfy(r -> assertThat(r.reclaimFailure()).startsWith("reclaim skipped: "));
      } finally {
        release.countDown();
      }
    }
    assertThat(raws).hasSize(Tracker.RECLAIM_THREADS + Tracker.RECLAIM_QUEUE + 5);
  }
}
