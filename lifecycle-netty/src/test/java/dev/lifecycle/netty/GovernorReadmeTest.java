package dev.lifecycle.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.core.FdBudget;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's Netty quickstart is this file's region between the {@code README} markers, so the
 * snippet users copy is compiled and run here.
 */
final class GovernorReadmeTest {
  private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());

  /** Echoes what it reads. */
  @ChannelHandler.Sharable
  static final class Echo extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      io.netty.channel.ChannelFuture unused = ctx.writeAndFlush(msg);
    }
  }

  // README:netty-quickstart:begin
  ConnectionGovernor governor;

  Channel start(InetSocketAddress address) throws InterruptedException {
    FdBudget budget = FdBudget.system(); // the FD limit, minus headroom for logs, JDBC, ...
    int maxTotal = (int) Math.min(10_000, budget.capacity()); // never more than the FDs allow
    governor = ConnectionGovernor.newBuilder("api")
        .maxPerAddress(64) // one client cannot take every connection
        .maxTotal(maxTotal)
        .softLimit(maxTotal * 8 / 10) // from 80 %, idle connections go sooner
        .fdBudget(budget) // auto-read off on the server channel while few FDs are left
        .idleTimeout(Duration.ofSeconds(60))
        .idleTimeoutOverSoftLimit(Duration.ofSeconds(5))
        .build();
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(boss, workers)
        .channel(NioServerSocketChannel.class); // or EpollServerSocketChannel, ...
    governor.install(bootstrap, new Echo()); // server handler, child handler, SO_KEEPALIVE
    return bootstrap.bind(address).sync().channel();
  }

  DrainReport stop() throws Exception {
    // Stop accepting, give open channels 30 s, then reset the rest.
    return governor.drain(Duration.ofSeconds(30)).get();
  }
  // README:netty-quickstart:end

  @Test
  void quickstart_echoesThenDrains() throws Exception {
    try {
      Channel server = start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      InetSocketAddress address = (InetSocketAddress) server.localAddress();
      try (Socket client = new Socket(address.getAddress(), address.getPort())) {
        client.getOutputStream().write("hi\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(client.getInputStream().readNBytes(3))
            .isEqualTo("hi\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(governor.open()).isEqualTo(1);
      }
      DrainReport report = stop();
      assertThat(report.forced()).isZero();
      assertThat(governor.open()).isZero();
      assertThat(server.isOpen()).isFalse();
    } finally {
      boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
      workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void readme_showsThisFilesQuickstart() {
    assertThat(Readme.text()).contains(Readme.region(GovernorReadmeTest.class, "netty-quickstart"));
  }
}
