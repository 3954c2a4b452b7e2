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
    ownAndRelease(scope, 1_000_000); // its array of resources dies with that frame
    scope.own(() -> {}); // still in use, still owning
    long used = usedAfterGc();
    scope.close();
    return used;
  }

  /**
   * Owns {@code count} resources, then releases them all. In a frame of its own: an interpreted
   * frame keeps a local array reachable until it returns, which would count a million resources
   * as retained by the scope.
   */
  private static void ownAndRelease(Scope scope, int count) {
    AutoCloseable[] resources = new AutoCloseable[count];
    for (int i = 0; i < resources.length; i++) {
      resources[i] = scope.own(new Nothing());
    }
    for (AutoCloseable resource : resources) {
      scope.release(resource);
    }
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
