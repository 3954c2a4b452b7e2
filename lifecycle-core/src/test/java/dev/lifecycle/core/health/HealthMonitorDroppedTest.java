package dev.lifecycle.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** Drives the garbage collector, so it runs alone. */
@Isolated
final class HealthMonitorDroppedTest {
  @Test
  void startedMonitor_droppedWithoutClose_stopsItsThreadAndUnregisters() throws Exception {
    ObjectName name = new ObjectName("dev.lifecycle:type=HealthMonitor,name=\"dropped\",gauge=\"g\"");
    CountDownLatch sampled = new CountDownLatch(1);
    startAndDrop(sampled);
    assertThat(sampled.await(30, TimeUnit.SECONDS)).as("the monitor sampled").isTrue();
    assertThat(ManagementFactory.getPlatformMBeanServer().isRegistered(name)).isTrue();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (threadAlive("lifecycle-health-dropped") && System.nanoTime() < deadline) {
      System.gc();
      Thread.onSpinWait();
    }
    assertThat(threadAlive("lifecycle-health-dropped")).as("thread of the dropped monitor").isFalse();
    assertThat(ManagementFactory.getPlatformMBeanServer().isRegistered(name)).isFalse();
  }

  @Test
  void listener_closingItsMonitorOnTheMonitorsThread_doesNotDeadlock() throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    HealthMonitor[] self = new HealthMonitor[1];
    HealthMonitor monitor = HealthMonitor.newBuilder("self-closing")
        .interval(Duration.ofMillis(5))
        .gauge("g", () -> 99, 100)
        .jmx(false)
        .listener(new HealthListener() {
          @Override
          public void onHealthAlarm(HealthAlarm alarm) {
            self[0].close();
            closed.countDown();
          }
        })
        .build();
    self[0] = monitor;
    monitor.start();
    assertThat(closed.await(30, TimeUnit.SECONDS)).isTrue();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (threadAlive("lifecycle-health-self-closing") && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(threadAlive("lifecycle-health-self-closing")).isFalse();
  }

  @SuppressWarnings("DiscardedResource") // the point: a started monitor nobody closes
  private static void startAndDrop(CountDownLatch sampled) {
    HealthMonitor.newBuilder("dropped")
        .interval(Duration.ofMillis(5))
        .gauge("g", () -> {
          sampled.countDown();
          return 1;
        }, 100)
        .build()
        .start();
  }

  private static boolean threadAlive(String name) {
    return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name));
  }
}
