package dev.lifecycle.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.lifecycle.core.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Leaky and clean classes run at the same time, under JUnit's parallel execution: only the leaky
 * tests fail, each naming its own resources.
 */
@Isolated("runs its own parallel engine; counts resources opened while it runs")
final class ParallelIsolationTest {
  /** Every sample test waits here until all of them are running, so they truly overlap. */
  static final CountDownLatch ALL_RUNNING = new CountDownLatch(6);

  static final List<Samples.Conn> HELD = new ArrayList<>();

  static void overlap() throws InterruptedException {
    ALL_RUNNING.countDown();
    ALL_RUNNING.await(20, TimeUnit.SECONDS);
  }

  @LeakChecked(fileDescriptors = false, grace = "PT0.3S")
  static final class LeakyA {
    @Test
    void leaks() throws InterruptedException {
      synchronized (HELD) {
        HELD.add(new Samples.Conn("db://leaky-a"));
      }
      overlap();
    }
  }

  @LeakChecked(fileDescriptors = false, grace = "PT0.3S")
  static final class LeakyB {
    @Test
    void leaksFromAThreadItStarts() throws InterruptedException {
      Thread worker = new Thread(() -> {
        synchronized (HELD) {
          HELD.add(new Samples.Conn("db://leaky-b-worker"));
        }
      }, "leaky-b-worker");
      worker.start();
      worker.join();
      overlap();
    }
  }

  @LeakChecked(fileDescriptors = false)
  static final class CleanA {
    @Test
    void closes() throws InterruptedException {
      try (Scope scope = Scope.open("clean-a")) {
        scope.own(new Samples.Conn("db://clean-a"));
        overlap();
      }
    }
  }

  @LeakChecked(fileDescriptors = false)
  static final class CleanB {
    @Test
    void closesToo() throws InterruptedException {
      overlap();
      new Samples.Conn("db://clean-b").close();
    }
  }

  @LeakChecked(fileDescriptors = false)
  static final class CleanC {
    @Test
    void opensNothing() throws InterruptedException {
      overlap();
    }
  }

  @LeakChecked(fileDescriptors = false)
  static final class CleanD {
    @Test
    void joinsItsThread() throws InterruptedException {
      Thread thread = new Thread(() -> new Samples.Conn("db://clean-d").close(), "clean-d");
      thread.start();
      thread.join();
      overlap();
    }
  }

  @AfterAll
  static void release() {
    HELD.forEach(Samples.Conn::close);
    HELD.clear();
  }

  @Test
  void parallelRun_blamesOnlyTheLeakyTests_forTheirOwnResources() {
    Events events =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
            .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
            .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
            .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
            .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "6")
            .selectors(
                selectClass(LeakyA.class),
                selectClass(CleanA.class),
                selectClass(LeakyB.class),
                selectClass(CleanB.class),
                selectClass(CleanC.class),
                selectClass(CleanD.class))
            .execute()
            .testEvents();

    assertThat(events.succeeded().stream().map(ParallelIsolationTest::testClass))
        .containsExactlyInAnyOrder("CleanA", "CleanB", "CleanC", "CleanD");
    List<Event> failed = events.failed().list();
    assertThat(failed).extracting(ParallelIsolationTest::testClass).containsExactlyInAnyOrder("LeakyA", "LeakyB");
    for (Event event : failed) {
      String message = LeakCheckExtensionTest.message(event);
      if (testClass(event).equals("LeakyA")) {
        assertThat(message).contains("db://leaky-a").doesNotContain("leaky-b", "clean-");
      } else {
        assertThat(message).contains("db://leaky-b-worker", "opened on thread leaky-b-worker")
            .doesNotContain("leaky-a", "clean-");
      }
    }
  }

  private static String testClass(Event event) {
    return event.getTestDescriptor().getUniqueId().getSegments().get(1).getValue()
        .replaceAll(".*\\$", "");
  }
}
