package dev.lifecycle.testing;

import dev.lifecycle.core.LeakReport;
import dev.lifecycle.core.LifecycleListener;
import dev.lifecycle.core.LongHoldReport;
import dev.lifecycle.core.RegistryEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A listener that records what it receives, with waits that run the GC and give up at a deadline:
 * the "tracker that counts leaks" set-up of a leak test in one object.
 *
 * <pre>{@code
 * RecordingListener events = new RecordingListener();
 * tracker.addListener(events);
 * dropAConnection();
 * LeakReport report = events.awaitLeak(Duration.ofSeconds(30));
 * }</pre>
 *
 * <p>Thread-safe: events arrive on the tracker's and registries' threads.
 */
public final class RecordingListener implements LifecycleListener {
  private static final long POLL_MILLIS = 20;

  private final BlockingQueue<LeakReport> pending = new LinkedBlockingQueue<>();
  private final List<LeakReport> leaks = new CopyOnWriteArrayList<>();
  private final List<LongHoldReport> longHolds = new CopyOnWriteArrayList<>();
  private final List<RegistryEvent> registryEvents = new CopyOnWriteArrayList<>();

  /** A listener that has recorded nothing yet. */
  public RecordingListener() {}

  @Override
  public void onLeak(LeakReport report) {
    leaks.add(report);
    pending.add(report);
  }

  @Override
  public void onLongHold(LongHoldReport report) {
    longHolds.add(report);
  }

  @Override
  public void onValueCreated(RegistryEvent event) {
    registryEvents.add(event);
  }

  @Override
  public void onEviction(RegistryEvent event) {
    registryEvents.add(event);
  }

  @Override
  public void onValueClosed(RegistryEvent event) {
    registryEvents.add(event);
  }

  @Override
  public void onCloseFailed(RegistryEvent event) {
    registryEvents.add(event);
  }

  /** Every leak report so far, oldest first. */
  public List<LeakReport> leaks() {
    return List.copyOf(leaks);
  }

  /** Every long-hold report so far, oldest first. */
  public List<LongHoldReport> longHolds() {
    return List.copyOf(longHolds);
  }

  /** Every registry event so far (created, evicted, closed, close failed), oldest first. */
  public List<RegistryEvent> registryEvents() {
    return List.copyOf(registryEvents);
  }

  /**
   * Runs the GC until the next leak report not yet returned by an await arrives, and returns it.
   * The tracker reports a leak before its reclaim threads close the raw resource: to check the
   * reclaim (a count given back, a socket closed), wait for that too.
   *
   * @throws AssertionError if none arrives within {@code deadline}
   * @throws InterruptedException if interrupted while waiting
   */
  public LeakReport awaitLeak(Duration deadline) throws InterruptedException {
    return awaitLeaks(1, deadline).get(0);
  }

  /**
   * Runs the GC until {@code count} more leak reports arrived, and returns them, oldest first.
   *
   * @throws AssertionError if they do not arrive within {@code deadline}, saying how many did
   * @throws InterruptedException if interrupted while waiting
   */
  public List<LeakReport> awaitLeaks(int count, Duration deadline) throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    List<LeakReport> got = new ArrayList<>(count);
    while (got.size() < count) {
      LeakReport report = pending.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
      if (report != null) {
        got.add(report);
        continue;
      }
      if (System.nanoTime() - end > 0) {
        throw new AssertionError(
            got.size() + " of " + count + " expected leak report(s) arrived within " + deadline
                + "; is the resource still reachable (a field, a list, a lambda)?");
      }
      System.gc();
    }
    return got;
  }

  @Override
  public String toString() {
    return "RecordingListener[" + leaks.size() + " leak(s), " + longHolds.size() + " long hold(s), "
        + registryEvents.size() + " registry event(s)]";
  }
}
