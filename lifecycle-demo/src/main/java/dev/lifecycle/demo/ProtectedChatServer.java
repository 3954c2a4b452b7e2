package dev.lifecycle.demo;

import dev.lifecycle.core.FdBudget;
import dev.lifecycle.core.Owning;
import dev.lifecycle.core.Scope;
import dev.lifecycle.netty.ConnectionGovernor;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.ChannelInputShutdownReadComplete;
import io.netty.channel.socket.SocketChannel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The chat server with lifecycle, on the same Netty set-up and wire format as the unprotected one:
 * lifecycle-netty's {@link ConnectionGovernor} admits each connection against the process's {@link
 * FdBudget} (a refused one gets a 503 and is closed, before {@code EMFILE}), reaps a channel that
 * has read nothing for the idle timeout (a half-open client) and releases its accounting exactly
 * once however it closes. Each connection is a {@link Scope} that owns its channel: BYE, a reset,
 * the peer's end of input and a reaped channel all close it. Each password-reset email is a child
 * scope that owns its file and the file's FD reservation.
 */
final class ProtectedChatServer implements ChildRun {
  private final AtomicLong resets = new AtomicLong();
  private final AtomicLong emails = new AtomicLong();
  private final AtomicLong emailsRefused = new AtomicLong();
  private volatile @Nullable ConnectionGovernor governor;
  private volatile @Nullable FdBudget budget;
  private volatile @Nullable Path spool;

  @Override
  public int start(Settings settings, Wire wire) throws Exception {
    spool = Files.createTempDirectory("demo-chat-spool");
    FdBudget fds = FdBudget.system();
    budget = fds;
    wire.text("budget", fds.toString());
    ConnectionGovernor g = ConnectionGovernor.newBuilder("chat")
        .fdBudget(fds)
        .readIdleTimeout(Duration.ofMillis(settings.getLong("idleMillis")))
        .goodbye(refusal -> ChatWire.busy(ByteBufAllocator.DEFAULT))
        .build();
    governor = g;
    ServerBootstrap bootstrap = g.install(ChatNetty.bootstrap(), new ChannelInitializer<SocketChannel>() {
      @Override
      @SuppressWarnings("UnclosedResource") // the pipeline holds it; the channel's close future closes it
      protected void initChannel(SocketChannel channel) {
        ChatWire.install(channel.pipeline(), new Connection(channel));
      }
    });
    return ChatNetty.bind(bootstrap);
  }

  /** Closes the channel it owns; the scope of its connection owns it. */
  private record OwnedChannel(Channel channel) implements AutoCloseable {
    @Override
    public void close() {
      ChannelFuture unused = channel.close(); // idempotent; the governor's accounting follows the close future
    }
  }

  /** One connection: its scope owns its channel and, for the moment an email is written, the email. */
  private final class Connection extends SimpleChannelInboundHandler<String> implements AutoCloseable {
    @Owning private final Scope scope;

    Connection(Channel channel) {
      scope = Scope.open("chat connection");
      scope.own(new OwnedChannel(channel));
      ChannelFuture unused = channel.closeFuture().addListener(closed -> close()); // reaped, or reset
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, String line) {
      if (line.equals("BYE")) {
        ChannelFuture unused = ctx.writeAndFlush("BYE").addListener(written -> close());
        return;
      }
      ChannelFuture unused = ctx.writeAndFlush(ChatProtocol.answer(line, this::sendResetEmail));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
      if (event instanceof ChannelInputShutdownEvent || event instanceof ChannelInputShutdownReadComplete) {
        close(); // the peer's input ended (a FIN, or a reset): nothing more will come
      }
      ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      resets.incrementAndGet(); // a reset: the scope closes the channel
      close();
    }

    private boolean sendResetEmail(String address) {
      FdBudget fds = budget;
      Path dir = spool;
      if (fds == null || dir == null) {
        return false;
      }
      try (Scope email = scope.child("reset email")) {
        FdBudget.Reservation fd = fds.tryReserve(1);
        if (fd == null) {
          emailsRefused.incrementAndGet();
          return false;
        }
        email.own(fd);
        OutputStream transport = email.own(Files.newOutputStream(Files.createTempFile(dir, "reset-", ".eml")));
        transport.write(ChatProtocol.email(address));
        emails.incrementAndGet();
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    /** Closes the connection's scope, and so its channel. Safe to call more than once. */
    @Override
    public void close() {
      scope.close();
    }
  }

  @Override
  public Map<String, LongSupplier> gauges() {
    ConnectionGovernor g = governor;
    if (g == null) {
      return Map.of();
    }
    return Map.of("connections", g::open, "shed", () -> g.gate().refused(), "reaped", g::reaped);
  }

  @Override
  public void finish(Wire wire) {
    ConnectionGovernor g = governor;
    if (g != null) {
      wire.number("shed", g.gate().refused());
      wire.number("reaped", g.reaped());
      wire.number("acceptFailures", g.acceptFailures());
    }
    wire.number("resets", resets.get());
    wire.number("emails", emails.get());
    wire.number("emailsRefused", emailsRefused.get());
  }
}
