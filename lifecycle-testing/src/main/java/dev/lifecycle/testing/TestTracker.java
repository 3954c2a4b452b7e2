package dev.lifecycle.testing;

import dev.lifecycle.core.DetectionLevel;
import dev.lifecycle.core.LeakReport;
import dev.lifecycle.core.ReclaimPolicy;
import dev.lifecycle.core.ResourceKind;
import dev.lifecycle.core.Tracker;
import java.time.Duration;
import java.util.List;

/**
 * A tracker of a test's own, at level {@code FULL} (every allocation stack), that records its
 * reports: {@code try (TestTracker t = TestTracker.create()) { ... t.awaitLeak(); }}.
 *
 * <p>Reports are not de-duplicated per site (a test that leaks the same line twice hears of both).
 * Thread-safe. {@link #close()} stops the tracker; it is idempotent.
 */
public final class TestTracker implements AutoCloseable {
  /** How long {@link #awaitLeak()} waits by default. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

  private final Tracker tracker;
  private final RecordingListener listener = new RecordingListener();

  private TestTracker(DetectionLevel level, ReclaimPolicy policy) {
    this.tracker =
        Tracker.newBuilder()
            .name("test")
            .level(level)
            .reclaimPolicy(policy)
            .siteReportInterval(Duration.ZERO)
            .maxReportsPerMinute(Integer.MAX_VALUE)
            .listener(listener)
            .build();
  }

  /** A started tracker at {@code FULL} that closes what leaks ({@code CLOSE_AND_REPORT}). */
  public static TestTracker create() {
    return new TestTracker(DetectionLevel.FULL, ReclaimPolicy.CLOSE_AND_REPORT);
  }

  /** A started tracker at {@code level} with {@code policy}. */
  public static TestTracker create(DetectionLevel level, ReclaimPolicy policy) {
    return new TestTracker(level, policy);
  }

  /** The tracker, to hand to the code under test ({@code Scope.open(name, tracker())}, builders). */
  public Tracker tracker() {
    return tracker;
  }

  /** Shorthand for {@code tracker().kind(name)}. */
  public ResourceKind kind(String name) {
    return tracker.kind(name);
  }

  /** What this tracker's listener recorded. */
  public RecordingListener events() {
    return listener;
  }

  /** Every leak reported so far, oldest first. */
  public List<LeakReport> leaks() {
    return listener.leaks();
  }

  /** Runs the GC until the next leak is reported, for up to {@link #DEFAULT_DEADLINE}. */
  public LeakReport awaitLeak() throws InterruptedException {
    return listener.awaitLeak(DEFAULT_DEADLINE);
  }

  /** Runs the GC until the next leak is reported, for up to {@code deadline}. */
  public LeakReport awaitLeak(Duration deadline) throws InterruptedException {
    return listener.awaitLeak(deadline);
  }

  /** Stops the tracker; resources it tracks stay usable. Idempotent. */
  @Override
  public void close() {
    tracker.close();
  }

  @Override
  public String toString() {
    return "TestTracker[" + tracker.level() + ", " + listener + "]";
  }
}
