package dev.lifecycle.netty;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/** The transports every server test runs on. */
enum Transport {
  NIO(NioServerSocketChannel.class, NioSocketChannel.class) {
    @Override
    IoHandlerFactory handler() {
      return NioIoHandler.newFactory();
    }
  },
  EPOLL(EpollServerSocketChannel.class, EpollSocketChannel.class) {
    @Override
    IoHandlerFactory handler() {
      return EpollIoHandler.newFactory();
    }
  };

  final Class<? extends ServerSocketChannel> server;
  final Class<? extends SocketChannel> client;

  Transport(Class<? extends ServerSocketChannel> server, Class<? extends SocketChannel> client) {
    this.server = server;
    this.client = client;
  }

  abstract IoHandlerFactory handler();

  EventLoopGroup group(int threads) {
    return new MultiThreadIoEventLoopGroup(threads, handler());
  }
}
