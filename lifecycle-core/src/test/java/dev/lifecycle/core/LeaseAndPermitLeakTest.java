package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.core.Leaks.Collector;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * GC-driven: a lease or permit dropped without close is reported and released, and 100 000
 * distinct keys through a registry of capacity 100 and through permits leave the heap flat.
 */
@Isolated("judges the whole process: GC and retained heap")
final class LeaseAndPermitLeakTest {
  @SuppressWarnings("DiscardedResource") // the leak under test
  private static void dropLease(BoundedRegistry<String, RegistryValue> registry, RegistryValue value)
      throws InterruptedException {
    registry.acquire("tenant", key -> value);
  }

  @SuppressWarnings("DiscardedResource") // the leak under test
  private static void dropPermit(KeyedPermits<String> permits) {
    permits.tryAcquire("mx.example.org");
  }

  @Test
  void droppedLease_isReportedAndReleasedSoItsValueCanBeEvicted() throws Exception {
    Collector collector = new Collector();
    try (Tracker tracker =
            Tracker.newBuilder().name("lease-leak").level(DetectionLevel.FULL).listener(collector).build();
        BoundedRegistry<String, RegistryValue> registry =
            BoundedRegistry.newBuilder("leaky").capacity(1).tracker(tracker).build()) {
      RegistryValue value = new RegistryValue("tenant", 1, false, new AtomicInteger());
      dropLease(registry, value);
      assertThat(registry.stats().leased()).isEqualTo(1);

      LeakReport report = collector.awaitLeak();

      assertThat(report.kind()).isEqualTo("lifecycle.Lease");
      assertThat(report.reclaimed()).isTrue();
      assertThat(report.summary()).contains("LeaseAndPermitLeakTest.dropLease(");
      Leaks.gcUntil("the lease released", () -> registry.stats().leased() == 0);
      assertThat(registry.invalidate("tenant")).isTrue();
      assertThat(value.closes.get()).isEqualTo(1);
    }
  }

  @Test
  void droppedPermit_isReportedAndReleased() throws Exception {
    Collector collector = new Collector();
    try (Tracker tracker =
        Tracker.newBuilder().name("permit-leak").level(DetectionLevel.FULL).listener(collector).build()) {
      KeyedPermits<String> permits =
          KeyedPermits.<String>newBuilder().perKeyLimit(1).tracker(tracker).build();
      dropPermit(permits);
      assertThat(permits.inUse("mx.example.org")).isEqualTo(1);

      LeakReport report = collector.awaitLeak();

      assertThat(report.kind()).isEqualTo("lifecycle.Permit");
      assertThat(report.reclaimed()).isTrue();
      assertThat(report.summary()).contains("LeaseAndPermitLeakTest.dropPermit(");
      assertThat(report.description()).isEqualTo("key mx.example.org");
      assertThat(report.summary()).startsWith("LEAK lifecycle.Permit#").contains(" (key mx.example.org) ");
      Leaks.gcUntil("the permit released", () -> permits.inUse() == 0);
      assertThat(permits.keyCount()).isZero();
      assertThat(permits.audit().isClean()).isTrue();
    }
  }

  @Test
  void manyDistinctKeys_keepRetainedHeapFlat() throws Exception {
    AtomicInteger open = new AtomicInteger();
    KeyedPermits<String> permits =
        KeyedPermits.<String>newBuilder().perKeyLimit(2).globalLimit(100).build();
    try (BoundedRegistry<String, RegistryValue> registry =
        BoundedRegistry.newBuilder("many-keys").capacity(100).build()) {
      runKeys(registry, permits, open, 0, 10_000); // warm up: fill the registry, load the classes
      long before = retainedHeap();
      runKeys(registry, permits, open, 10_000, 100_000);
      long after = retainedHeap();

      assertThat(registry.size()).isEqualTo(100);
      assertThat(open.get()).isEqualTo(100);
      assertThat(permits.keyCount()).isZero();
      assertThat(permits.audit().isClean()).isTrue();
      // 90 000 keys kept would retain at least 90 000 x 1 KiB values, or ~10 MB of permit state
      assertThat(after - before).as("retained heap growth in bytes").isLessThan(4L << 20);
    }
  }

  private static void runKeys(
      BoundedRegistry<String, RegistryValue> registry,
      KeyedPermits<String> permits,
      AtomicInteger open,
      int from,
      int to)
      throws InterruptedException {
    for (int i = from; i < to; i++) {
      String key = "tenant-" + i;
      try (Permit permit = permits.acquire(key, Duration.ZERO);
          Lease<RegistryValue> lease =
              registry.acquire(key, k -> new BigValue(k, open))) {
        assertThat(permit.isOpen() && lease.isOpen()).isTrue();
      }
    }
  }

  /** A value that retains 1 KiB, so that keeping them would show. */
  private static final class BigValue extends RegistryValue {
    @SuppressWarnings("unused") // only retained
    private final byte[] payload = new byte[1024];

    BigValue(String key, AtomicInteger open) {
      super(key, 0, false, open);
    }
  }

  /** Used heap after full GCs, once it stops falling. */
  private static long retainedHeap() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long previous = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      long used = memory.getHeapMemoryUsage().getUsed();
      if (used >= previous) {
        return Math.min(used, previous);
      }
      previous = used;
      Leaks.gcUntil("one more GC", () -> true);
    }
    return previous;
  }
}
