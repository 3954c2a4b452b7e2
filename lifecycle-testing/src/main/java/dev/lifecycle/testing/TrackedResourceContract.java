package dev.lifecycle.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.core.LeakReport;
import dev.lifecycle.core.TrackedResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;

/**
 * The contract every tracked wrapper keeps, as a test to extend: closed exactly once across
 * threads, use after close fails saying when and by whom, a dropped one is reported and reclaimed,
 * and close failures surface.
 *
 * <pre>{@code
 * final class ConnectionContractTest extends TrackedResourceContract<Connection> {
 *   protected Connection open(TestTracker tracker) { return pool(tracker).connect(); }
 *   protected void use(Connection c) throws Exception { c.ping(); }
 *   protected String kind() { return "demo.Connection"; }
 *   protected long inUse() { return pool.openCount(); }
 * }
 * }</pre>
 *
 * <p>Each test gets a fresh {@link TestTracker} (level {@code FULL}, {@code CLOSE_AND_REPORT}); the
 * subclass builds its resources on it. The tests are GC-dependent where they must be, and wait with
 * a deadline.
 *
 * @param <R> the wrapper type
 */
// R is any AutoCloseable: its close() may declare Exception, InterruptedException included
@SuppressWarnings("try")
public abstract class TrackedResourceContract<R extends AutoCloseable & TrackedResource> {
  /** How long the GC-dependent tests wait for a leak report. */
  protected static final Duration DEADLINE = Duration.ofSeconds(30);

  private static final int THREADS = 8;

  private @Nullable TestTracker current;

  /** For subclasses. */
  protected TrackedResourceContract() {}

  /** Opens one resource tracked by {@code tracker}. */
  protected abstract R open(TestTracker tracker) throws Exception;

  /** Uses {@code resource} once; must throw {@link IllegalStateException} once it is closed. */
  protected abstract void use(R resource) throws Exception;

  /** The kind the resources are tracked as. */
  protected abstract String kind();

  /**
   * How many of the raw resources behind the resources opened so far are held (not released) now:
   * 1 after one open, 0 after its close; a second release would show as a wrong count.
   */
  protected abstract long inUse();

  /**
   * Makes the release of a resource fail and asserts that the failure surfaces (in an exception, a
   * report or an event); or, when releasing cannot fail for this type, calls {@link
   * Assumptions#abort(String)} saying why.
   */
  protected abstract void assertCloseFailureSurfaces(TestTracker tracker) throws Exception;

  /** The tracker of the current test. */
  protected final TestTracker tracker() {
    TestTracker tracker = current;
    if (tracker == null) {
      throw new IllegalStateException("the contract's tracker exists only while one of its tests runs");
    }
    return tracker;
  }

  @BeforeEach
  final void startTracker() {
    current = TestTracker.create();
  }

  @AfterEach
  final void stopTracker() {
    TestTracker tracker = current;
    current = null;
    if (tracker != null) {
      tracker.close();
    }
  }

  @Test
  void close_fromManyThreadsAtOnce_releasesExactlyOnce() throws Exception {
    R resource = open(tracker());
    assertThat(inUse()).isEqualTo(1);
    CountDownLatch start = new CountDownLatch(1);
    AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      Thread thread = new Thread(() -> {
        try {
          start.await();
          resource.close();
        } catch (Throwable t) { // any failure of close fails the test below
          failure.compareAndSet(null, t);
        }
      }, "closer-" + i);
      thread.start();
      threads.add(thread);
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(30));
      assertThat(thread.isAlive()).as("closer thread %s finished", thread.getName()).isFalse();
    }

    assertThat(failure.get()).isNull();
    assertThat(resource.tracked().isOpen()).isFalse();
    assertThat(inUse()).as("released exactly once").isZero();
    LifecycleAssertions.assertThat(tracker()).hasNoLiveResourcesOfKind(kind()).hasNoLeaks();
  }

  @Test
  void use_afterClose_failsSayingWhenAndByWhom() throws Exception {
    R resource = open(tracker());
    use(resource);
    Thread closer = new Thread(() -> {
      try {
        resource.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, "the-closer");
    closer.start();
    closer.join(TimeUnit.SECONDS.toMillis(30));

    assertThatThrownBy(() -> use(resource))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(kind() + "#")
        .hasMessageContaining("is closed: closed at ")
        .hasMessageContaining("by thread the-closer");
  }

  @Test
  void dropped_isReportedAndReclaimed() throws Exception {
    openAndDrop();
    assertThat(inUse()).isEqualTo(1);

    LeakReport report = tracker().awaitLeak(DEADLINE);

    LifecycleAssertions.assertThat(report).hasKind(kind()).wasReclaimed().wasOpenedIn(TrackedResourceContract.class, "openAndDrop");
    // The report comes first; the tracker's reclaim threads release what the resource held after it.
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (inUse() != 0 && System.nanoTime() - deadline < 0) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
    assertThat(inUse()).as("the tracker released what the dropped resource held").isZero();
  }

  @SuppressWarnings("DiscardedResource") // the leak under test
  private void openAndDrop() throws Exception {
    open(tracker());
  }

  @Test
  void closeFailure_surfaces() throws Exception {
    assertCloseFailureSurfaces(tracker());
  }
}
