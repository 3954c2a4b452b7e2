package dev.lifecycle.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.core.health.HealthListener;
import dev.lifecycle.core.health.StallRecovery;
import dev.lifecycle.core.health.StallReport;
import dev.lifecycle.core.health.Watchdog;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class EventLoopHeartbeatsTest {
  private final List<StallReport> stalls = new CopyOnWriteArrayList<>();
  private final List<StallRecovery> recoveries = new CopyOnWriteArrayList<>();

  static void blockedHandler(CountDownLatch release) throws InterruptedException {
    assertThat(release.await(20, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void blockedEventLoop_isReportedWithItsStackAndRecovers() throws Exception {
    EventLoopGroup group = Transport.NIO.group(2);
    Watchdog watchdog = Watchdog.newBuilder("netty test")
        .checkInterval(Duration.ofMillis(50))
        .listener(new HealthListener() {
          @Override
          public void onStall(StallReport stall) {
            stalls.add(stall);
          }

          @Override
          public void onRecovery(StallRecovery recovery) {
            recoveries.add(recovery);
          }
        })
        .build();
    CountDownLatch release = new CountDownLatch(1);
    try (watchdog;
        EventLoopHeartbeats beats =
            EventLoopHeartbeats.start(group, watchdog, "worker", Duration.ofMillis(500))) {
      watchdog.start();
      assertThat(beats.loops()).isEqualTo(2);
      group.next().execute(() -> {
        try {
          blockedHandler(release);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      Sockets.await("stall of the blocked loop reported", () -> stalls.stream().anyMatch(
          stall -> stall.stack().stream().anyMatch(f -> f.getMethodName().equals("blockedHandler"))));
      assertThat(stalls).allMatch(stall -> stall.loop().startsWith("worker-"));
      release.countDown();
      Sockets.await("recovery reported", () -> !recoveries.isEmpty());
      assertThat(watchdog.allHealthy()).isTrue();
    } finally {
      release.countDown();
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
    }
  }
}
