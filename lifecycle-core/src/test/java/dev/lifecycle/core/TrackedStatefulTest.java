package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.proptest.Gen;
import dev.lifecycle.proptest.Stateful;
import java.util.ArrayList;
import java.util.List;
import dev.lifecycle.core.internal.UserCode;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of open, close (twice as often as not), use and drop of tracked wrappers against
 * a model, with hostile user code: raw resources whose close throws an {@link AssertionError} or a
 * {@link StackOverflowError}, blocks for a while, or re-enters the library (tracks and closes
 * another resource, takes a snapshot); listeners that throw errors. After every step the raw
 * resource is released exactly once, use after close fails, the live inventory (count, snapshot,
 * oldest age) matches what is open and the tracker's thread is alive; at the end every dropped
 * wrapper was found, reported to the well-behaved listener and reclaimed exactly once.
 */
final class TrackedStatefulTest {
  private static final AtomicInteger REPORTS = new AtomicInteger();
  private static final Tracker TRACKER =
      Tracker.newBuilder()
          .name("tracked-stateful")
          .level(DetectionLevel.SAMPLED)
          .samplingInterval(4)
          .siteReportInterval(Duration.ZERO)
          .maxReportsPerMinute(1_000_000)
          .listener(
              new LifecycleListener() {
                @Override
                public void onLeak(LeakReport report) {
                  throw new AssertionError("a listener that fails hard");
                }
              })
          .listener(
              new LifecycleListener() {
                @Override
                public void onLeak(LeakReport report) {
                  throw new StackOverflowError("a listener that recursed");
                }
              })
          .listener(
              new LifecycleListener() {
                @Override
                public void onLeak(LeakReport report) {
                  if (report.kind().equals(DROPPED_KIND)) {
                    REPORTS.incrementAndGet();
                  }
                }
              })
          .build();
  private static final AtomicInteger KINDS = new AtomicInteger();

  /** The kind of dropped wrappers: apart, so that each try's live counts stay exact. */
  private static final String DROPPED_KIND = "prop.Dropped";

  /** Raw close counters of every dropped wrapper, of every try. */
  private static final List<AtomicInteger> DROPPED = new CopyOnWriteArrayList<>();

  @AfterAll
  static void stopTracker() throws InterruptedException {
    try {
      Leaks.gcUntil(
          "every dropped wrapper found and reclaimed",
          () -> DROPPED.stream().allMatch(c -> c.get() >= 1) && REPORTS.get() >= DROPPED.size());
      assertThat(DROPPED).allSatisfy(c -> assertThat(c).as("reclaims of a dropped wrapper").hasValue(1));
      assertThat(REPORTS).hasValue(DROPPED.size());
    } finally {
      TRACKER.close();
    }
  }

  /** What a raw resource does wrong when closed (after counting the close). */
  enum Fault {
    NONE,
    THROWS_ASSERTION_ERROR,
    THROWS_STACK_OVERFLOW,
    BLOCKS,
    REENTERS
  }

  /** A raw resource: counts its closes, then does its fault. */
  static final class Raw implements AutoCloseable {
    final AtomicInteger closes = new AtomicInteger();
    final Fault fault;
    final ResourceKind kind;

    Raw(Fault fault, ResourceKind kind) {
      this.fault = fault;
      this.kind = kind;
    }

    @Override
    public void close() {
      closes.incrementAndGet();
      switch (fault) {
        case THROWS_ASSERTION_ERROR -> throw new AssertionError("raw close failed hard");
        case THROWS_STACK_OVERFLOW -> throw new StackOverflowError("raw close recursed");
        case BLOCKS -> {
          long until = System.nanoTime() + 2_000_000; // a slow close, bounded: 2 ms
          while (System.nanoTime() < until) {
            LockSupport.parkNanos(until - System.nanoTime());
          }
        }
        case REENTERS -> {
          new Wrapper(TRACKER.kind("prop.Reentered"), new Raw(Fault.NONE, kind)).close();
          assertThat(TRACKER.snapshot()).isNotNull();
        }
        case NONE -> {}
      }
    }
  }

  static final class Wrapper implements AutoCloseable {
    final Raw raw;
    final Tracked tracked;

    Wrapper(ResourceKind kind, Raw raw) {
      this.raw = raw;
      this.tracked = kind.track(this, raw);
    }

    @Override
    public void close() {
      if (tracked.close()) {
        Throwable failure = UserCode.close(raw);
        if (failure != null && raw.fault == Fault.NONE) {
          throw new AssertionError("a well-behaved raw resource failed", failure);
        }
      }
    }
  }

  private static boolean cleanerAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("lifecycle-cleaner-tracked-stateful") && t.isAlive());
  }

  @SuppressWarnings("DiscardedResource") // the leak under test
  private static AtomicInteger openAndDrop(ResourceKind kind, Fault fault) {
    Raw raw = new Raw(fault, kind);
    new Wrapper(kind, raw);
    return raw.closes;
  }

  /** The wrappers of one try, of a kind of their own; closing it closes them all. */
  static final class Wrappers implements AutoCloseable {
    final ResourceKind kind = TRACKER.kind("prop.Kind" + KINDS.incrementAndGet());
    final List<Wrapper> all = new ArrayList<>();

    @Override
    public void close() {
      all.forEach(Wrapper::close);
      assertThat(kind.liveCount()).isZero();
    }
  }

  @Test
  void tracked_releasesOnceAndInventoryMatchesWhatIsOpen() {
    Stateful.<List<Boolean>, Wrappers>of(ArrayList::new, Wrappers::new)
        .action(
            "open",
            Gen.enumValues(Fault.class),
            (open, w, fault) -> {
              w.all.add(new Wrapper(w.kind, new Raw(fault, w.kind)));
              open.add(true);
            })
        .action(
            "drop",
            open -> DROPPED.size() < 200, // bounded: each one costs a GC to find
            (open, w) ->
                DROPPED.add(
                    openAndDrop(
                        TRACKER.kind(DROPPED_KIND), Fault.values()[DROPPED.size() % Fault.values().length])))
        .action(
            "close",
            open -> !open.isEmpty(),
            open -> Gen.ints(0, open.size() - 1),
            (open, w, i) -> {
              w.all.get(i).close();
              open.set(i, false);
              assertThat(w.all.get(i).raw.closes).hasValue(1);
            })
        .action(
            "use",
            open -> !open.isEmpty(),
            open -> Gen.ints(0, open.size() - 1),
            (open, w, i) -> {
              Tracked tracked = w.all.get(i).tracked;
              if (open.get(i)) {
                tracked.checkOpen();
              } else {
                assertThatThrownBy(tracked::checkOpen)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith(tracked.id() + " is closed: closed at ");
              }
            })
        .invariant(
            "live count",
            (open, w) ->
                assertThat(w.kind.liveCount()).isEqualTo(open.stream().filter(o -> o).count()))
        .invariant(
            "snapshot",
            (open, w) ->
                assertThat(TRACKER.snapshot().ofKind(w.kind.name()))
                    .extracting(LiveResource::id)
                    .containsExactlyInAnyOrderElementsOf(openIds(open, w)))
        .invariant(
            "oldest age",
            (open, w) -> assertThat(w.kind.oldestAge().isPresent()).isEqualTo(open.contains(true)))
        .invariant("the tracker's thread is alive", (open, w) -> assertThat(cleanerAlive()).isTrue())
        .tries(200)
        .maxSteps(40)
        .check();
  }

  private static List<String> openIds(List<Boolean> open, Wrappers w) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < open.size(); i++) {
      if (open.get(i)) {
        ids.add(w.all.get(i).tracked.id());
      }
    }
    return ids;
  }
}
