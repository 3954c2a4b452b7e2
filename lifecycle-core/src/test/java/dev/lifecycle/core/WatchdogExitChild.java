package dev.lifecycle.core;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The child JVM of {@link WatchdogTest#exitPolicy_stalledLoop_endsTheProcessWithTheCode}: a loop
 * that stalls for good under a watchdog that exits with code 42.
 */
final class WatchdogExitChild {
  private WatchdogExitChild() {}

  public static void main(String[] args) throws InterruptedException {
    Watchdog watchdog = Watchdog.newBuilder("child")
        .checkInterval(Duration.ofMillis(20))
        .onStall(StallPolicy.exit(42))
        .build();
    Watchdog.Loop loop = watchdog.register("main-loop", Duration.ofMillis(200));
    watchdog.start();
    loop.heartbeat();
    new CountDownLatch(1).await(); // the stall: never counted down, so the watchdog must end us
  }
}
