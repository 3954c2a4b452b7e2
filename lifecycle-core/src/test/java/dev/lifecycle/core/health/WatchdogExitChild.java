package dev.lifecycle.core.health;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The child JVM of {@link WatchdogTest#exitPolicy_stalledLoop_endsTheProcessWithTheCode}: a loop
 * that stalls for good under a watchdog that exits with code 42. With the argument {@code
 * hostile-listener}, the watchdog's only listener throws {@link StackOverflowError} on every stall,
 * and the exit must happen all the same.
 */
final class WatchdogExitChild {
  private WatchdogExitChild() {}

  public static void main(String[] args) throws InterruptedException {
    Watchdog.Builder builder = Watchdog.newBuilder("child")
        .checkInterval(Duration.ofMillis(20))
        .onStall(StallPolicy.exit(42));
    if (args.length > 0 && args[0].equals("hostile-listener")) {
      builder.listener(new HealthListener() {
        @Override
        public void onStall(StallReport stall) {
          throw new StackOverflowError("listener throws on purpose");
        }
      });
    }
    Watchdog watchdog = builder.build();
    Watchdog.Loop loop = watchdog.register("main-loop", Duration.ofMillis(200));
    watchdog.start();
    loop.heartbeat();
    new CountDownLatch(1).await(); // the stall: never counted down, so the watchdog must end us
  }
}
