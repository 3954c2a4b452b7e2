package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** A long-lived scope's memory follows what it owns now, not what it ever owned. */
@Isolated("judges the retained heap of the whole process")
final class ScopeRetentionTest {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private static long usedAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** A resource that holds nothing. */
  private static final class Nothing implements AutoCloseable {
    @Override
    public void close() {}
  }

  /** Churns a scope, measures the heap while it lives, closes it; the scope dies with this frame. */
  private static long usedWithChurnedScope(Tracker tracker) {
    Scope scope = Scope.open("long-lived", tracker);
    AutoCloseable[] resources = new AutoCloseable[1_000_000];
    for (int i = 0; i < resources.length; i++) {
      resources[i] = scope.own(new Nothing());
    }
    for (AutoCloseable resource : resources) {
      scope.release(resource);
    }
    scope.own(() -> {}); // still in use, still owning
    long used = usedAfterGc();
    scope.close();
    return used;
  }

  @Test
  void ownThenRelease_aMillionTimes_retainsLessThanOneMebibyte() {
    try (Tracker tracker = Tracker.newBuilder().name("retention").level(DetectionLevel.SAMPLED).build()) {
      long withScope = usedWithChurnedScope(tracker);
      long withoutScope = usedAfterGc();
      assertThat(withScope - withoutScope)
          .as("bytes retained by a scope that owns one resource")
          .isLessThan(1L << 20);
    }
  }
}
