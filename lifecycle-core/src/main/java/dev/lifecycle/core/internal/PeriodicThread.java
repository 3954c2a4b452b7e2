package dev.lifecycle.core.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * One named daemon thread that runs a task at a fixed rate until stopped, or until the task answers
 * {@code false}. A task that throws anything ({@link VirtualMachineError}s included: the thread is
 * there for the worst moments) runs again at the next tick; each kind of failure is logged once.
 * An interval longer than about 146 years is that long. Thread-safe.
 */
public final class PeriodicThread {
  private static final System.Logger LOG = System.getLogger("dev.lifecycle.health");
  /** At most this many failure kinds are remembered; past it, none is logged any more. */
  private static final int MAX_LOGGED_KINDS = 32;

  private final Thread thread;
  private final long intervalNanos;
  private final BooleanSupplier task;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition stopRequested = lock.newCondition();
  private boolean stopped;
  /** The failure kinds (class names) already logged; the periodic thread's own. */
  private final Set<String> loggedKinds = new HashSet<>();

  /**
   * A thread named {@code name} that will run {@code task} every {@code interval} once started; the
   * task answers whether to go on.
   */
  public PeriodicThread(String name, Duration interval, BooleanSupplier task) {
    this.intervalNanos = Math.min(Require.saturatedNanos(interval), Long.MAX_VALUE / 2);
    this.task = task;
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
  }

  /** Starts the thread; the first run is one interval from now. */
  public void start() {
    thread.start();
  }

  /** Whether the calling thread is this periodic thread. */
  public boolean isCurrentThread() {
    return Thread.currentThread() == thread;
  }

  /**
   * Stops the thread and waits up to {@code grace} for it to end (not when called from the thread
   * itself). Safe to call more than once, and before {@link #start}.
   *
   * @return whether the thread has ended (or never started)
   */
  public boolean stop(Duration grace) {
    lock.lock();
    try {
      stopped = true;
      stopRequested.signalAll();
    } finally {
      lock.unlock();
    }
    if (isCurrentThread() || thread.getState() == Thread.State.NEW) {
      return true;
    }
    try {
      thread.join(Math.max(1, grace.toMillis()));
      if (thread.isAlive()) {
        thread.interrupt(); // the task is blocked; interrupting is the only way left to end it
        thread.join(Math.max(1, grace.toMillis()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return !thread.isAlive();
  }

  private void run() {
    long next = System.nanoTime() + intervalNanos;
    while (awaitTick(next)) {
      boolean[] goOn = {true};
      Throwable failure = UserCode.run(() -> goOn[0] = task.getAsBoolean());
      if (failure != null) {
        failedOnce(failure);
      } else if (!goOn[0]) {
        return;
      }
      next += intervalNanos;
      long now = System.nanoTime();
      if (next - now < 0) {
        next = now; // late (a long pause): run once now, do not try to catch up on missed ticks
      }
    }
  }

  /** Logs the first failure of each kind; the thread goes on either way. */
  private void failedOnce(Throwable failure) {
    String kind = failure.getClass().getName();
    if (loggedKinds.size() < MAX_LOGGED_KINDS && loggedKinds.add(kind)) {
      UserCode.failed(
          "task of thread \"" + thread.getName() + "\" failed; it runs again at the next tick"
              + " (further failures of kind " + kind + " are not logged)",
          failure);
    }
  }

  /** Waits until {@code deadline}; false when stopped first. */
  private boolean awaitTick(long deadline) {
    lock.lock();
    try {
      while (!stopped) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return true;
        }
        stopRequested.awaitNanos(remaining);
      }
      return false;
    } catch (InterruptedException e) {
      if (!stopped) {
        LOG.log(Level.WARNING, "lifecycle: thread \"" + thread.getName() + "\" was interrupted; it stops");
      }
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** The interval in the unit given. */
  public long interval(TimeUnit unit) {
    return unit.convert(intervalNanos, TimeUnit.NANOSECONDS);
  }
}
