package dev.lifecycle.netty;

import dev.lifecycle.core.CapacityExceededException;
import dev.lifecycle.core.KeyedPermits;
import dev.lifecycle.core.Permit;
import dev.lifecycle.core.internal.Require;
import dev.lifecycle.core.internal.UserCode;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-destination limits on outbound connections, on {@link KeyedPermits}: {@link #connect} takes a
 * permit for the destination, connects through a {@link Bootstrap}, and releases the permit exactly
 * once, when the channel closes or when the connect fails, times out or is cancelled. A connection
 * count per destination that drifts (a sender that believes it holds connections to a provider it
 * has none to, and stops sending there) cannot happen: each permit belongs to one channel.
 *
 * <pre>{@code
 * ClientConnectionBudget budget = ClientConnectionBudget.of(
 *     KeyedPermits.<Object>newBuilder().perKeyLimit(4).globalLimit(100).build());
 * Future<Channel> connect = budget.connect(bootstrap, new InetSocketAddress("mx.example.org", 25));
 * }</pre>
 *
 * <p>Keys are {@code host:port} for an {@link InetSocketAddress} (the host name as given, else the
 * IP), the address itself otherwise, or a key of the caller's ({@link #connect(Bootstrap, Object,
 * SocketAddress)}). Over a limit, the returned future fails at once with a {@link
 * CapacityExceededException} (the type every lifecycle module throws when a limit leaves no room)
 * and nothing is opened. Thread-safe.
 */
public final class ClientConnectionBudget {
  private final KeyedPermits<Object> permits;
  private final AtomicLong denied = new AtomicLong();

  private ClientConnectionBudget(KeyedPermits<Object> permits) {
    this.permits = permits;
  }

  /** A budget that takes its permits from {@code permits}. */
  public static ClientConnectionBudget of(KeyedPermits<Object> permits) {
    return new ClientConnectionBudget(Require.nonNull(permits, "permits"));
  }

  /** Connects to {@code remote} under the key {@code host:port}; see the class description. */
  public Future<Channel> connect(Bootstrap bootstrap, SocketAddress remote) {
    return connect(bootstrap, keyOf(Require.nonNull(remote, "remote")), remote);
  }

  /**
   * Connects to {@code remote} under {@code key}. Cancelling the returned future cancels the
   * connect (or closes the channel if it was connected meanwhile); either way the permit is
   * released.
   *
   * @return completes with the connected channel; fails with the connect's failure, or with a
   *     {@link CapacityExceededException} when {@code key} or the budget is at its limit
   * @throws IllegalStateException if {@code bootstrap} has no event loop group
   */
  public Future<Channel> connect(Bootstrap bootstrap, Object key, SocketAddress remote) {
    Require.nonNull(bootstrap, "bootstrap");
    Require.nonNull(key, "key");
    Require.nonNull(remote, "remote");
    EventLoopGroup group = bootstrap.config().group();
    Require.state(group != null, "bootstrap has no event loop group; call bootstrap.group(...) first");
    EventLoop loop = group.next();
    Permit permit = permits.tryAcquire(key);
    if (permit == null) {
      denied.incrementAndGet();
      return loop.newFailedFuture(exceeded(
          "no connection to " + UserCode.describe(remote) + " under key " + UserCode.describe(key)
              + ": " + permits.inUse(key) + " of " + permits.limit(key) + " in use for the key, "
              + permits.inUse() + " of " + permits.globalLimit()
              + " in all; retry later or raise the limit"));
    }
    ChannelFuture connect;
    try {
      connect = bootstrap.connect(remote);
    } catch (RuntimeException | Error e) {
      permit.close();
      throw e;
    }
    Promise<Channel> result = loop.newPromise();
    ChannelFuture unused = connect.addListener((ChannelFuture done) -> connected(done, permit, result));
    Future<Channel> unusedToo = result.addListener(r -> {
      if (r.isCancelled()) {
        connect.cancel(false);
      }
    });
    return result;
  }

  // The deprecated subclass is still what the budget fails with, so that code written against it
  // keeps catching it; new code catches its supertype.
  @SuppressWarnings("deprecation")
  private static CapacityExceededException exceeded(String message) {
    return new ConnectionBudgetExceededException(message);
  }

  private static void connected(ChannelFuture done, Permit permit, Promise<Channel> result) {
    Channel channel = done.channel();
    if (!done.isSuccess()) {
      permit.close();
      Throwable cause = done.cause();
      if (cause == null || done.isCancelled()) {
        result.cancel(false);
      } else {
        result.tryFailure(cause);
      }
      if (channel.isRegistered()) {
        ChannelFuture unused = channel.close();
      } else { // failed before or at registration: no event loop to close it on
        channel.unsafe().closeForcibly();
      }
      return;
    }
    ChannelFuture unused = channel.closeFuture().addListener(closed -> permit.close());
    if (!result.trySuccess(channel)) { // cancelled while connecting
      ChannelFuture unusedToo = channel.close();
    }
  }

  /** Permits in use for {@code key}: connections open or being opened. */
  public int inUse(Object key) {
    return permits.inUse(Require.nonNull(key, "key"));
  }

  /** Permits in use in all. */
  public int inUse() {
    return permits.inUse();
  }

  /** Connects refused because a limit was reached. */
  public long denied() {
    return denied.get();
  }

  /** The permits behind this budget (audit, limits). */
  public KeyedPermits<Object> permits() {
    return permits;
  }

  static Object keyOf(SocketAddress remote) {
    if (remote instanceof InetSocketAddress inet) {
      return inet.getHostString() + ":" + inet.getPort();
    }
    return remote;
  }

  @Override
  public String toString() {
    return "ClientConnectionBudget[" + permits + ", denied " + denied.get() + "]";
  }
}
