package dev.lifecycle.netty;

import dev.lifecycle.core.ConnectionGate;
import dev.lifecycle.core.internal.UserCode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The governor's handler on a server channel: admits or refuses each accepted child before it is
 * registered, and turns auto-read off while the FD budget is low or after an accept failed.
 */
@ChannelHandler.Sharable
final class ServerGuard extends ChannelInboundHandlerAdapter {
  private static final System.Logger LOG = System.getLogger("dev.lifecycle.connections");
  private static final SocketAddress UNKNOWN = InetSocketAddress.createUnresolved("unknown", 0);

  private final ConnectionGovernor governor;
  private final AtomicLong nextLogNanos = new AtomicLong(System.nanoTime());

  ServerGuard(ConnectionGovernor governor) {
    this.governor = governor;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    Channel server = ctx.channel();
    governor.servers.add(server);
    ChannelFuture unused = server.closeFuture().addListener(closed -> governor.servers.remove(server));
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof Channel child)) {
      ctx.fireChannelRead(msg);
      return;
    }
    SocketAddress remote = child.remoteAddress();
    ConnectionGate.Admission admission = governor.gate.admit(remote == null ? UNKNOWN : remote);
    ConnectionGate.Refusal refusal = admission.refusal();
    if (refusal == null) {
      governor.admitted(child, admission);
      ctx.fireChannelRead(child);
    } else if (governor.goodbye != null) {
      admission.close(); // a refusal holds nothing, but every path closes what admit returned
      child.attr(ConnectionGovernor.REFUSAL).set(refusal);
      ctx.fireChannelRead(child);
    } else {
      admission.close(); // a refusal holds nothing, but every path closes what admit returned
      reset(child);
    }
    if (governor.gate.acceptPaused()) {
      pause(ctx);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!(cause instanceof IOException)) {
      ctx.fireExceptionCaught(cause);
      return;
    }
    governor.acceptFailures.incrementAndGet();
    long now = System.nanoTime();
    long next = nextLogNanos.get();
    if (now - next >= 0 && nextLogNanos.compareAndSet(next, now + TimeUnit.SECONDS.toNanos(1))) {
      LOG.log(
          System.Logger.Level.WARNING,
          () -> "lifecycle: " + governor.gate.name() + " accept failed ("
              + UserCode.describeFailure(cause) + "); accepting paused, "
              + governor.acceptFailures.get() + " accept failures so far");
    }
    pause(ctx);
  }

  /** Closes a child that was never registered: {@code SO_LINGER 0}, then its descriptor. */
  private static void reset(Channel child) {
    try {
      child.config().setOption(ChannelOption.SO_LINGER, 0);
    } catch (RuntimeException e) {
      // reset by the peer already, or a transport without SO_LINGER: close all the same
    }
    child.unsafe().closeForcibly();
  }

  private void pause(ChannelHandlerContext ctx) {
    Channel server = ctx.channel();
    if (server.config().isAutoRead()) {
      server.config().setAutoRead(false);
      schedule(server);
    }
  }

  private void schedule(Channel server) {
    Future<?> unused =
        server.eventLoop().schedule(() -> recheck(server), governor.recheckNanos, TimeUnit.NANOSECONDS);
  }

  private void recheck(Channel server) {
    if (!server.isOpen() || governor.gate.isClosed()) {
      return;
    }
    if (governor.gate.acceptPaused()) {
      schedule(server);
    } else {
      server.config().setAutoRead(true);
    }
  }
}
