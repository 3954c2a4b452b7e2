package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many threads owning, releasing and closing into shared scopes while the scopes close. */
final class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int PER_THREAD = 2_000;

  /** A tracked wrapper whose raw resource counts its closes. */
  static final class Counted implements AutoCloseable, TrackedResource {
    final AtomicInteger closes = new AtomicInteger();
    private final Tracked tracked;

    Counted(ResourceKind kind) {
      this.tracked = kind.track(this, closes::incrementAndGet);
    }

    @Override
    public Tracked tracked() {
      return tracked;
    }

    @Override
    public void close() {
      if (tracked.close()) {
        closes.incrementAndGet();
      }
    }
  }

  @Test
  void ownReleaseAndClose_fromManyThreads_closeEachResourceExactlyOnce() throws Exception {
    try (Tracker tracker =
        Tracker.newBuilder().name("concurrency").level(DetectionLevel.SAMPLED).build()) {
      ResourceKind kind = tracker.kind("demo.Counted");
      List<Scope> scopes = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        scopes.add(Scope.open("shared-" + i, tracker));
      }
      ConcurrentLinkedQueue<Counted> all = new ConcurrentLinkedQueue<>();
      AtomicInteger refused = new AtomicInteger();
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService executor = Executors.newFixedThreadPool(THREADS + 1);
      try {
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          work.add(
              executor.submit(
                  () -> {
                    start.await();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < PER_THREAD; i++) {
                      Counted resource = new Counted(kind);
                      all.add(resource);
                      Scope scope = scopes.get(random.nextInt(scopes.size()));
                      try {
                        scope.own(resource);
                      } catch (IllegalStateException closed) {
                        refused.incrementAndGet();
                        continue;
                      }
                      if (random.nextInt(4) == 0) {
                        try {
                          scope.release(resource).close();
                        } catch (IllegalStateException closedMeanwhile) {
                          // the scope closed it first
                        }
                      }
                    }
                    return null;
                  }));
        }
        work.add(
            executor.submit(
                () -> {
                  start.await();
                  for (Scope scope : scopes.subList(0, 2)) {
                    while (scope.size() < 100 && !Thread.currentThread().isInterrupted()) {
                      Thread.onSpinWait(); // let it own something first
                    }
                    scope.close();
                  }
                  return null;
                }));
        start.countDown();
        for (Future<?> future : work) {
          future.get(60, TimeUnit.SECONDS);
        }
      } finally {
        executor.shutdownNow();
      }
      scopes.forEach(Scope::close);

      assertThat(all).hasSize(THREADS * PER_THREAD);
      assertThat(all).allSatisfy(resource -> assertThat(resource.closes).hasValue(1));
      assertThat(kind.liveCount()).isZero();
      assertThat(tracker.kind(Tracker.SCOPE_KIND).liveCount()).isZero();
    }
  }
}
