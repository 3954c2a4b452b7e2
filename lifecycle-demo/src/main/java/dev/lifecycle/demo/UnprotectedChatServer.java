package dev.lifecycle.demo;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The chat site's server as the postmortem describes it, on Netty: a websocket-like server ({@link
 * ChatWire}) that registers each client's channel in a map by user name and removes it, and closes
 * the channel, only when the client says BYE. A client that vanishes (a reset, a half-open
 * connection that never sends again) stays in the map with its socket open: with half-closure
 * allowed, nothing else closes it. The mailer keeps one open file per password-reset email. When
 * the FDs run out, accepting fails with {@code EMFILE}; Netty retries a second later, and new
 * clients wait in the backlog with no answer.
 */
final class UnprotectedChatServer implements ChildRun {
  private final Map<String, Channel> clients = new ConcurrentHashMap<>();
  private final List<OutputStream> mailerTransports = new CopyOnWriteArrayList<>();
  private final AtomicLong resets = new AtomicLong();
  private volatile ChatNetty.@Nullable AcceptFailures acceptFailures;
  private volatile @Nullable Path spool;

  @Override
  public int start(Settings settings, Wire wire) throws Exception {
    spool = Files.createTempDirectory("demo-chat-spool");
    ChatNetty.AcceptFailures failures = new ChatNetty.AcceptFailures(wire);
    acceptFailures = failures;
    ServerBootstrap bootstrap = ChatNetty.bootstrap()
        .handler(failures)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            ChatWire.install(channel.pipeline(), new Handler());
          }
        });
    return ChatNetty.bind(bootstrap);
  }

  /** One client's handler: the chat as it was written. */
  private final class Handler extends SimpleChannelInboundHandler<String> {
    private String name = "";

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, String line) {
      if (line.startsWith("HELLO ")) {
        name = line.substring(6);
        clients.put(name, ctx.channel());
      }
      if (line.equals("BYE")) { // the bug replayed: the one path that forgets and closes the channel
        clients.remove(name);
        ChannelFuture unused = ctx.writeAndFlush("BYE").addListener(ChannelFutureListener.CLOSE);
        return;
      }
      ChannelFuture unused = ctx.writeAndFlush(ChatProtocol.answer(line, UnprotectedChatServer.this::sendResetEmail));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // "Connection reset by peer": the client is gone; its channel stays open, and in `clients`.
      resets.incrementAndGet();
    }
  }

  // The mailer's bug replayed: one open file per email, kept by the transport list, never closed.
  @SuppressWarnings("UnclosedResource")
  private boolean sendResetEmail(String address) {
    try {
      Path dir = spool;
      if (dir == null) {
        return false;
      }
      OutputStream transport = Files.newOutputStream(Files.createTempFile(dir, "reset-", ".eml"));
      mailerTransports.add(transport);
      transport.write(ChatProtocol.email(address));
      transport.flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public Map<String, LongSupplier> gauges() {
    return Map.of("connections", () -> clients.size(), "emailFiles", () -> mailerTransports.size(),
        "openChannels", () -> clients.values().stream().filter(Channel::isOpen).count());
  }

  @Override
  public void finish(Wire wire) {
    ChatNetty.AcceptFailures failures = acceptFailures;
    wire.number("acceptFailures", failures == null ? 0 : failures.count());
    wire.number("leakedEmailFiles", mailerTransports.size());
    wire.number("resets", resets.get());
  }
}
