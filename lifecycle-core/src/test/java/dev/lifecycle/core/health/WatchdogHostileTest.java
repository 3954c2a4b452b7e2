package dev.lifecycle.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The watchdog when its listeners, callbacks and notifier fail, and at its limits. */
final class WatchdogHostileTest {
  private static final long MS = 1_000_000;

  /** Throws {@link StackOverflowError} on every stall and recovery. */
  static final class Overflowing implements HealthListener {
    @Override
    public void onStall(StallReport stall) {
      throw new StackOverflowError("listener throws on purpose");
    }

    @Override
    public void onRecovery(StallRecovery recovery) {
      throw new AssertionError("listener throws on purpose");
    }
  }

  @Test
  void check_listenerThrowsStackOverflowError_policyRunsAndLaterListenersHearOfIt() {
    AtomicLong now = new AtomicLong();
    List<String> called = new CopyOnWriteArrayList<>();
    List<String> heard = new CopyOnWriteArrayList<>();
    Watchdog watchdog = Watchdog.newBuilder("hostile")
        .ticker(now::get)
        .listener(new Overflowing())
        .listener(new HealthListener() {
          @Override
          public void onStall(StallReport stall) {
            heard.add(stall.loop());
          }
        })
        .onStall(StallPolicy.callback(report -> called.add(report.loop())))
        .build();
    try (Watchdog.Loop loop = watchdog.register("worker", Duration.ofMillis(10))) {
      now.addAndGet(11 * MS);
      watchdog.check();
      assertThat(called).containsExactly("worker");
      assertThat(heard).containsExactly("worker");
      loop.heartbeat();
      watchdog.check(); // recovery: the listener's Error is logged too
      assertThat(loop.isStalled()).isFalse();
    }
  }

  @Test
  void check_callbackAndNotifierThrowErrors_checkingGoesOn() {
    AtomicLong now = new AtomicLong();
    AtomicLong notified = new AtomicLong();
    Watchdog watchdog = Watchdog.newBuilder("hostile")
        .ticker(now::get)
        .notifyWhileHealthy(() -> {
          notified.incrementAndGet();
          throw new InternalError("notifier throws on purpose");
        })
        .onStall(StallPolicy.callback(report -> {
          throw new StackOverflowError("callback throws on purpose");
        }))
        .build();
    try (Watchdog.Loop a = watchdog.register("a", Duration.ofMillis(10));
        Watchdog.Loop b = watchdog.register("b", Duration.ofMillis(10))) {
      watchdog.check();
      assertThat(notified).hasValue(1);
      now.addAndGet(11 * MS);
      watchdog.check();
      assertThat(a.isStalled()).isTrue();
      assertThat(b.isStalled()).isTrue();
    }
  }

  @Test
  void thread_listenerThrowsStackOverflowError_survivesAndReportsTheNextStall() throws Exception {
    AtomicLong now = new AtomicLong();
    BlockingQueue<String> called = new LinkedBlockingQueue<>();
    try (Watchdog watchdog = Watchdog.newBuilder("survivor")
        .ticker(now::get)
        .checkInterval(Duration.ofMillis(5))
        .listener(new Overflowing())
        .onStall(StallPolicy.callback(report -> called.add(report.loop())))
        .build()) {
      Watchdog.Loop first = watchdog.register("first", Duration.ofMillis(10));
      Watchdog.Loop second = watchdog.register("second", Duration.ofHours(1));
      watchdog.start();
      now.addAndGet(11 * MS);
      assertThat(called.poll(30, TimeUnit.SECONDS)).isEqualTo("first");
      now.addAndGet(Duration.ofHours(2).toNanos());
      assertThat(called.poll(30, TimeUnit.SECONDS)).as("the thread still checks").isEqualTo("second");
      first.close();
      second.close();
    }
  }

  @Test
  void check_loopClosedWhileACheckRuns_isNotReported() {
    AtomicLong now = new AtomicLong();
    List<String> called = new CopyOnWriteArrayList<>();
    AtomicReference<Watchdog.Loop> toClose = new AtomicReference<>();
    Watchdog watchdog = Watchdog.newBuilder("race")
        .ticker(now::get)
        .listener(new HealthListener() {
          @Override
          public void onStall(StallReport stall) {
            toClose.get().close(); // the other loop ends while this check is still running
          }
        })
        .onStall(StallPolicy.callback(report -> called.add(report.loop())))
        .build();
    try (Watchdog.Loop first = watchdog.register("first", Duration.ofMillis(10));
        Watchdog.Loop second = watchdog.register("second", Duration.ofMillis(10))) {
      toClose.set(second);
      now.addAndGet(11 * MS);
      watchdog.check();
      assertThat(called).containsExactly("first");
      assertThat(second.isStalled()).isFalse();
      assertThat(first.isStalled()).isTrue();
    }
  }

  @Test
  void builder_nulls_areRejectedAtOnceWithTheirName() {
    Watchdog.Builder builder = Watchdog.newBuilder("nulls");
    assertThatThrownBy(() -> Watchdog.newBuilder(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("watchdog name must not be null");
    assertThatThrownBy(() -> builder.onStall(null)).hasMessage("stall policy must not be null");
    assertThatThrownBy(() -> builder.listener(null)).hasMessage("listener must not be null");
    assertThatThrownBy(() -> builder.notifyWhileHealthy(null)).hasMessage("notifier must not be null");
    assertThatThrownBy(() -> builder.checkInterval(null)).hasMessage("check interval must not be null");
    assertThatThrownBy(() -> StallPolicy.callback(null)).hasMessage("callback must not be null");
    Watchdog watchdog = builder.build();
    assertThatThrownBy(() -> watchdog.register(null, Duration.ofSeconds(1))).hasMessage("loop name must not be null");
    assertThatThrownBy(() -> watchdog.register("x", null)).hasMessage("deadline must not be null");
  }

  @Test
  void register_foreverDeadlineAndInterval_saturateInsteadOfOverflowing() {
    AtomicLong now = new AtomicLong();
    List<String> called = new CopyOnWriteArrayList<>();
    Watchdog watchdog = Watchdog.newBuilder("forever")
        .ticker(now::get)
        .checkInterval(ChronoUnit.FOREVER.getDuration())
        .onStall(StallPolicy.callback(report -> called.add(report.loop())))
        .build();
    try (Watchdog.Loop loop = watchdog.register("patient", ChronoUnit.FOREVER.getDuration());
        Watchdog.Loop seconds = watchdog.register("seconds", Duration.ofSeconds(Long.MAX_VALUE))) {
      now.set(Long.MAX_VALUE);
      watchdog.check();
      assertThat(called).isEmpty();
      assertThat(loop.isStalled()).isFalse();
      assertThat(seconds.isStalled()).isFalse();
      assertThat(watchdog.toString()).startsWith("Watchdog[forever, 2 loops, StallPolicy[callback ");
    }
    try (Watchdog.Loop one = watchdog.register("one", Duration.ofSeconds(1))) {
      assertThat(one.name()).isEqualTo("one");
      assertThat(watchdog.toString()).startsWith("Watchdog[forever, 1 loop, StallPolicy[callback ");
    }
    watchdog.close();
  }
}
