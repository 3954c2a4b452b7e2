package dev.lifecycle.benchmarks;

import dev.lifecycle.core.health.Watchdog;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One heartbeat of a watched loop, next to what a hand-written liveness stamp costs: a volatile
 * write of {@code System.nanoTime()} ({@code AtomicLong.set}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class WatchdogBenchmark {
  private final Watchdog watchdog = Watchdog.newBuilder("bench").build();
  private final Watchdog.Loop loop = watchdog.register("loop", Duration.ofMinutes(1));
  private final AtomicLong stamp = new AtomicLong();

  /** Starts a real checking thread, so heartbeats race with checks as in production. */
  @Setup(Level.Trial)
  public void start() {
    watchdog.start();
  }

  /** Stops the checking thread. */
  @TearDown(Level.Trial)
  public void stop() {
    loop.close();
    watchdog.close();
  }

  /** One heartbeat. */
  @Benchmark
  public void heartbeat() {
    loop.heartbeat();
  }

  /** The peer: a volatile write of the time. */
  @Benchmark
  public void volatileStamp() {
    stamp.set(System.nanoTime());
  }
}
