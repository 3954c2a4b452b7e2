package dev.lifecycle.core;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import com.google.errorprone.annotations.CheckReturnValue;
import dev.lifecycle.core.internal.Require;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The accounting of a server's connections, independent of the transport: per-remote-address and
 * global limits, admission against an {@link FdBudget}, and release exactly once per connection.
 * lifecycle-netty's {@code ConnectionGovernor} and core's {@link AcceptLoop} (for blocking {@code
 * ServerSocketChannel} and {@code ServerSocket} servers) are built on it; any other accept loop can
 * use it the same way:
 *
 * <pre>{@code
 * ConnectionGate.Admission admission = gate.admit(socket.getRemoteSocketAddress());
 * if (!admission.isAdmitted()) {
 *   abort(socket); // SO_LINGER 0 and close: the peer sees a reset at once
 * } else {
 *   serve(socket, admission); // admission.close() when the socket is closed, on every path
 * }
 * }</pre>
 *
 * <p><b>Keyed by the connection, not by events.</b> Each admitted connection holds an {@link
 * Admission}; its counts are released when the admission is closed, exactly once however often and
 * from however many threads close is called. A transport that reports a connection's end twice (a
 * duplicate "inactive" event, a close racing a reset) therefore cannot drive a count negative or
 * leave it stuck, and an admission dropped without close is found by the {@link Tracker} (kind
 * {@value #KIND}), reported as a leak and, by its {@link ReclaimPolicy}, released.
 *
 * <p><b>Exact limits.</b> {@link #open()} never exceeds {@link Builder#maxTotal} and {@link
 * #open(SocketAddress)} never exceeds {@link Builder#maxPerAddress}, under any concurrency; a
 * refusal leaves no count behind. Addresses are counted by IP ({@link InetSocketAddress#getAddress}
 * for an {@code InetSocketAddress}; any other address by itself), and an address with no open
 * connection leaves no state.
 *
 * <p><b>FD budget.</b> With a {@linkplain Builder#fdBudget budget}, each admission also reserves
 * one descriptor, and {@link #acceptPaused()} tells an accept loop to stop accepting while the
 * budget is low (below the {@linkplain Builder#pauseBelow low watermark}, until it is back to twice
 * that), so that connections wait in the kernel's backlog instead of the loop spinning on {@code
 * EMFILE}.
 *
 * <p>A refused admission is counted by reason and logged to the {@code System.Logger} named {@code
 * dev.lifecycle.connections} at most once per second (with the number of refusals in between).
 *
 * <p>Thread-safe; an admission costs a compare-and-set on the total, one {@link
 * ConcurrentHashMap#compute} on the address and one tracked resource.
 */
public final class ConnectionGate {
  /** The kind admissions are tracked as. */
  public static final String KIND = "lifecycle.Connection";

  private static final System.Logger LOG = System.getLogger("dev.lifecycle.connections");
  private static final long LOG_INTERVAL_NANOS = 1_000_000_000L;

  /** Why a connection was refused. */
  public enum Refusal {
    /** Its remote address had {@link Builder#maxPerAddress} connections open. */
    PER_ADDRESS,
    /** The gate had {@link Builder#maxTotal} connections open. */
    TOTAL,
    /** The {@link FdBudget} had no descriptor left. */
    FD_BUDGET,
    /** The gate was {@linkplain #close() closed}: the server is draining or stopped. */
    CLOSED
  }

  private final String name;
  private final int maxTotal;
  private final int maxPerAddress;
  private final int softLimit;
  private final @Nullable FdBudget budget;
  private final long pauseBelow;
  private final ResourceKind kind;
  private final AtomicInteger total = new AtomicInteger();
  private final ConcurrentHashMap<Object, Count> perAddress = new ConcurrentHashMap<>();
  private final AtomicLong admitted = new AtomicLong();
  private final AtomicLong released = new AtomicLong();
  private final Map<Refusal, AtomicLong> refused = new EnumMap<>(Refusal.class);
  private final Map<Refusal, Admission> refusals = new EnumMap<>(Refusal.class);
  private final AtomicLong nextLogNanos = new AtomicLong(System.nanoTime());
  private final AtomicLong unlogged = new AtomicLong();
  private volatile boolean paused;
  private volatile boolean closed;

  /** The open connections of one address; mutated only inside {@link ConcurrentHashMap#compute}. */
  private static final class Count {
    int open;
  }

  private ConnectionGate(Builder builder) {
    this.name = builder.name;
    this.maxTotal = builder.maxTotal;
    this.maxPerAddress = builder.maxPerAddress;
    this.softLimit = builder.softLimit > 0 ? Math.min(builder.softLimit, maxTotal) : maxTotal;
    this.budget = builder.budget;
    this.pauseBelow =
        builder.pauseBelow >= 0
            ? builder.pauseBelow
            : builder.budget == null ? 0 : Math.max(1, builder.budget.capacity() / 50);
    this.kind = builder.tracker.kind(KIND);
    for (Refusal reason : Refusal.values()) {
      refusals.put(reason, new Admission(reason));
      refused.put(reason, new AtomicLong());
    }
  }

  /**
   * A builder of a gate named {@code name} (the name appears in logs and in each admission's
   * description).
   *
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static Builder newBuilder(String name) {
    Require.nonNull(name, "name");
    Require.argument(!name.isBlank(), "gate name \"%s\" is blank; name the server it guards", name);
    return new Builder(name);
  }

  /**
   * Admits a connection from {@code remote}, or refuses it.
   *
   * @return an admission that the caller owns and closes when the connection is closed; when it is
   *     {@linkplain Admission#isAdmitted() refused}, closing it does nothing and the caller closes
   *     the connection at once
   */
  @CheckReturnValue
  public Admission admit(SocketAddress remote) {
    Require.nonNull(remote, "remote");
    if (closed) {
      return refuse(Refusal.CLOSED, remote);
    }
    int now;
    do {
      now = total.get();
      if (now >= maxTotal) {
        return refuse(Refusal.TOTAL, remote);
      }
    } while (!total.compareAndSet(now, now + 1));
    Object key = keyOf(remote);
    if (!countAddress(key)) {
      total.decrementAndGet();
      return refuse(Refusal.PER_ADDRESS, remote);
    }
    FdBudget.Reservation fd = null;
    if (budget != null) {
      fd = budget.tryReserve(1);
      if (fd == null) {
        releaseAddress(key);
        total.decrementAndGet();
        return refuse(Refusal.FD_BUDGET, remote);
      }
    }
    admitted.incrementAndGet();
    return new Admission(this, key, fd, remote);
  }

  /**
   * Whether an accept loop should stop accepting now: the FD budget is below the low watermark, or
   * has not yet come back to twice it since it was. Always {@code false} without a budget.
   */
  public boolean acceptPaused() {
    FdBudget fds = budget;
    if (fds == null) {
      return false;
    }
    long available = fds.available();
    boolean pause = paused ? available < 2 * pauseBelow || available == 0 : available < pauseBelow;
    if (pause != paused) {
      paused = pause;
      LOG.log(
          pause ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
          () ->
              "lifecycle: " + name + (pause ? " stops" : " resumes") + " accepting: " + available
                  + " file descriptors available (" + fds + ")");
    }
    return pause;
  }

  /** Whether the open connections are at or over the {@linkplain Builder#softLimit soft limit}. */
  public boolean overSoftLimit() {
    return total.get() >= softLimit;
  }

  /**
   * Refuses every connection from now on ({@link Refusal#CLOSED}), as a draining or stopped server
   * does. Admissions already given stay valid and are released as usual. Safe to call more than
   * once.
   */
  public void close() {
    closed = true;
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /** This gate's name. */
  public String name() {
    return name;
  }

  /** Connections admitted and not yet released. */
  public int open() {
    return total.get();
  }

  /** Connections from {@code remote}'s address admitted and not yet released. */
  public int open(SocketAddress remote) {
    Count count = perAddress.get(keyOf(Require.nonNull(remote, "remote")));
    return count == null ? 0 : count.open;
  }

  /** How many addresses have a connection open. */
  public int addressCount() {
    return perAddress.size();
  }

  /** Connections admitted since the gate was built. */
  public long admitted() {
    return admitted.get();
  }

  /** Admissions released since the gate was built (each exactly once). */
  public long released() {
    return released.get();
  }

  /** Connections refused since the gate was built, for every reason. */
  public long refused() {
    long sum = 0;
    for (AtomicLong count : refused.values()) {
      sum += count.get();
    }
    return sum;
  }

  /** Connections refused for {@code reason} since the gate was built. */
  public long refused(Refusal reason) {
    return counter(refused, Require.nonNull(reason, "reason")).get();
  }

  /** The global limit. */
  public int maxTotal() {
    return maxTotal;
  }

  /** The per-address limit. */
  public int maxPerAddress() {
    return maxPerAddress;
  }

  /** The soft limit (the global limit when none was given). */
  public int softLimit() {
    return softLimit;
  }

  @Override
  public String toString() {
    return "ConnectionGate[" + name + ", open " + total.get() + "/" + maxTotal + ", "
        + perAddress.size() + " addresses, per address " + maxPerAddress + ", refused "
        + refused() + (closed ? ", closed]" : "]");
  }

  private static Object keyOf(SocketAddress remote) {
    if (remote instanceof InetSocketAddress inet) {
      return inet.getAddress() != null ? inet.getAddress() : inet.getHostString();
    }
    return remote;
  }

  private boolean countAddress(Object key) {
    boolean[] counted = {false};
    perAddress.compute(
        key,
        (k, count) -> {
          Count c = count == null ? new Count() : count;
          if (c.open < maxPerAddress) {
            c.open++;
            counted[0] = true;
          }
          return c.open == 0 ? null : c;
        });
    return counted[0];
  }

  private void releaseAddress(Object key) {
    perAddress.computeIfPresent(key, (k, count) -> --count.open == 0 ? null : count);
  }

  private Admission refuse(Refusal reason, SocketAddress remote) {
    counter(refused, reason).incrementAndGet();
    long now = System.nanoTime();
    long next = nextLogNanos.get();
    if (now - next >= 0 && nextLogNanos.compareAndSet(next, now + LOG_INTERVAL_NANOS)) {
      long before = unlogged.getAndSet(0);
      LOG.log(
          System.Logger.Level.WARNING,
          () ->
              "lifecycle: " + name + " refused a connection from "
                  + Masking.mask(String.valueOf(remote)) + " (" + reason + "; open " + total.get()
                  + "/" + maxTotal + ", per address " + maxPerAddress + ")"
                  + (before > 0 ? "; " + before + " more refused since the last such line" : ""));
    } else {
      unlogged.incrementAndGet();
    }
    return counter(refusals, reason);
  }

  private static <V> V counter(Map<Refusal, V> byReason, Refusal reason) {
    V value = byReason.get(reason);
    if (value == null) {
      throw new AssertionError("no entry for " + reason); // every reason is put in the constructor
    }
    return value;
  }

  private void release(Object key, FdBudget.@Nullable Reservation fd) {
    releaseAddress(key);
    total.decrementAndGet();
    released.incrementAndGet();
    if (fd != null) {
      fd.close();
    }
  }

  /**
   * One connection's place in a {@link ConnectionGate}, or a refusal. Closing an admitted one
   * releases its counts (and its FD reservation) exactly once; it is safe to close more than once
   * and from several threads, later calls do nothing. Closing a refusal does nothing. Thread-safe.
   */
  @MustClose
  public static final class Admission implements AutoCloseable {
    private final @Nullable Refusal refusal;
    private final @Nullable Release release;
    private final @Nullable Tracked tracked;

    private Admission(Refusal refusal) {
      this.refusal = refusal;
      this.release = null;
      this.tracked = null;
    }

    private Admission(
        ConnectionGate gate, Object key, FdBudget.@Nullable Reservation fd, SocketAddress remote) {
      Release counts = new Release(gate, key, fd);
      this.refusal = null;
      this.release = counts;
      this.tracked = gate.kind.track(this, counts, gate.name + " " + remote);
    }

    /** Whether the connection was admitted; if not, {@link #refusal()} says why. */
    public boolean isAdmitted() {
      return refusal == null;
    }

    /** Why the connection was refused, or {@code null} if it was admitted. */
    public @Nullable Refusal refusal() {
      return refusal;
    }

    /** Whether this is an admission not yet released. */
    public boolean isOpen() {
      return tracked != null && tracked.isOpen();
    }

    /**
     * Releases the connection's counts, exactly once.
     *
     * @return whether this call released them ({@code false} for a refusal and after the first)
     */
    @CanIgnoreReturnValue
    public boolean release() {
      Tracked t = tracked;
      Release counts = release;
      if (t == null || counts == null || !t.close()) {
        return false;
      }
      counts.close();
      return true;
    }

    /** Same as {@link #release()}. */
    @Override
    public void close() {
      release();
    }

    @Override
    public String toString() {
      Tracked t = tracked;
      return t == null
          ? "ConnectionGate.Admission[refused: " + refusal + "]"
          : "ConnectionGate.Admission[" + t.id() + (t.isOpen() ? "]" : ", released]");
    }
  }

  /**
   * What releases an admission's counts: run by {@link Admission#close} through the tracker's
   * handle, or by the tracker when the admission was dropped without close. It never references the
   * admission, so the admission can be collected.
   */
  private static final class Release implements AutoCloseable {
    private final ConnectionGate gate;
    private final Object key;
    private final FdBudget.@Nullable Reservation fd;

    Release(ConnectionGate gate, Object key, FdBudget.@Nullable Reservation fd) {
      this.gate = gate;
      this.key = key;
      this.fd = fd;
    }

    @Override
    public void close() {
      gate.release(key, fd);
    }

    @Override
    public String toString() {
      return "a connection of " + gate.name;
    }
  }

  /**
   * Settings of a {@link ConnectionGate}. Defaults: no global or per-address limit ({@code
   * Integer.MAX_VALUE}), no soft limit, no FD budget, admissions tracked by {@link
   * Tracker#global()}.
   */
  public static final class Builder {
    private final String name;
    private int maxTotal = Integer.MAX_VALUE;
    private int maxPerAddress = Integer.MAX_VALUE;
    private int softLimit;
    private @Nullable FdBudget budget;
    private long pauseBelow = -1;
    private Tracker tracker = Tracker.global();

    private Builder(String name) {
      this.name = name;
    }

    /**
     * The most connections open at once.
     *
     * @throws IllegalArgumentException if {@code max} is not positive
     */
    @CanIgnoreReturnValue
    public Builder maxTotal(int max) {
      Require.argument(max > 0, "maxTotal %s is not positive; give the most connections to serve", max);
      this.maxTotal = max;
      return this;
    }

    /**
     * The most connections open at once from one remote address.
     *
     * @throws IllegalArgumentException if {@code max} is not positive
     */
    @CanIgnoreReturnValue
    public Builder maxPerAddress(int max) {
      Require.argument(
          max > 0, "maxPerAddress %s is not positive; give the most connections one client may hold", max);
      this.maxPerAddress = max;
      return this;
    }

    /**
     * The number of open connections from which {@link #overSoftLimit()} is true, so that a server
     * reaps idle connections sooner before it has to refuse new ones (at most the global limit).
     *
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    @CanIgnoreReturnValue
    public Builder softLimit(int limit) {
      Require.argument(limit > 0, "softLimit %s is not positive", limit);
      this.softLimit = limit;
      return this;
    }

    /** The FD budget each admission reserves one descriptor of; none by default. */
    @CanIgnoreReturnValue
    public Builder fdBudget(FdBudget budget) {
      this.budget = Require.nonNull(budget, "budget");
      return this;
    }

    /**
     * The low watermark of the FD budget: {@link #acceptPaused()} is true while fewer descriptors
     * are {@linkplain FdBudget#available() available}, until twice as many are. By default a
     * fiftieth of the budget's capacity (at least 1); 0 pauses only when none is available.
     *
     * @throws IllegalArgumentException if {@code fds} is negative
     */
    @CanIgnoreReturnValue
    public Builder pauseBelow(long fds) {
      Require.argument(fds >= 0, "pauseBelow %s is negative", fds);
      this.pauseBelow = fds;
      return this;
    }

    /** The tracker of the admissions ({@link Tracker#global()} by default). */
    @CanIgnoreReturnValue
    public Builder tracker(Tracker tracker) {
      this.tracker = Require.nonNull(tracker, "tracker");
      return this;
    }

    /** A new gate with no connection open. */
    public ConnectionGate build() {
      return new ConnectionGate(this);
    }
  }
}
