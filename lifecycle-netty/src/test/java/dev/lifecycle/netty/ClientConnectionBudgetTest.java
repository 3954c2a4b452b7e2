package dev.lifecycle.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.core.CapacityExceededException;
import dev.lifecycle.core.KeyedPermits;
import dev.lifecycle.core.Tracker;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.Future;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class ClientConnectionBudgetTest {
  /** A client that does nothing with its channel. */
  @ChannelHandler.Sharable
  static final class Idle extends ChannelInboundHandlerAdapter {}

  private final Tracker tracker = Tracker.newBuilder().name("client budget test").build();
  private final List<EventLoopGroup> groups = new ArrayList<>();

  @AfterEach
  void shutDown() throws InterruptedException {
    for (EventLoopGroup group : groups) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
    }
  }

  private Bootstrap bootstrap(Transport transport) {
    EventLoopGroup group = transport.group(1);
    groups.add(group);
    return new Bootstrap()
        .group(group)
        .channel(transport.client)
        .handler(new Idle())
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 200);
  }

  private ClientConnectionBudget budget(int perKey) {
    return ClientConnectionBudget.of(
        KeyedPermits.<Object>newBuilder().perKeyLimit(perKey).globalLimit(10).tracker(tracker).build());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void connect_refusedByThePeer_releasesThePermit(Transport transport) throws Exception {
    ClientConnectionBudget budget = budget(2);
    InetSocketAddress closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = (InetSocketAddress) probe.getLocalSocketAddress();
    }
    Bootstrap bootstrap = bootstrap(transport);
    for (int i = 0; i < 20; i++) {
      Future<Channel> connect = budget.connect(bootstrap, closedPort);
      assertThat(connect.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(connect.isSuccess()).isFalse();
    }
    Sockets.await("permits released", () -> budget.inUse() == 0);
    assertThat(budget.permits().audit().isClean()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void connect_timesOutOrIsCancelled_releasesThePermit(Transport transport) throws Exception {
    ClientConnectionBudget budget = budget(2);
    // A full backlog: the kernel drops further SYNs, so a connect waits until its timeout.
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      InetSocketAddress address = (InetSocketAddress) full.getLocalSocketAddress();
      Bootstrap bootstrap = bootstrap(transport);
      List<Future<Channel>> connects = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        connects.add(budget.connect(bootstrap, "backlog-" + i, address));
      }
      List<Channel> inBacklog = new ArrayList<>();
      for (Future<Channel> connect : connects) {
        assertThat(connect.await(10, TimeUnit.SECONDS)).isTrue();
        if (connect.isSuccess()) {
          inBacklog.add(connect.getNow()); // the few the backlog took, held so it stays full
        }
      }
      assertThat(inBacklog.size()).isLessThan(8); // the rest timed out
      Future<Channel> cancelled = budget.connect(bootstrap, "cancelled", address);
      assertThat(cancelled.cancel(false)).isTrue(); // its SYN is dropped: the connect is pending
      assertThat(cancelled.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(cancelled.isCancelled()).isTrue();
      for (Channel channel : inBacklog) {
        assertThat(channel.close().await(10, TimeUnit.SECONDS)).isTrue();
      }
      Sockets.await("permits released", () -> budget.inUse() == 0);
    }
    assertThat(budget.permits().audit().isClean()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void connect_overTheKeyLimit_failsAtOnceAndReleasedOnClose(Transport transport) throws Exception {
    ClientConnectionBudget budget = budget(1);
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      InetSocketAddress address = (InetSocketAddress) server.getLocalSocketAddress();
      Bootstrap bootstrap = bootstrap(transport);
      Channel first = budget.connect(bootstrap, address).sync().getNow();
      Future<Channel> second = budget.connect(bootstrap, address);
      assertThat(second.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(second.cause())
          .isInstanceOf(CapacityExceededException.class)
          .hasMessageContaining("1 of 1 in use for the key");
      assertThat(second.cause()).isInstanceOf(deprecatedType());
      assertThat(budget.denied()).isEqualTo(1);
      assertThat(budget.inUse(ClientConnectionBudget.keyOf(address))).isEqualTo(1);
      assertThat(first.close().await(10, TimeUnit.SECONDS)).isTrue();
      Sockets.await("permit released", () -> budget.inUse() == 0);
      Channel third = budget.connect(bootstrap, address).sync().getNow();
      assertThat(third.close().await(10, TimeUnit.SECONDS)).isTrue();
    }
    Sockets.await("permits released", () -> budget.inUse() == 0);
  }

  @SuppressWarnings("deprecation") // code written against the old type must keep catching it
  private static Class<?> deprecatedType() {
    return ConnectionBudgetExceededException.class;
  }
}
