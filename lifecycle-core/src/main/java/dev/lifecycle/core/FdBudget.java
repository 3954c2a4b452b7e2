package dev.lifecycle.core;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.lifecycle.core.health.FileDescriptors;
import dev.lifecycle.core.internal.Require;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Answers "may I open N more file descriptors?" while keeping headroom for the process's other
 * needs (log files, database connections, the accept loop), so a server can stop taking work before
 * the kernel answers {@code EMFILE}.
 *
 * <p>The capacity is the FD limit minus the headroom. A {@link #tryReserve reservation} is granted
 * while the reserved count plus the request stays within the capacity <em>and</em> the process's
 * real open count, re-read at most once per {@link Builder#recheck recheck interval} by whichever
 * caller finds it stale, plus the request stays within it too: descriptors opened outside the
 * budget (a leak elsewhere) eat into it as well. Between re-reads a reservation costs one
 * compare-and-set on a shared counter and no system call.
 *
 * <p>A reservation is closed by its holder when the descriptors it stood for are closed. It is a
 * tracked resource of kind {@code lifecycle.FdReservation}, an accounting kind: one dropped without
 * close is reported as a {@link LeakReport} where it was reserved and released, whatever the
 * tracker's {@link ReclaimPolicy} and level (see {@link Builder#tracker}).
 *
 * <p>Thread-safe.
 */
public final class FdBudget {
  /** The kind reservations are tracked as. */
  public static final String KIND = "lifecycle.FdReservation";

  private final FileDescriptors fds;
  private final long limit;
  private final long headroom;
  private final long capacity;
  private final long recheckNanos;
  private final ResourceKind kind;
  private final AtomicLong reserved = new AtomicLong();
  private final AtomicLong reclaimed = new AtomicLong();
  private final AtomicBoolean reading = new AtomicBoolean();
  private volatile long observedOpen;
  private volatile long nextReadNanos;

  private FdBudget(FileDescriptors fds, long limit, long headroom, Builder builder, long open) {
    this.fds = fds;
    this.limit = limit;
    this.headroom = headroom;
    this.capacity = limit - headroom;
    this.recheckNanos = Require.saturatedNanos(builder.recheck);
    this.kind = builder.tracker.accountingKind(KIND);
    this.observedOpen = open;
    this.nextReadNanos = Require.deadlineNanos(System.nanoTime(), recheckNanos);
  }

  /** A budget of this process's FD limit with the default headroom; see {@link Builder}. */
  public static FdBudget system() {
    return newBuilder().build();
  }

  /** A builder; by default the limit and the open count come from {@link FileDescriptors#system}. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Reserves {@code count} file descriptors if the budget has room for them.
   *
   * @return the reservation, which the caller owns and closes when the descriptors are closed; or
   *     {@code null} when there is no room now
   * @throws IllegalArgumentException if {@code count} is not positive or more than the capacity
   */
  public @Nullable Reservation tryReserve(int count) {
    Require.argument(
        count > 0 && count <= capacity,
        "count %s is not in [1, %s] (the capacity: limit %s minus headroom %s); reserve at least 1"
            + " and at most the capacity",
        count,
        capacity,
        limit,
        headroom);
    if (observedOpen() + count > capacity) {
      return null;
    }
    long now;
    long next;
    do {
      now = reserved.get();
      next = now + count;
      if (next > capacity) {
        return null;
      }
    } while (!reserved.compareAndSet(now, next));
    return new Reservation(this, count);
  }

  /** The most descriptors that may be reserved: the limit minus the headroom. */
  public long capacity() {
    return capacity;
  }

  /** The headroom kept for descriptors opened outside the budget. */
  public long headroom() {
    return headroom;
  }

  /** How many descriptors are reserved now. */
  public long reserved() {
    return reserved.get();
  }

  /**
   * How many more descriptors a reservation could get now: the capacity minus the larger of the
   * reserved count and the last open count read.
   */
  public long available() {
    return Math.max(0, capacity - Math.max(reserved.get(), observedOpen()));
  }

  /** How many descriptors were released because their reservation was dropped without close. */
  public long reclaimed() {
    return reclaimed.get();
  }

  @Override
  public String toString() {
    return "FdBudget[limit " + limit + ", headroom " + headroom + ", reserved " + reserved.get()
        + ", open " + observedOpen + "]";
  }

  private long observedOpen() {
    long now = System.nanoTime();
    if (now - nextReadNanos >= 0 && reading.compareAndSet(false, true)) {
      try {
        OptionalLong open = fds.open();
        if (open.isPresent()) {
          observedOpen = open.getAsLong();
        }
        nextReadNanos = Require.deadlineNanos(now, recheckNanos);
      } finally {
        reading.set(false);
      }
    }
    return observedOpen;
  }

  private void release(int count) {
    reserved.addAndGet(-count);
  }

  /**
   * Reserved file descriptors. Closing it gives them back to the budget; it is safe to close more
   * than once, later calls do nothing. Thread-safe.
   */
  public static final class Reservation implements AutoCloseable {
    private final Release release;
    private final Tracked tracked;

    private Reservation(FdBudget budget, int count) {
      this.release = new Release(budget, count);
      this.tracked = budget.kind.track(this, release);
    }

    /** How many descriptors this reservation holds. */
    public int count() {
      return release.count;
    }

    /** Whether this reservation was closed (or, dropped, was released by the tracker). */
    public boolean isClosed() {
      return !tracked.isOpen();
    }

    /** Gives the descriptors back. Safe to call more than once; later calls do nothing. */
    @Override
    public void close() {
      if (tracked.close()) {
        release.budget.release(release.count);
      }
    }

    @Override
    public String toString() {
      return "FdBudget.Reservation[" + release.count + (isClosed() ? ", closed]" : "]");
    }
  }

  /**
   * What the tracker releases when a reservation is dropped without close; it never references
   * the reservation, so the reservation can be collected.
   */
  private static final class Release implements AutoCloseable {
    final FdBudget budget;
    final int count;

    Release(FdBudget budget, int count) {
      this.budget = budget;
      this.count = count;
    }

    @Override
    public void close() {
      budget.release(count);
      budget.reclaimed.addAndGet(count);
    }

    @Override
    public String toString() {
      return "an FdBudget reservation of " + count;
    }
  }

  /**
   * Settings of an {@link FdBudget}. Defaults: the limit and open count from {@link
   * FileDescriptors#system()}, a headroom of a tenth of the limit (at least 64), a recheck every
   * 100 ms, reservations tracked by {@link Tracker#global()}.
   */
  public static final class Builder {
    private FileDescriptors fds = FileDescriptors.system();
    private long limit = -1;
    private long headroom = -1;
    private Duration recheck = Duration.ofMillis(100);
    private Tracker tracker = Tracker.global();

    private Builder() {}

    /**
     * Where the limit (unless {@link #limit} is given) and the real open count come from; with
     * {@code FileDescriptors.from(Source.UNSUPPORTED)} only reservations are counted.
     */
    @CanIgnoreReturnValue
    public Builder fileDescriptors(FileDescriptors fds) {
      this.fds = Require.nonNull(fds, "file descriptors");
      return this;
    }

    /**
     * The limit to budget against, instead of the process's own (which is the default).
     *
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    @CanIgnoreReturnValue
    public Builder limit(long limit) {
      Require.argument(
          limit > 0, "limit %s is not positive; give the most descriptors the process may open", limit);
      this.limit = limit;
      return this;
    }

    /**
     * How many descriptors to keep for what opens outside the budget.
     *
     * @throws IllegalArgumentException if {@code headroom} is negative
     */
    @CanIgnoreReturnValue
    public Builder headroom(long headroom) {
      Require.argument(
          headroom >= 0, "headroom %s is negative; give 0 or more descriptors to keep free", headroom);
      this.headroom = headroom;
      return this;
    }

    /**
     * How often the real open count is read again (100 ms by default); an interval longer than
     * about 146 years is that long.
     *
     * @throws IllegalArgumentException if {@code interval} is negative
     */
    @CanIgnoreReturnValue
    public Builder recheck(Duration interval) {
      Require.nonNull(interval, "recheck interval");
      Require.argument(
          !interval.isNegative(),
          "recheck interval %s is negative; give 0 (read every time) or more",
          interval);
      this.recheck = interval;
      return this;
    }

    /**
     * The tracker of the reservations ({@link Tracker#global()} by default): a reservation dropped
     * without close is reported by it and, by its {@link ReclaimPolicy}, released; at level
     * {@code OFF} nothing is reported or reclaimed, and close stays exactly-once.
     */
    @CanIgnoreReturnValue
    public Builder tracker(Tracker tracker) {
      this.tracker = Require.nonNull(tracker, "tracker");
      return this;
    }

    /**
     * A new budget with nothing reserved.
     *
     * @throws IllegalStateException if no limit was given and the process's cannot be read
     * @throws IllegalArgumentException if the headroom is not below the limit, or the capacity is
     *     already below the descriptors this process has open
     */
    public FdBudget build() {
      long max = limit;
      if (max <= 0) {
        OptionalLong read = fds.max();
        if (read.isEmpty()) {
          throw new IllegalStateException(
              "cannot read this process's file-descriptor limit (" + fds.source() + " on "
                  + System.getProperty("os.name") + "); give the budget a limit(...)");
        }
        max = read.getAsLong();
      }
      long keep = headroom >= 0 ? headroom : Math.max(64, max / 10);
      Require.argument(
          keep < max,
          "headroom %s is not below the limit %s; keep fewer descriptors free or raise the limit",
          keep,
          max);
      long open = fds.open().orElse(0);
      Require.argument(
          open <= max - keep,
          "limit %s minus headroom %s leaves %s, below the %s file descriptors this process has"
              + " open; raise the limit or lower the headroom",
          max,
          keep,
          max - keep,
          open);
      return new FdBudget(fds, max, keep, this, open);
    }
  }
}
