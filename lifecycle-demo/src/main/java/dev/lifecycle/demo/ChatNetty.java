package dev.lifecycle.demo;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What both chat servers share: Netty on the NIO transport (one acceptor thread, two I/O threads),
 * bound to loopback, and the application's channel option {@code ALLOW_HALF_CLOSURE}, Netty's name
 * for node's {@code allowHalfOpen}: a peer's end of input (a FIN, or a reset) does not close the
 * channel by itself, the application does, so that it can still write.
 */
final class ChatNetty {
  private ChatNetty() {}

  /** A bootstrap on new event loops, which live until the JVM ends. */
  // The event loops live until the JVM ends: the child halts when its run is over.
  @SuppressWarnings("UnclosedResource")
  static ServerBootstrap bootstrap() {
    EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    EventLoopGroup workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    return new ServerBootstrap()
        .group(boss, workers)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 200)
        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
  }

  /** Binds {@code bootstrap} to an ephemeral port on loopback; returns the port. */
  static int bind(ServerBootstrap bootstrap) throws InterruptedException {
    Channel server = bootstrap.bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /**
   * A server-channel handler that counts failed accepts ({@code EMFILE}) and passes them on to
   * Netty's own handling, which stops accepting for a second and tries again.
   */
  @ChannelHandler.Sharable
  static final class AcceptFailures extends ChannelInboundHandlerAdapter {
    private final AtomicLong failures = new AtomicLong();
    private final Wire wire;

    AcceptFailures(Wire wire) {
      this.wire = wire;
    }

    long count() {
      return failures.get();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (cause instanceof IOException && failures.getAndIncrement() == 0) {
        wire.event("accept failed: " + cause.getMessage());
      }
      ctx.fireExceptionCaught(cause);
    }
  }
}
