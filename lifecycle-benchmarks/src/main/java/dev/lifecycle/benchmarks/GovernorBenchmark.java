package dev.lifecycle.benchmarks;

import dev.lifecycle.netty.ConnectionGovernor;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ipfilter.UniqueIpFilter;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One channel's whole life (create, register, close) through Netty's {@link EmbeddedChannel}: with
 * a bare handler (the floor), with the {@link ConnectionGovernor}'s bookkeeping (admission on the
 * server pipeline, its per-channel handler, release when the close future completes), with Netty's
 * {@link UniqueIpFilter}, and added to a {@link DefaultChannelGroup}, which is what a server does
 * to close its children on shutdown.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Thread)
public class GovernorBenchmark {
  private static final SocketAddress REMOTE =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 40_000);
  private static final ChannelHandler BARE = new Bare();

  /** A handler that does nothing. */
  @ChannelHandler.Sharable
  static final class Bare extends ChannelInboundHandlerAdapter {}

  /** An embedded channel with a remote IP address, as accepted channels have. */
  static final class Accepted extends EmbeddedChannel {
    Accepted(ChannelHandler handler) {
      super(handler);
    }

    @Override
    protected SocketAddress remoteAddress0() {
      return REMOTE;
    }
  }

  private final ConnectionGovernor governor =
      ConnectionGovernor.newBuilder("benchmark").maxPerAddress(1_000_000).build();
  private final EmbeddedChannel server = new EmbeddedChannel(governor.serverHandler());
  private final ChannelHandler governed = governor.wrap(BARE);
  private final DefaultChannelGroup group = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final UniqueIpFilter unique = new UniqueIpFilter();

  @TearDown
  public void tearDown() {
    server.finishAndReleaseAll();
    if (governor.open() != 0) {
      throw new AssertionError("governor left " + governor.open() + " channels counted");
    }
  }

  @Benchmark
  public EmbeddedChannel bare() {
    EmbeddedChannel channel = new Accepted(BARE);
    ChannelFuture unused = channel.close();
    return channel;
  }

  @Benchmark
  public EmbeddedChannel governor() {
    EmbeddedChannel channel = new Accepted(governed);
    server.pipeline().fireChannelRead(channel);
    ChannelFuture unused = channel.close();
    return channel;
  }

  @Benchmark
  public EmbeddedChannel uniqueIpFilter() {
    EmbeddedChannel channel = new Accepted(unique);
    ChannelFuture unused = channel.close();
    return channel;
  }

  @Benchmark
  public EmbeddedChannel channelGroup() {
    EmbeddedChannel channel = new Accepted(BARE);
    group.add(channel);
    ChannelFuture unused = channel.close();
    return channel;
  }
}
