package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.proptest.Gen;
import dev.lifecycle.proptest.Stateful;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of open, close (twice as often as not) and use of tracked wrappers against a
 * model: the raw resource is released exactly once, use after close fails, and the live inventory
 * (count, snapshot, oldest age) always matches what is open.
 */
final class TrackedStatefulTest {
  private static final Tracker TRACKER =
      Tracker.newBuilder().name("tracked-stateful").level(DetectionLevel.SAMPLED).samplingInterval(4).build();
  private static final AtomicInteger KINDS = new AtomicInteger();

  @AfterAll
  static void stopTracker() {
    TRACKER.close();
  }

  static final class Wrapper implements AutoCloseable {
    final AtomicInteger rawCloses = new AtomicInteger();
    final Tracked tracked;

    Wrapper(ResourceKind kind) {
      this.tracked = kind.track(this, rawCloses::incrementAndGet);
    }

    @Override
    public void close() {
      if (tracked.close()) {
        rawCloses.incrementAndGet();
      }
    }
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
            (open, w) -> {
              w.all.add(new Wrapper(w.kind));
              open.add(true);
            })
        .action(
            "close",
            open -> !open.isEmpty(),
            open -> Gen.ints(0, open.size() - 1),
            (open, w, i) -> {
              w.all.get(i).close();
              open.set(i, false);
              assertThat(w.all.get(i).rawCloses).hasValue(1);
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
