package dev.lifecycle.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.core.ConnectionGate;
import dev.lifecycle.core.Tracker;
import dev.lifecycle.proptest.Gen;
import dev.lifecycle.proptest.Stateful;
import dev.lifecycle.proptest.Statistics;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The governor's Netty side (its server handler admitting accepted channels before they are
 * registered, its child handler, the release on the close future) against a model, over random
 * scripts of opens from four hosts, closes, peer resets (an exception, the close, then a duplicate
 * {@code channelInactive}), idle reaping and late closes of channels long gone. {@link
 * EmbeddedChannel}s stand in for the server and its children: the accounting is the subject, not
 * the sockets (ConnectionGovernorTest has those).
 */
final class GovernorStatefulTest {
  private static final int PER_ADDRESS = 2;
  private static final int TOTAL = 5;
  private static final int HOSTS = 4;

  /** The model: the host of each open channel, oldest first, and what was refused and closed. */
  static final class Model {
    final List<Integer> open = new ArrayList<>();
    int closed;
    long refused;
    long reaped;

    int open(int host) {
      return Collections.frequency(open, host);
    }
  }

  /** An accepted child with a remote address of its host, not registered until admitted. */
  static final class Child extends EmbeddedChannel {
    private final InetSocketAddress remote;

    Child(int host, int port) {
      super(false, false);
      this.remote = new InetSocketAddress(Sockets.loopback(host), port);
    }

    @Override
    protected SocketAddress remoteAddress0() {
      return remote;
    }
  }

  /** The real governor on an embedded server channel, and the children by the model's index. */
  static final class Real {
    final ConnectionGovernor governor = ConnectionGovernor.newBuilder("stateful")
        .maxPerAddress(PER_ADDRESS)
        .maxTotal(TOTAL)
        .readIdleTimeout(Duration.ofMillis(50))
        .tracker(Tracker.newBuilder().name("governor-stateful").build())
        .build();
    final EmbeddedChannel server = new EmbeddedChannel(
        governor.serverHandler(),
        new ChannelInboundHandlerAdapter() { // ServerBootstrap's acceptor: set up, then register
          @Override
          public void channelRead(ChannelHandlerContext ctx, Object msg) {
            Child child = (Child) msg;
            child.pipeline().addLast(governor.wrap(new ChannelInboundHandlerAdapter() {
              @Override
              public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                ChannelFuture unused = ctx.close(); // a peer's reset, as a server's last handler does
              }
            }));
            try {
              child.register();
            } catch (Exception e) {
              throw new AssertionError(e);
            }
          }
        });
    final List<Child> open = new ArrayList<>();
    final List<Child> closed = new ArrayList<>();
    int port = 40_000;
  }

  private static void open(Model model, Real real, int host) {
    Child child = new Child(host, real.port++);
    long admitted = real.governor.gate().admitted();
    real.server.writeInbound(child);
    if (model.open.size() >= TOTAL || model.open(host) >= PER_ADDRESS) {
      assertThat(real.governor.gate().admitted()).as("admitted").isEqualTo(admitted);
      assertThat(child.isOpen()).as("refused channel closed at once").isFalse();
      model.refused++;
    } else {
      assertThat(real.governor.gate().admitted()).as("admitted").isEqualTo(admitted + 1);
      real.open.add(child);
      model.open.add(host);
      if (!child.isOpen()) { // a loaded machine let it sit idle past its timeout while registering
        assertThat(real.governor.reaped()).isPositive();
        gone(model, real, model.open.size() - 1);
      }
    }
  }

  private static void gone(Model model, Real real, int index) {
    Child child = real.open.remove(index);
    assertThat(child.isOpen()).isFalse();
    real.closed.add(child);
    model.open.remove(/* index */ index);
    model.closed++;
  }

  private static void close(Model model, Real real, int index) {
    Child child = real.open.get(index);
    ChannelFuture unused = child.close();
    gone(model, real, index);
  }

  private static void reset(Model model, Real real, int index) {
    Child child = real.open.get(index);
    child.pipeline().fireExceptionCaught(new IOException("Connection reset by peer"));
    child.runPendingTasks();
    child.pipeline().fireChannelInactive(); // a duplicate event: nothing more may be released
    gone(model, real, index);
  }

  private static void idle(Model model, Real real, int index) {
    Child child = real.open.get(index);
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(10);
    while (child.isOpen() && System.nanoTime() - deadline < 0) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // idle past the 50 ms timeout
      child.runScheduledPendingTasks();
    }
    assertThat(child.isOpen()).as("idle channel reaped within 10 s").isFalse();
    model.reaped++;
    gone(model, real, index);
  }

  private static void lateClose(Model model, Real real, int index) {
    Channel child = real.closed.get(index);
    ChannelFuture unused = child.close();
    child.pipeline().fireChannelInactive();
  }

  private static void invariants(Model model, Real real) {
    ConnectionGate gate = real.governor.gate();
    assertThat(real.governor.open()).as("open").isEqualTo(model.open.size());
    int addresses = 0;
    for (int host = 1; host <= HOSTS; host++) {
      assertThat(gate.open(new InetSocketAddress(Sockets.loopback(host), 1)))
          .as("open from host " + host).isEqualTo(model.open(host));
      addresses += model.open(host) > 0 ? 1 : 0;
    }
    assertThat(gate.addressCount()).as("addresses").isEqualTo(addresses);
    assertThat(gate.released()).as("released").isEqualTo(model.closed);
    assertThat(gate.admitted()).as("admitted").isEqualTo(model.closed + model.open.size());
    assertThat(gate.refused()).as("refused").isEqualTo(model.refused);
    // a close, reset or open may find its channel idle past 50 ms and reap it first: at least the idle steps
    assertThat(real.governor.reaped()).as("reaped").isGreaterThanOrEqualTo(model.reaped);
  }

  @Test
  void governor_matchesModel_underRandomOpenCloseResetIdleScripts() {
    Statistics statistics =
        Stateful.of(Model::new, Real::new)
            .action("open", Gen.ints(1, HOSTS), GovernorStatefulTest::open)
            .action("close", m -> !m.open.isEmpty(), m -> Gen.ints(0, m.open.size() - 1),
                GovernorStatefulTest::close)
            .action("reset", m -> !m.open.isEmpty(), m -> Gen.ints(0, m.open.size() - 1),
                GovernorStatefulTest::reset)
            .action("idle", m -> !m.open.isEmpty(), m -> Gen.ints(0, m.open.size() - 1),
                GovernorStatefulTest::idle)
            .action("lateClose", m -> m.closed > 0, m -> Gen.ints(0, m.closed - 1),
                GovernorStatefulTest::lateClose)
            .invariant("governor equals model", GovernorStatefulTest::invariants)
            .maxSteps(40)
            .tries(150)
            .maxDuration(Duration.ofSeconds(30))
            .check();
    assertThat(statistics.actionCounts())
        .allSatisfy((action, count) -> assertThat(count).as(action).isPositive());
  }
}
