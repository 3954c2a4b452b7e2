package dev.lifecycle.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Runs a child that drives its own workload for a while, updating the progress status meanwhile. */
final class SelfDriven {
  private SelfDriven() {}

  static void run(List<String> args, String maxHeap, Map<String, String> env, long durationMillis, RunRecord record,
      Scenario.Status status, Function<RunRecord, String> describe) throws Exception {
    try (ChildJvm child = ChildJvm.start(args, 0, maxHeap, env, record)) {
      if (!child.awaitReady(Duration.ofSeconds(30))) {
        if (record.skipped() == null) {
          record.skip("the run did not start: " + child.stderrTail());
        }
        return;
      }
      if (ChildJvm.canCountFds()) {
        child.sampleFds(Duration.ofMillis(200));
      }
      long deadline = System.nanoTime() + Duration.ofMillis(durationMillis).plusSeconds(60).toNanos();
      while (child.isAlive() && System.nanoTime() < deadline) {
        status.set(describe.apply(record));
        Thread.sleep(100);
      }
      if (!child.finish(Duration.ofSeconds(10))) {
        record.skip("failed: the run did not end in time: " + child.stderrTail());
      }
    }
  }
}
