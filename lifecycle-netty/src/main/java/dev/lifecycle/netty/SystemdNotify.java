package dev.lifecycle.netty;

import dev.lifecycle.core.internal.Require;
import dev.lifecycle.core.internal.UserCode;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * systemd's service notifications ({@code sd_notify}): {@code READY=1}, {@code WATCHDOG=1}, {@code
 * STOPPING=1} and {@code STATUS=...}, sent as datagrams to the UNIX socket that {@code
 * NOTIFY_SOCKET} names (a path, or an abstract name written {@code @name}), through Netty's epoll
 * domain-datagram channel: the JDK has no UNIX datagram sockets. Needs {@code
 * netty-transport-native-epoll} (Linux) at run time.
 *
 * <p>{@code WATCHDOG=1} must only be sent while the process is healthy, so it is sent by a {@link
 * dev.lifecycle.core.health.Watchdog} that checks every event loop ({@link EventLoopHeartbeats}):
 *
 * <pre>{@code
 * Optional<SystemdNotify> systemd = SystemdNotify.fromEnvironment();
 * Watchdog.Builder watchdog = Watchdog.newBuilder("api").checkInterval(Duration.ofSeconds(1));
 * systemd.ifPresent(notify -> watchdog.notifyWhileHealthy(notify::watchdog));
 * ... // start the heartbeats and the server
 * systemd.ifPresent(SystemdNotify::ready);
 * ... // on shutdown
 * systemd.ifPresent(SystemdNotify::stopping);
 * }</pre>
 *
 * With {@code WatchdogSec=} in the unit, the watchdog's check interval must be well under half of
 * it ({@link dev.lifecycle.core.health.Watchdog#systemdWatchdogTimeout}). A notification that
 * cannot be sent (systemd gone, the socket full) is counted and logged once; it never throws.
 *
 * <p>Owns one event-loop thread, {@code lifecycle-systemd-notify}, ended by {@link #close()}, which
 * is safe to call more than once. Thread-safe.
 */
public final class SystemdNotify implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.lifecycle.health");
  private static final long WAIT_SECONDS = 2;

  private final String socket;
  private final EventLoopGroup group;
  private final Channel channel;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicBoolean logged = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  private SystemdNotify(String socket, EventLoopGroup group, Channel channel) {
    this.socket = socket;
    this.group = group;
    this.channel = channel;
  }

  /**
   * A notifier to {@code NOTIFY_SOCKET}, or empty when it is not set (the process is not a systemd
   * service of {@code Type=notify}).
   *
   * @throws IllegalArgumentException if {@code NOTIFY_SOCKET} is neither a path nor {@code @name}
   * @throws IllegalStateException if the epoll transport is not available (see {@link #connect})
   */
  public static Optional<SystemdNotify> fromEnvironment() {
    String socket = System.getenv("NOTIFY_SOCKET");
    return socket == null || socket.isEmpty() ? Optional.empty() : Optional.of(connect(socket));
  }

  /**
   * A notifier to {@code notifySocket}: an absolute path, or {@code @name} for the abstract name
   * {@code name}. Connecting a datagram socket only sets its destination: nothing is sent yet.
   *
   * @return the notifier, which the caller owns and closes
   * @throws IllegalArgumentException if {@code notifySocket} is neither an absolute path nor
   *     {@code @name}
   * @throws IllegalStateException if the epoll transport is not available (not Linux, or {@code
   *     netty-transport-native-epoll} missing), or the socket cannot be connected (no such path)
   */
  public static SystemdNotify connect(String notifySocket) {
    Require.nonNull(notifySocket, "notifySocket");
    Require.argument(
        notifySocket.startsWith("/") || (notifySocket.startsWith("@") && notifySocket.length() > 1),
        "notify socket \"%s\" is neither an absolute path nor an abstract name (@name)",
        notifySocket);
    if (!Epoll.isAvailable()) {
      throw new IllegalStateException(
          "systemd notifications need Netty's epoll transport (netty-transport-native-epoll, Linux): "
              + UserCode.describeFailure(Epoll.unavailabilityCause()),
          Epoll.unavailabilityCause());
    }
    String path = notifySocket.startsWith("@") ? "\0" + notifySocket.substring(1) : notifySocket;
    EventLoopGroup group =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("lifecycle-systemd-notify", true), EpollIoHandler.newFactory());
    ChannelFuture connect =
        new Bootstrap()
            .group(group)
            .channel(EpollDomainDatagramChannel.class)
            .handler(new ChannelInboundHandlerAdapter())
            .connect(new DomainSocketAddress(path));
    boolean done = connect.awaitUninterruptibly(WAIT_SECONDS, TimeUnit.SECONDS);
    if (!done || !connect.isSuccess()) {
      Throwable cause = connect.cause();
      group.shutdownGracefully(0, 0, TimeUnit.SECONDS).awaitUninterruptibly(WAIT_SECONDS, TimeUnit.SECONDS);
      throw new IllegalStateException(
          "cannot connect to the notify socket \"" + notifySocket + "\": "
              + (cause == null ? "not within " + WAIT_SECONDS + " s" : UserCode.describeFailure(cause)),
          cause);
    }
    return new SystemdNotify(notifySocket, group, connect.channel());
  }

  /** Sends {@code READY=1}: start-up is finished. Waits up to 2 s; true if it was sent. */
  public boolean ready() {
    return sendAndWait("READY=1");
  }

  /** Sends {@code STOPPING=1}: shutdown has begun. Waits up to 2 s; true if it was sent. */
  public boolean stopping() {
    return sendAndWait("STOPPING=1");
  }

  /** Sends {@code STATUS=} and {@code text} (one line). Waits up to 2 s; true if it was sent. */
  public boolean status(String text) {
    Require.nonNull(text, "text");
    return sendAndWait("STATUS=" + text.replace('\n', ' '));
  }

  /**
   * Sends {@code WATCHDOG=1}, without waiting: a {@link
   * dev.lifecycle.core.health.Watchdog.Builder#notifyWhileHealthy} notifier.
   */
  public void watchdog() {
    ChannelFuture unused = send("WATCHDOG=1");
  }

  /**
   * Sends {@code state}, one or more {@code KEY=value} lines (see {@code sd_notify(3)}). Waits up
   * to 2 s; true if it was sent.
   */
  public boolean sendAndWait(String state) {
    Require.nonNull(state, "state");
    // completed by a listener after the counting one (listeners run in order), so that sent() and
    // failed() already count this notification when the caller sees the result
    CompletableFuture<Boolean> done = new CompletableFuture<>();
    ChannelFuture unused = send(state).addListener(write -> done.complete(write.isSuccess()));
    try {
      return done.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }

  private ChannelFuture send(String state) {
    if (closed.get()) {
      return channel.newFailedFuture(new IllegalStateException("notifier of " + socket + " is closed"));
    }
    return channel
        .writeAndFlush(Unpooled.copiedBuffer(state, StandardCharsets.UTF_8))
        .addListener(
            (ChannelFuture write) -> {
              if (write.isSuccess()) {
                sent.incrementAndGet();
              } else {
                failed(state, write.cause());
              }
            });
  }

  private void failed(String state, Throwable cause) {
    failed.incrementAndGet();
    if (!logged.getAndSet(true)) {
      LOG.log(
          System.Logger.Level.WARNING,
          () -> "lifecycle: systemd notification " + state.lines().findFirst().orElse("") + " to "
              + socket + " failed (" + UserCode.describeFailure(cause)
              + "); later failures are counted, not logged");
    }
  }

  /** Notifications sent. */
  public long sent() {
    return sent.get();
  }

  /** Notifications that could not be sent. */
  public long failed() {
    return failed.get();
  }

  /** Closes the socket and ends the thread, waiting up to 2 s. Safe to call more than once. */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    channel.close().awaitUninterruptibly(WAIT_SECONDS, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 0, TimeUnit.SECONDS).awaitUninterruptibly(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public String toString() {
    return "SystemdNotify[" + socket + ", sent " + sent.get() + ", failed " + failed.get()
        + (closed.get() ? ", closed]" : "]");
  }
}
