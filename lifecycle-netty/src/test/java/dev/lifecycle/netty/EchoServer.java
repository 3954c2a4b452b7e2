package dev.lifecycle.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** A governed server on loopback that echoes what it reads; its children are tracked for cleanup. */
@SuppressWarnings("try") // close() waits for the event loops to end, and may be interrupted
final class EchoServer implements AutoCloseable {
  final EventLoopGroup boss;
  final EventLoopGroup workers;
  final ChannelGroup children = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  final Channel server;
  final InetSocketAddress address;

  /** Echoes every read. */
  @ChannelHandler.Sharable
  static class Echo extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      io.netty.channel.ChannelFuture unused = ctx.writeAndFlush(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      io.netty.channel.ChannelFuture unused = ctx.close(); // a peer's reset
    }
  }

  EchoServer(Transport transport, ConnectionGovernor governor) throws InterruptedException {
    this(transport, governor, new Echo());
  }

  EchoServer(Transport transport, ConnectionGovernor governor, ChannelHandler handler)
      throws InterruptedException {
    boss = transport.group(1);
    workers = transport.group(2);
    ChannelHandler tracked = new ChannelInboundHandlerAdapter() {
      @Override
      public void handlerAdded(ChannelHandlerContext ctx) {
        children.add(ctx.channel());
        ctx.pipeline().replace(this, null, handler);
      }

      @Override
      public boolean isSharable() {
        return true;
      }
    };
    ServerBootstrap bootstrap = new ServerBootstrap().group(boss, workers).channel(transport.server);
    governor.install(bootstrap, tracked);
    server = bootstrap.bind(Sockets.loopback(1), 0).sync().channel();
    address = (InetSocketAddress) server.localAddress();
  }

  @Override
  public void close() throws InterruptedException {
    server.close().await(10, TimeUnit.SECONDS);
    children.close().await(10, TimeUnit.SECONDS);
    boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
  }
}
