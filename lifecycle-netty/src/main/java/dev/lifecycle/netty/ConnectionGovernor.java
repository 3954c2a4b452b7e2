package dev.lifecycle.netty;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.lifecycle.core.Owning;
import dev.lifecycle.core.ConnectionGate;
import dev.lifecycle.core.FdBudget;
import dev.lifecycle.core.Tracker;
import dev.lifecycle.core.internal.Require;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Governs a Netty server's connections: per-remote-address and global limits, admission against an
 * {@link FdBudget}, idle and half-open reaping, and graceful drain, on any transport (NIO, epoll,
 * ...). One governor serves one or more server channels; it is shared by all their child channels.
 *
 * <pre>{@code
 * ConnectionGovernor governor = ConnectionGovernor.newBuilder("api")
 *     .maxPerAddress(64)
 *     .maxTotal(8_000)
 *     .fdBudget(FdBudget.system())
 *     .idleTimeout(Duration.ofSeconds(60))
 *     .build();
 * governor.install(serverBootstrap, new MyInitializer()); // handler, childHandler, SO_KEEPALIVE
 * }</pre>
 *
 * <p><b>Admission.</b> A connection is admitted or refused on the server channel, as soon as it is
 * accepted and before it is registered, through a {@link ConnectionGate}: so connections accepted
 * but not yet active count too. A refused connection is closed at once with {@code SO_LINGER 0}
 * (the peer sees a reset, the server keeps no {@code TIME_WAIT}), counted by reason and logged at
 * most once per second; with a {@linkplain Builder#goodbye goodbye} it is first registered, sent
 * that message and then closed.
 *
 * <p><b>Release exactly once.</b> An admitted channel's accounting is released when its close
 * future completes, whatever closed it (a normal close, a peer's reset, an exception, idle reaping,
 * the event loop's shutdown, a failed registration); the gate's admissions are exactly-once, so a
 * duplicate {@code channelInactive} or a close race cannot make a count negative or stuck. The
 * limits bound open sockets: a channel counts from its accept until its socket is closed, which is
 * just before its handlers see {@code channelInactive}.
 *
 * <p><b>FD budget.</b> While the budget's headroom is low (see {@link
 * ConnectionGate.Builder#pauseBelow}), or after the accept itself failed ({@code EMFILE}), auto-read
 * is turned off on the server channel, so the accept loop stops instead of spinning; it is checked
 * again every {@link Builder#recheck recheck interval} and turned back on when headroom returns.
 *
 * <p><b>Idle reaping.</b> A channel idle for longer than its read, write or all-idle timeout is
 * closed; while the gate is {@linkplain ConnectionGate#overSoftLimit over its soft limit} the shorter
 * {@linkplain Builder#idleTimeoutOverSoftLimit pressure timeout} applies, so idle connections make
 * room before new ones have to be refused. {@link #install} also turns on {@code SO_KEEPALIVE} so
 * that the kernel finds peers that vanished.
 *
 * <p>Thread-safe.
 */
public final class ConnectionGovernor {
  static final AttributeKey<ConnectionGate.Admission> ADMISSION =
      AttributeKey.valueOf(ConnectionGovernor.class, "admission");
  static final AttributeKey<ConnectionGate.Refusal> REFUSAL =
      AttributeKey.valueOf(ConnectionGovernor.class, "refusal");

  final ConnectionGate gate;
  final long readIdleNanos;
  final long writeIdleNanos;
  final long allIdleNanos;
  final long pressureIdleNanos;
  final long recheckNanos;
  final @Nullable Function<ConnectionGate.Refusal, ?> goodbye;
  final @Nullable KeepAlive keepAlive;
  final AtomicLong reaped = new AtomicLong();
  final AtomicLong acceptFailures = new AtomicLong();
  final Set<Channel> children = ConcurrentHashMap.newKeySet();
  final Set<Channel> servers = ConcurrentHashMap.newKeySet();
  private final ServerGuard guard;
  private final ChannelFutureListener release = this::released;

  private ConnectionGovernor(Builder builder) {
    this.gate = builder.gate.build();
    this.readIdleNanos = builder.readIdle;
    this.writeIdleNanos = builder.writeIdle;
    this.allIdleNanos = builder.allIdle;
    this.pressureIdleNanos = builder.pressureIdle;
    this.recheckNanos = builder.recheck;
    this.goodbye = builder.goodbye;
    this.keepAlive = builder.keepAlive;
    this.guard = new ServerGuard(this);
  }

  /**
   * A builder of a governor named {@code name} (in logs and in each connection's description).
   *
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static Builder newBuilder(String name) {
    return new Builder(ConnectionGate.newBuilder(name));
  }

  /**
   * Sets {@code bootstrap}'s server handler to this governor's, its child handler to {@code
   * childHandler} {@linkplain #wrap wrapped}, and {@code SO_KEEPALIVE} on its children.
   *
   * @return {@code bootstrap}
   */
  @CanIgnoreReturnValue
  public ServerBootstrap install(ServerBootstrap bootstrap, ChannelHandler childHandler) {
    Require.nonNull(bootstrap, "bootstrap");
    return bootstrap
        .handler(serverHandler())
        .childHandler(wrap(childHandler))
        .childOption(ChannelOption.SO_KEEPALIVE, true);
  }

  /**
   * The handler for the server channel ({@code ServerBootstrap.handler}): it admits or refuses
   * each accepted channel and pauses accepting while the FD budget is low. Sharable.
   */
  public ChannelHandler serverHandler() {
    return guard;
  }

  /**
   * A child handler that puts this governor's per-channel handler (release, idle reaping) first in
   * each child pipeline, then {@code childHandler}.
   */
  public ChannelHandler wrap(ChannelHandler childHandler) {
    Require.nonNull(childHandler, "childHandler");
    return new ChannelInitializer<Channel>() {
      @Override
      protected void initChannel(Channel channel) {
        if (channel.attr(REFUSAL).get() != null) {
          channel.pipeline().addLast(new Goodbye(ConnectionGovernor.this));
          return;
        }
        KeepAlive probes = keepAlive;
        if (probes != null) {
          boolean unused = probes.apply(channel); // a transport without the options keeps its defaults
        }
        channel.pipeline().addLast(new GovernedChannel(ConnectionGovernor.this), childHandler);
      }
    };
  }

  /** The accounting behind this governor: open, per address, admitted, refused, released. */
  public ConnectionGate gate() {
    return gate;
  }

  /** Channels open now that this governor admitted. */
  public int open() {
    return gate.open();
  }

  /** Channels closed because they were idle past their timeout. */
  public long reaped() {
    return reaped.get();
  }

  /** How many accepts failed on the server channels (an {@code EMFILE}, for instance). */
  public long acceptFailures() {
    return acceptFailures.get();
  }

  /** Whether a server channel has auto-read off now because of the FD budget or a failed accept. */
  public boolean acceptPaused() {
    for (Channel server : servers) {
      if (!server.config().isAutoRead()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Graceful drain: refuses new connections and closes the server channels, lets open channels end
   * by themselves until {@code timeout}, then closes the rest with {@code SO_LINGER 0}.
   *
   * @return completes with what had to be forced once every admitted channel is closed
   */
  public CompletableFuture<DrainReport> drain(Duration timeout) {
    Require.nonNegative(timeout, "timeout");
    long start = System.nanoTime();
    long deadline = Require.deadlineNanos(start, Require.saturatedNanos(timeout));
    int atStart = gate.open();
    gate.close();
    for (Channel server : servers) {
      server.config().setAutoRead(false);
      ChannelFuture unused = server.close(); // its end is seen through the children it leaves
    }
    CompletableFuture<DrainReport> report = new CompletableFuture<>();
    awaitDrained(report, start, deadline, atStart);
    return report;
  }

  private void awaitDrained(CompletableFuture<DrainReport> report, long start, long deadline, int atStart) {
    if (children.isEmpty() || System.nanoTime() - deadline >= 0) {
      int forced = 0;
      for (Channel channel : children) {
        forced++;
        abort(channel);
      }
      int total = forced;
      GlobalEventExecutor.INSTANCE.execute(() -> awaitClosed(report, start, atStart, total));
      return;
    }
    Future<?> unused = GlobalEventExecutor.INSTANCE.schedule(
        () -> awaitDrained(report, start, deadline, atStart), 10, TimeUnit.MILLISECONDS);
  }

  private void awaitClosed(CompletableFuture<DrainReport> report, long start, int atStart, int forced) {
    if (!children.isEmpty()) {
      Future<?> unused = GlobalEventExecutor.INSTANCE.schedule(
          () -> awaitClosed(report, start, atStart, forced), 10, TimeUnit.MILLISECONDS);
      return;
    }
    report.complete(
        new DrainReport(atStart, forced, Duration.ofNanos(System.nanoTime() - start)));
  }

  @Override
  public String toString() {
    return "ConnectionGovernor[" + gate + ", reaped " + reaped.get() + "]";
  }

  /**
   * Records an admitted child, releasing it exactly once when it closes: the admission is the
   * child's from here on (kept in its attribute, closed by the close-future listener).
   */
  void admitted(Channel child, @Owning ConnectionGate.Admission admission) {
    child.attr(ADMISSION).set(admission);
    children.add(child);
    ChannelFuture unused = child.closeFuture().addListener(release);
  }

  private void released(ChannelFuture closed) {
    Channel child = closed.channel();
    children.remove(child);
    ConnectionGate.Admission admission = child.attr(ADMISSION).get();
    if (admission != null) {
      admission.release();
    }
  }

  /** Closes {@code channel} with a reset: {@code SO_LINGER 0}, then close. */
  static void abort(Channel channel) {
    try {
      channel.config().setOption(ChannelOption.SO_LINGER, 0);
    } catch (RuntimeException e) {
      // already closed, or a transport without SO_LINGER: closing is what is left to do
    }
    ChannelFuture unused = channel.close(); // completion is seen through the close future
  }

  /**
   * Settings of a {@link ConnectionGovernor}: the limits of its {@link ConnectionGate}, and its
   * idle timeouts (none by default).
   */
  public static final class Builder {
    private final ConnectionGate.Builder gate;
    private long readIdle;
    private long writeIdle;
    private long allIdle;
    private long pressureIdle;
    private long recheck = TimeUnit.MILLISECONDS.toNanos(50);
    private @Nullable Function<ConnectionGate.Refusal, ?> goodbye;
    private @Nullable KeepAlive keepAlive;

    private Builder(ConnectionGate.Builder gate) {
      this.gate = gate;
    }

    /** See {@link ConnectionGate.Builder#maxTotal}. */
    @CanIgnoreReturnValue
    public Builder maxTotal(int max) {
      gate.maxTotal(max);
      return this;
    }

    /** See {@link ConnectionGate.Builder#maxPerAddress}. */
    @CanIgnoreReturnValue
    public Builder maxPerAddress(int max) {
      gate.maxPerAddress(max);
      return this;
    }

    /** See {@link ConnectionGate.Builder#softLimit}; over it, {@link #idleTimeoutOverSoftLimit} applies. */
    @CanIgnoreReturnValue
    public Builder softLimit(int limit) {
      gate.softLimit(limit);
      return this;
    }

    /** See {@link ConnectionGate.Builder#fdBudget}. */
    @CanIgnoreReturnValue
    public Builder fdBudget(FdBudget budget) {
      gate.fdBudget(budget);
      return this;
    }

    /** See {@link ConnectionGate.Builder#pauseBelow}. */
    @CanIgnoreReturnValue
    public Builder pauseBelow(long fds) {
      gate.pauseBelow(fds);
      return this;
    }

    /** See {@link ConnectionGate.Builder#tracker}. */
    @CanIgnoreReturnValue
    public Builder tracker(Tracker tracker) {
      gate.tracker(tracker);
      return this;
    }

    /** Closes a channel that has read nothing for {@code timeout} (a half-open peer, for one). */
    @CanIgnoreReturnValue
    public Builder readIdleTimeout(Duration timeout) {
      this.readIdle = Require.saturatedNanos(Require.positive(timeout, "readIdleTimeout"));
      return this;
    }

    /** Closes a channel that has written nothing for {@code timeout}. */
    @CanIgnoreReturnValue
    public Builder writeIdleTimeout(Duration timeout) {
      this.writeIdle = Require.saturatedNanos(Require.positive(timeout, "writeIdleTimeout"));
      return this;
    }

    /** Closes a channel that has neither read nor written for {@code timeout}. */
    @CanIgnoreReturnValue
    public Builder idleTimeout(Duration timeout) {
      this.allIdle = Require.saturatedNanos(Require.positive(timeout, "idleTimeout"));
      return this;
    }

    /**
     * The all-idle timeout while the gate is over its soft limit, shorter than {@link
     * #idleTimeout}, so that idle channels are reaped before new ones are refused.
     */
    @CanIgnoreReturnValue
    public Builder idleTimeoutOverSoftLimit(Duration timeout) {
      this.pressureIdle = Require.saturatedNanos(Require.positive(timeout, "idleTimeoutOverSoftLimit"));
      return this;
    }

    /**
     * TCP keep-alive on every admitted channel: the kernel probes a peer after {@code idle} without
     * traffic, then every {@code interval}, and closes a connection whose peer vanished (which
     * then closes its channel and releases its accounting). Set where the transport has the
     * options (epoll's and io_uring's {@code TCP_KEEPIDLE}/{@code TCP_KEEPINTVL}, NIO's {@code
     * ExtendedSocketOptions}); elsewhere {@code SO_KEEPALIVE} alone is on, with the kernel's
     * times. Whole seconds, as the kernel takes them.
     *
     * @throws IllegalArgumentException if either is under a second or over {@code 32767} seconds
     */
    @CanIgnoreReturnValue
    public Builder keepAlive(Duration idle, Duration interval) {
      this.keepAlive = new KeepAlive(seconds(idle, "keep-alive idle"), seconds(interval, "keep-alive interval"));
      return this;
    }

    private static int seconds(Duration duration, String name) {
      Require.nonNull(duration, name);
      long seconds = duration.toSeconds();
      Require.argument(
          seconds >= 1 && seconds <= 32_767,
          "%s %s is out of range; give 1 s to 32767 s (the kernel's TCP_KEEPIDLE/TCP_KEEPINTVL)",
          name, duration);
      return (int) seconds;
    }

    /** How often a paused server channel checks whether it may accept again (50 ms by default). */
    @CanIgnoreReturnValue
    public Builder recheck(Duration interval) {
      this.recheck = Require.saturatedNanos(Require.positive(interval, "recheck"));
      return this;
    }

    /**
     * A protocol-level goodbye for refused connections: {@code message} gives, for the reason, what
     * to write (a {@code ByteBuf}, typically a "busy" reply) before the close. A refused connection
     * then costs a registration and a write; without a goodbye it is reset at once. {@code message}
     * may return {@code null} (the connection is reset) and may throw (logged, reset).
     */
    @CanIgnoreReturnValue
    public Builder goodbye(Function<ConnectionGate.Refusal, ?> message) {
      this.goodbye = Require.nonNull(message, "message");
      return this;
    }

    /** A governor with no connection open. */
    public ConnectionGovernor build() {
      return new ConnectionGovernor(this);
    }
  }
}
