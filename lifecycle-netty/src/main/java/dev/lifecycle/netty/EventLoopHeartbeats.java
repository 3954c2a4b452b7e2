package dev.lifecycle.netty;

import dev.lifecycle.core.health.Watchdog;
import dev.lifecycle.core.internal.Require;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Heartbeats from every event loop of a group to a core {@link Watchdog}: each loop runs a tiny task
 * four times per deadline that beats its {@link Watchdog.Loop}, so a loop blocked by a handler (a
 * synchronous call, a lock, an endless loop) misses its deadline and is reported with its thread's
 * stack within the deadline plus one watchdog check, and the watchdog's {@code StallPolicy} acts.
 *
 * <pre>{@code
 * Watchdog watchdog = Watchdog.newBuilder("api").onStall(StallPolicy.exit(70)).build();
 * EventLoopHeartbeats beats = EventLoopHeartbeats.start(workers, watchdog, "worker", Duration.ofSeconds(3));
 * watchdog.start();
 * }</pre>
 *
 * <p>{@link #close()} stops the heartbeats and unregisters the loops; it is safe to call more than
 * once. Thread-safe.
 */
public final class EventLoopHeartbeats implements AutoCloseable {
  private final List<Watchdog.Loop> loops;
  private final List<ScheduledFuture<?>> beats;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EventLoopHeartbeats(List<Watchdog.Loop> loops, List<ScheduledFuture<?>> beats) {
    this.loops = List.copyOf(loops);
    this.beats = List.copyOf(beats);
  }

  /**
   * Registers each event loop of {@code group} with {@code watchdog} as {@code name-0}, {@code
   * name-1}, ... and starts its heartbeats.
   *
   * @return the heartbeats, which the caller owns and closes when the group shuts down
   * @throws IllegalArgumentException if a loop name is registered already or {@code deadline} is
   *     under a millisecond (see {@link Watchdog#register})
   */
  public static EventLoopHeartbeats start(
      EventExecutorGroup group, Watchdog watchdog, String name, Duration deadline) {
    Require.nonNull(group, "group");
    Require.nonNull(watchdog, "watchdog");
    Require.nonNull(name, "name");
    Require.positive(deadline, "deadline");
    long period = Math.max(TimeUnit.MILLISECONDS.toNanos(1), Require.saturatedNanos(deadline) / 4);
    List<Watchdog.Loop> loops = new ArrayList<>();
    List<ScheduledFuture<?>> beats = new ArrayList<>();
    try {
      int i = 0;
      for (EventExecutor executor : group) {
        Watchdog.Loop loop = watchdog.register(name + "-" + i++, deadline);
        loops.add(loop);
        beats.add(executor.scheduleAtFixedRate(loop::heartbeat, 0, period, TimeUnit.NANOSECONDS));
      }
    } catch (RuntimeException | Error e) {
      new EventLoopHeartbeats(loops, beats).close();
      throw e;
    }
    return new EventLoopHeartbeats(loops, beats);
  }

  /** How many event loops send heartbeats. */
  public int loops() {
    return loops.size();
  }

  /** Stops the heartbeats and unregisters the loops. Safe to call more than once. */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    for (ScheduledFuture<?> beat : beats) {
      beat.cancel(false);
    }
    for (Watchdog.Loop loop : loops) {
      loop.close();
    }
  }

  @Override
  public String toString() {
    return "EventLoopHeartbeats[" + loops.size() + " loops" + (closed.get() ? ", closed]" : "]");
  }
}
