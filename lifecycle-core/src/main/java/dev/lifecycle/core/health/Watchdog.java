package dev.lifecycle.core.health;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.lifecycle.core.internal.PeriodicThread;
import dev.lifecycle.core.internal.Require;
import dev.lifecycle.core.internal.UserCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Finds loops that stopped moving. A loop that must keep turning (an accept loop, an event loop, a
 * queue consumer) {@link #register registers} with a deadline and sends a {@link Loop#heartbeat
 * heartbeat} on every turn; a loop silent for longer than its deadline is reported stalled, once
 * per stall, with the stack of the thread that sent its last heartbeat (and every thread's stack
 * when {@link Builder#dumpAllThreads} is on). When it beats again, its recovery is reported. A stall
 * is found within the loop's deadline plus one check interval.
 *
 * <p>Reports are logged to the {@code System.Logger} named {@code dev.lifecycle.health} (ERROR for a
 * stall, INFO for a recovery), committed as the JFR event {@code dev.lifecycle.Stall} and given to
 * each {@link HealthListener}; then the {@link StallPolicy} acts: nothing more, a callback, or the
 * end of the process with an exit code so that a supervisor restarts it. The policy acts even when
 * a listener fails in any way ({@link StackOverflowError} included): each failure is logged and
 * the watchdog's thread goes on checking. A loop closed before a check finds it stalled is never
 * reported.
 *
 * <p><b>systemd.</b> {@link Builder#notifyWhileHealthy} runs a notifier once per check, only while
 * every loop is healthy: the place for systemd's {@code WATCHDOG=1}, so that systemd restarts a
 * process whose loops hang even though its JVM is alive. The JDK cannot send it by itself: the
 * notification is a datagram to the UNIX socket named by {@code NOTIFY_SOCKET}, and the JDK's
 * UNIX-domain channels (Java 16+) are stream sockets only ({@code
 * DatagramChannel.open(StandardProtocolFamily.UNIX)} throws {@code UnsupportedOperationException} on
 * Java 17 and still on 25). lifecycle-netty's {@code SystemdNotify} sends it through Netty's epoll
 * transport (which has UNIX datagram channels); {@link #systemdWatchdogTimeout} reads the timeout
 * systemd asks for.
 *
 * <p>{@link #start} starts one daemon thread named {@code lifecycle-watchdog-<name>}; {@link
 * #close} stops it. Thread-safe; {@link Loop#heartbeat} is two volatile writes.
 */
public final class Watchdog implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.lifecycle.health");
  private static final int NEW = 0;
  private static final int STARTED = 1;
  private static final int CLOSED = 2;
  private static final Duration EXIT_GRACE = Duration.ofSeconds(10);

  private final String name;
  private final StallPolicy policy;
  private final List<HealthListener> listeners;
  private final boolean dumpAllThreads;
  private final @Nullable Runnable notifier;
  private final LongSupplier ticker;
  private final PeriodicThread thread;
  private final CopyOnWriteArrayList<Loop> loops = new CopyOnWriteArrayList<>();
  private final AtomicInteger state = new AtomicInteger(NEW);

  private Watchdog(Builder builder) {
    this.name = builder.name;
    this.policy = builder.policy;
    this.listeners = List.copyOf(builder.listeners);
    this.dumpAllThreads = builder.dumpAllThreads;
    this.notifier = builder.notifier;
    this.ticker = builder.ticker;
    this.thread =
        new PeriodicThread(
            "lifecycle-watchdog-" + name,
            builder.interval,
            () -> {
              check();
              return state.get() != CLOSED;
            });
  }

  /**
   * A builder of a watchdog named {@code name}.
   *
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static Builder newBuilder(String name) {
    Require.nonNull(name, "watchdog name");
    Require.argument(
        !name.isBlank(), "watchdog name \"%s\" is blank; give a name that says what it watches", name);
    return new Builder(name);
  }

  /**
   * The watchdog timeout systemd asks for: {@code WATCHDOG_USEC} when it is set for this process
   * ({@code WATCHDOG_PID} absent or equal to this process's id). Send {@code WATCHDOG=1} at least
   * twice per timeout.
   */
  public static Optional<Duration> systemdWatchdogTimeout() {
    return systemdWatchdogTimeout(System.getenv(), ProcessHandle.current().pid());
  }

  static Optional<Duration> systemdWatchdogTimeout(Map<String, String> env, long pid) {
    String usec = env.get("WATCHDOG_USEC");
    String forPid = env.get("WATCHDOG_PID");
    if (usec == null || (forPid != null && !forPid.trim().equals(Long.toString(pid)))) {
      return Optional.empty();
    }
    try {
      long micros = Long.parseLong(usec.trim());
      return micros > 0 ? Optional.of(Duration.ofNanos(Math.multiplyExact(micros, 1000L))) : Optional.empty();
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  /** This watchdog's name. */
  public String name() {
    return name;
  }

  /**
   * Registers a loop that will send a heartbeat at least once per {@code deadline}. Its clock
   * starts now, on the calling thread (the thread reported until the first heartbeat).
   *
   * @return the loop, which the caller owns: close it when the loop ends for good
   * @throws IllegalArgumentException if {@code name} is blank or registered already, or {@code
   *     deadline} is under a millisecond; a deadline longer than about 292 years (such as {@code
   *     ChronoUnit.FOREVER.getDuration()}) is that long
   * @throws IllegalStateException if the watchdog is closed
   */
  public Loop register(String name, Duration deadline) {
    Require.nonNull(name, "loop name");
    Require.nonNull(deadline, "deadline");
    Require.state(state.get() != CLOSED, "watchdog \"%s\" is closed; build a new one", this.name);
    Require.argument(!name.isBlank(), "loop name \"%s\" is blank; name the loop", name);
    Require.argument(
        Require.saturatedNanos(deadline) >= 1_000_000,
        "deadline %s of loop \"%s\" is under 1 ms; give the longest a healthy turn of the loop may"
            + " take, e.g. Duration.ofSeconds(3)",
        deadline,
        name);
    Loop loop = new Loop(this, name, deadline);
    synchronized (loops) {
      for (Loop other : loops) {
        Require.argument(
            !other.name.equals(name),
            "loop \"%s\" is already registered with watchdog \"%s\"; give each loop its own name,"
                + " or close the old one first",
            name,
            this.name);
      }
      loops.add(loop);
    }
    return loop;
  }

  /**
   * Starts checking on this watchdog's thread.
   *
   * @throws IllegalStateException if it was started before or is closed
   */
  public void start() {
    if (!state.compareAndSet(NEW, STARTED)) {
      throw new IllegalStateException(
          state.get() == STARTED
              ? "watchdog \"" + name + "\" was already started; start it once"
              : "watchdog \"" + name + "\" is closed; build a new one");
    }
    thread.start();
  }

  /** Whether no registered loop is stalled now (as of the latest check). */
  public boolean allHealthy() {
    for (Loop loop : loops) {
      if (loop.stalled) {
        return false;
      }
    }
    return true;
  }

  /** Stops checking. Safe to call more than once; later calls do nothing. */
  @Override
  public void close() {
    if (state.getAndSet(CLOSED) != CLOSED && !thread.stop(Duration.ofSeconds(5))) {
      LOG.log(
          System.Logger.Level.WARNING,
          "lifecycle: watchdog \"" + name + "\" thread did not stop within 5 s");
    }
  }

  @Override
  public String toString() {
    int count = loops.size();
    return "Watchdog[" + name + ", " + count + (count == 1 ? " loop, " : " loops, ") + policy + "]";
  }

  /** One check of every loop, as the watchdog's thread runs it each interval. */
  void check() {
    long now = ticker.getAsLong();
    boolean healthy = true;
    for (Loop loop : loops) {
      if (loop.closed) {
        continue; // closed since the list was read (by a listener, say): not watched any more
      }
      long beat = loop.lastBeat;
      if (loop.stalled) {
        if (beat != loop.stallBeat) {
          loop.stalled = false;
          recovered(loop, Duration.ofNanos(now - loop.stallBeat));
        } else {
          healthy = false;
        }
      } else if (now - beat > loop.deadlineNanos && loop.claimStall(beat)) {
        healthy = false;
        stalled(loop, Duration.ofNanos(now - beat));
      }
    }
    Runnable notify = notifier;
    if (healthy && notify != null && state.get() != CLOSED) {
      UserCode.runLogged("notifier " + notify.getClass().getName() + " of watchdog \"" + name + "\"", notify::run);
    }
  }

  /** Reports a stall, then lets the policy act: whatever the reporting does, the policy runs. */
  private void stalled(Loop loop, Duration silentFor) {
    Thread stalledThread = loop.thread;
    Map<String, List<StackTraceElement>> all = new LinkedHashMap<>();
    if (dumpAllThreads) {
      for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
        all.put(e.getKey().getName() + " #" + e.getKey().getId(), Arrays.asList(e.getValue()));
      }
    }
    StallReport report =
        new StallReport(name, loop.name, stalledThread.getName(), loop.deadline, silentFor,
            Arrays.asList(stalledThread.getStackTrace()), all, Instant.now());
    try {
      UserCode.runLogged(
          "reporting the stall of loop \"" + loop.name + "\" of watchdog \"" + name + "\"",
          () -> {
            LOG.log(System.Logger.Level.ERROR, "lifecycle: " + report.message() + allThreadsText(all));
            StallEvent.commit(report);
          });
      UserCode.fanOut(listeners, "stall " + loop.name, listener -> listener.onStall(report));
    } finally {
      act(report);
    }
  }

  private void act(StallReport report) {
    switch (policy.kind) {
      case REPORT -> {}
      case CALLBACK ->
          UserCode.runLogged(
              "stall callback of watchdog \"" + name + "\"",
              () -> Objects.requireNonNull(policy.callback).accept(report));
      case EXIT -> exit(policy.exitCode, report);
    }
  }

  private void exit(int code, StallReport report) {
    UserCode.runLogged(
        "logging the exit of watchdog \"" + name + "\"",
        () ->
            LOG.log(
                System.Logger.Level.ERROR,
                "lifecycle: watchdog \"" + name + "\" ends the process with exit code " + code
                    + " because loop \"" + report.loop() + "\" stalled"));
    Thread exiter = new Thread(() -> System.exit(code), "lifecycle-watchdog-exit");
    exiter.setDaemon(true);
    exiter.start();
    try {
      exiter.join(EXIT_GRACE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // halting anyway: the process must end
    }
    Runtime.getRuntime().halt(code);
  }

  private void recovered(Loop loop, Duration stalledFor) {
    StallRecovery recovery = new StallRecovery(name, loop.name, stalledFor, Instant.now());
    UserCode.runLogged(
        "reporting the recovery of loop \"" + loop.name + "\" of watchdog \"" + name + "\"",
        () -> LOG.log(System.Logger.Level.INFO, "lifecycle: " + recovery.message()));
    UserCode.fanOut(listeners, "recovery " + loop.name, listener -> listener.onRecovery(recovery));
  }

  private static String allThreadsText(Map<String, List<StackTraceElement>> all) {
    if (all.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder("\nall threads:");
    for (Map.Entry<String, List<StackTraceElement>> e : all.entrySet()) {
      text.append("\n\"").append(e.getKey()).append('"');
      for (StackTraceElement frame : e.getValue()) {
        text.append("\n\tat ").append(frame);
      }
    }
    return text.toString();
  }

  private void remove(Loop loop) {
    loops.remove(loop);
  }

  /**
   * A loop registered with a {@link Watchdog}. Its owner calls {@link #heartbeat} on every turn
   * and closes it when the loop ends for good. Thread-safe.
   */
  public static final class Loop implements AutoCloseable {
    private final Watchdog watchdog;
    private final String name;
    private final Duration deadline;
    private final long deadlineNanos;
    private volatile long lastBeat;
    private volatile Thread thread;
    private volatile boolean closed;
    // Written by the checking thread (and cleared by close), volatile for allHealthy().
    private volatile boolean stalled;
    private long stallBeat;

    private Loop(Watchdog watchdog, String name, Duration deadline) {
      this.watchdog = watchdog;
      this.name = name;
      this.deadline = deadline;
      this.deadlineNanos = Require.saturatedNanos(deadline);
      this.thread = Thread.currentThread();
      this.lastBeat = watchdog.ticker.getAsLong();
    }

    /** The loop's name. */
    public String name() {
      return name;
    }

    /** The loop's deadline. */
    public Duration deadline() {
      return deadline;
    }

    /**
     * Tells the watchdog this loop is moving, and that the calling thread is the one to report if
     * it stops.
     *
     * @throws IllegalStateException if the loop is closed
     */
    public void heartbeat() {
      if (closed) {
        throw new IllegalStateException(
            "loop \"" + name + "\" of watchdog \"" + watchdog.name + "\" is closed; register it again");
      }
      lastBeat = watchdog.ticker.getAsLong();
      Thread current = Thread.currentThread();
      if (thread != current) {
        thread = current;
      }
    }

    /** Whether the latest check found this loop stalled. */
    public boolean isStalled() {
      return stalled;
    }

    /**
     * Deregisters the loop: the watchdog stops watching it. Safe to call more than once; later
     * calls do nothing.
     */
    @Override
    public void close() {
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        stalled = false;
      }
      watchdog.remove(this);
    }

    /**
     * Marks this loop stalled at {@code beat}, unless it is closed: atomic with {@link #close}, so
     * a loop closed before its stall was found is never reported.
     */
    private boolean claimStall(long beat) {
      synchronized (this) {
        if (closed) {
          return false;
        }
        stallBeat = beat;
        stalled = true;
        return true;
      }
    }

    @Override
    public String toString() {
      return "Watchdog.Loop[" + name + ", deadline " + deadline + (stalled ? ", stalled]" : "]");
    }
  }

  /** Settings of a {@link Watchdog}. Defaults: a check every 500 ms, report only. */
  public static final class Builder {
    private final String name;
    private final List<HealthListener> listeners = new ArrayList<>();
    private Duration interval = Duration.ofMillis(500);
    private StallPolicy policy = StallPolicy.reportOnly();
    private boolean dumpAllThreads;
    private @Nullable Runnable notifier;
    private LongSupplier ticker = System::nanoTime;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * How often the loops are checked (every 500 ms by default); a stall is found within a loop's
     * deadline plus this.
     *
     * @throws IllegalArgumentException if {@code interval} is under a millisecond
     */
    @CanIgnoreReturnValue
    public Builder checkInterval(Duration interval) {
      Require.nonNull(interval, "check interval");
      Require.argument(
          Require.saturatedNanos(interval) >= 1_000_000,
          "check interval %s is under 1 ms; give an interval such as Duration.ofMillis(500)",
          interval);
      this.interval = interval;
      return this;
    }

    /** What to do beyond reporting when a loop stalls ({@link StallPolicy#reportOnly} by default). */
    @CanIgnoreReturnValue
    public Builder onStall(StallPolicy policy) {
      this.policy = Require.nonNull(policy, "stall policy");
      return this;
    }

    /** Adds a listener for stalls and recoveries. */
    @CanIgnoreReturnValue
    public Builder listener(HealthListener listener) {
      listeners.add(Require.nonNull(listener, "listener"));
      return this;
    }

    /**
     * Whether a stall report carries every thread's stack too (off by default; the stalled loop
     * may be waiting for another thread, and this shows which).
     */
    @CanIgnoreReturnValue
    public Builder dumpAllThreads(boolean dump) {
      this.dumpAllThreads = dump;
      return this;
    }

    /**
     * Runs {@code notifier} once per check, only while every loop is healthy: for a supervisor's
     * keep-alive such as systemd's {@code WATCHDOG=1} (see the type's documentation).
     */
    @CanIgnoreReturnValue
    public Builder notifyWhileHealthy(Runnable notifier) {
      this.notifier = Require.nonNull(notifier, "notifier");
      return this;
    }

    /** The nanosecond clock of heartbeats and checks; tests replace it. */
    @CanIgnoreReturnValue
    Builder ticker(LongSupplier ticker) {
      this.ticker = Require.nonNull(ticker, "ticker");
      return this;
    }

    /** A new watchdog, not started yet, with no loops. */
    public Watchdog build() {
      return new Watchdog(this);
    }
  }
}
