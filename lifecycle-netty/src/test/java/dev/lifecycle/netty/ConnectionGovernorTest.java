package dev.lifecycle.netty;

import static dev.lifecycle.netty.Sockets.await;
import static dev.lifecycle.netty.Sockets.served;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.core.ConnectionGate;
import dev.lifecycle.core.FdBudget;
import dev.lifecycle.core.health.FileDescriptors;
import dev.lifecycle.core.Tracker;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The governor on real loopback sockets, NIO and epoll, with the process's FD count as the judge.
 * Isolated: no other test may open descriptors while the count is compared.
 */
@Isolated
@SuppressWarnings("try") // sockets are closed by hand mid-test on purpose
final class ConnectionGovernorTest {
  private final Tracker tracker = Tracker.newBuilder().name("governor test").build();

  private ConnectionGovernor.Builder governor(String name) {
    return ConnectionGovernor.newBuilder(name).tracker(tracker);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void churn_normalResetAndHalfOpen_accountingZeroAndFdsBackToBaseline(Transport transport)
      throws Exception {
    ConnectionGovernor governor = governor("churn").maxPerAddress(1_000).build();
    ConnectionGate gate = governor.gate();
    int bursts = 40;
    int perBurst = 250; // 10 000 connections in all
    try (EchoServer server = new EchoServer(transport, governor)) {
      Sockets.burst(server.address, perBurst, 0); // warm-up: the JDK opens some descriptors once
      await("warm-up released", () -> gate.open() == 0);
      long baseline = Sockets.openFds();
      for (int round = 1; round < bursts; round++) {
        Sockets.burst(server.address, perBurst, round);
      }
      await("every connection released", () -> gate.open() == 0);
      assertThat(gate.admitted()).isEqualTo((long) bursts * perBurst);
      assertThat(gate.released()).isEqualTo(gate.admitted());
      assertThat(gate.refused()).isZero();
      assertThat(gate.addressCount()).isZero();
      await("FDs back to the baseline " + baseline, () -> Sockets.openFds() <= baseline + 2);
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void racingClients_fromFourAddresses_neverExceedLimitsAndEveryRefusalIsClosedAndCounted(
      Transport transport) throws Exception {
    int perAddress = 4;
    int total = 10;
    ConnectionGovernor governor = governor("race").maxPerAddress(perAddress).maxTotal(total).build();
    // The limits bound open sockets: a channel counts from its accept until its socket is closed
    // (isOpen() false), which is before its handlers see channelInactive.
    Set<Channel> seen = ConcurrentHashMap.newKeySet();
    AtomicInteger worstAddress = new AtomicInteger();
    AtomicInteger worstTotal = new AtomicInteger();
    ChannelHandler counting = new EchoServer.Echo() {
      @Override
      public void channelActive(ChannelHandlerContext ctx) {
        seen.add(ctx.channel());
        seen.removeIf(channel -> !channel.isOpen());
        int[] perHost = new int[256];
        int open = 0;
        for (Channel channel : seen) {
          if (channel.isOpen()) {
            open++;
            worstAddress.accumulateAndGet(++perHost[host(channel)], Math::max);
          }
        }
        worstTotal.accumulateAndGet(open, Math::max);
        ctx.fireChannelActive();
      }

      private int host(Channel channel) {
        return ((InetSocketAddress) channel.remoteAddress()).getAddress().getAddress()[3];
      }
    };
    AtomicInteger served = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    try (EchoServer server = new EchoServer(transport, governor, counting)) {
      ExecutorService clients = Executors.newFixedThreadPool(8);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < 8; c++) {
        int host = 1 + c % 4;
        done.add(clients.submit(() -> {
          start.await();
          List<Socket> open = new ArrayList<>();
          try {
            for (int i = 0; i < 150; i++) {
              Socket socket = new Socket();
              open.add(socket);
              if (served(socket, host, server.address)) {
                served.incrementAndGet();
              } else {
                refused.incrementAndGet();
              }
              if (open.size() > 3 || ThreadLocalRandom.current().nextBoolean()) {
                open.remove(ThreadLocalRandom.current().nextInt(open.size())).close();
              }
            }
          } finally {
            for (Socket socket : open) {
              socket.close();
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      clients.shutdown();
      await("every connection released", () -> governor.open() == 0);
    }
    ConnectionGate gate = governor.gate();
    assertThat(worstAddress.get()).isBetween(1, perAddress);
    assertThat(worstTotal.get()).isBetween(1, total);
    assertThat(refused.get()).isPositive();
    assertThat(gate.refused()).isEqualTo(refused.get());
    assertThat(gate.admitted()).isEqualTo(served.get());
    assertThat(gate.addressCount()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void idle_connectionSilentPastTheTimeout_isReapedAndReleased(Transport transport) throws Exception {
    ConnectionGovernor governor = governor("idle").idleTimeout(Duration.ofMillis(200)).build();
    try (EchoServer server = new EchoServer(transport, governor); Socket silent = new Socket()) {
      assertThat(served(silent, 1, server.address)).isTrue();
      assertThat(Sockets.endOrReset(silent.getInputStream())).isTrue(); // closed by the server
      await("released", () -> governor.open() == 0);
      assertThat(governor.reaped()).isEqualTo(1);
    }
  }

  @Test
  void idle_overTheSoftLimit_reapedAfterThePressureTimeout() throws Exception {
    ConnectionGovernor governor = governor("pressure")
        .softLimit(2)
        .idleTimeout(Duration.ofHours(1))
        .idleTimeoutOverSoftLimit(Duration.ofMillis(150))
        .build();
    try (EchoServer server = new EchoServer(Transport.NIO, governor);
        Socket a = new Socket();
        Socket b = new Socket()) {
      assertThat(served(a, 1, server.address)).isTrue();
      assertThat(served(b, 2, server.address)).isTrue();
      assertThat(Sockets.endOrReset(a.getInputStream())).isTrue();
      await("both reaped", () -> governor.reaped() >= 1 && governor.open() < 2);
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void drain_channelStillOpenAtDeadline_isForcedAndReported(Transport transport) throws Exception {
    ConnectionGovernor governor = governor("drain").build();
    try (EchoServer server = new EchoServer(transport, governor); Socket lingering = new Socket()) {
      assertThat(served(lingering, 1, server.address)).isTrue();
      DrainReport report = governor.drain(Duration.ofMillis(200)).get(10, TimeUnit.SECONDS);
      assertThat(report.open()).isEqualTo(1);
      assertThat(report.forced()).isEqualTo(1);
      assertThat(report.took()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
      assertThat(Sockets.endOrReset(lingering.getInputStream())).isTrue();
      assertThat(governor.open()).isZero();
      assertThat(server.server.isOpen()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void fdBudgetLow_pausesAcceptingAndResumesWhenReleased(Transport transport) throws Exception {
    FdBudget budget = FdBudget.newBuilder()
        .fileDescriptors(FileDescriptors.from(FileDescriptors.Source.UNSUPPORTED))
        .limit(12).headroom(10).tracker(tracker).build(); // room for 2
    ConnectionGovernor governor = governor("paused").fdBudget(budget).pauseBelow(1).build();
    try (EchoServer server = new EchoServer(transport, governor);
        Socket a = new Socket();
        Socket b = new Socket();
        Socket waiting = new Socket()) {
      assertThat(served(a, 1, server.address)).isTrue();
      assertThat(served(b, 1, server.address)).isTrue();
      await("paused", governor::acceptPaused);
      waiting.bind(new InetSocketAddress(Sockets.loopback(1), 0));
      waiting.connect(server.address, 5_000); // completed by the kernel, not accepted
      waiting.setSoTimeout(300);
      waiting.getOutputStream().write(1);
      boolean answeredWhilePaused;
      try {
        answeredWhilePaused = waiting.getInputStream().read() == 1;
      } catch (SocketTimeoutException expected) {
        answeredWhilePaused = false;
      }
      assertThat(answeredWhilePaused).isFalse();
      assertThat(governor.gate().refused()).isZero(); // it waited in the backlog, not refused
      a.close();
      b.close();
      waiting.setSoTimeout(5_000);
      assertThat(waiting.getInputStream().read()).isEqualTo(1);
      assertThat(governor.acceptPaused()).isFalse();
    }
  }

  @Test
  void goodbye_refusedConnection_getsTheMessageThenEndOfStream() throws Exception {
    ConnectionGovernor governor = governor("goodbye")
        .maxTotal(1)
        .goodbye(reason -> Unpooled.copiedBuffer("busy " + reason + "\n", StandardCharsets.US_ASCII))
        .build();
    try (EchoServer server = new EchoServer(Transport.NIO, governor);
        Socket first = new Socket();
        Socket second = new Socket()) {
      assertThat(served(first, 1, server.address)).isTrue();
      second.connect(server.address, 5_000);
      second.setSoTimeout(5_000);
      InputStream in = second.getInputStream();
      assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("busy TOTAL\n");
      assertThat(governor.gate().refused(ConnectionGate.Refusal.TOTAL)).isEqualTo(1);
      assertThat(governor.open()).isEqualTo(1);
    }
  }

  @Test
  void handlerThatThrowsAndCloses_releasedExactlyOnce() throws Exception {
    ConnectionGovernor governor = governor("throwing").build();
    ChannelHandler failing = new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        io.netty.util.ReferenceCountUtil.release(msg);
        throw new IllegalStateException("handler failure");
      }

      @Override
      public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        io.netty.channel.ChannelFuture unused = ctx.close();
        ctx.channel().pipeline().fireChannelInactive(); // a duplicate inactive event
      }
    };
    try (EchoServer server = new EchoServer(Transport.NIO, governor, failing)) {
      for (int i = 0; i < 20; i++) {
        try (Socket socket = new Socket()) {
          assertThat(served(socket, 1, server.address)).isFalse();
        }
      }
      await("released", () -> governor.open() == 0);
      assertThat(governor.gate().released()).isEqualTo(20);
    }
  }
}
