package dev.lifecycle.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.core.Attribution;
import dev.lifecycle.core.LiveResource;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.RepeatedTest;

/**
 * The GC-dependent core of the leak check, repeated so that a flake would show: a resource dropped
 * under an attribution is found leaked (with its allocation line) within the deadline, every time.
 */
final class GcRepeatTest {
  @SuppressWarnings("DiscardedResource") // the leak under test
  private static void drop() {
    new Samples.Conn("db://repeat");
  }

  @RepeatedTest(200)
  void droppedUnderAttribution_isFoundLeaked_withItsLine() {
    List<LiveResource> leaked;
    try (Attribution attribution = Attribution.begin("repeat")) {
      drop();
      long deadline = System.nanoTime() + 10_000_000_000L;
      leaked = attribution.leaked();
      while (leaked.isEmpty() && System.nanoTime() - deadline < 0) {
        System.gc();
        LockSupport.parkNanos(5_000_000L); // between polls of the condition
        leaked = attribution.leaked();
      }
      assertThat(attribution.open()).isEmpty();
    }

    assertThat(leaked).singleElement().satisfies(r -> {
      assertThat(r.description()).isEqualTo("db://repeat");
      StackTraceElement line = Describe.caller(r.allocationSite());
      assertThat(line).isNotNull();
      assertThat(line.getClassName()).isEqualTo(GcRepeatTest.class.getName());
      assertThat(line.getMethodName()).isEqualTo("drop");
    });
  }
}
