package dev.lifecycle.demo;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The chat's websocket-like wire format, as both chat servers speak it on Netty: an HTTP/1.1
 * upgrade handshake ({@code Upgrade: websocket}, answered {@code 101 Switching Protocols}), then
 * frames of a two-byte big-endian length and that many bytes of UTF-8 text, one chat line each.
 */
final class ChatWire {
  static final String UPGRADE_REQUEST =
      "GET /chat HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n";
  static final String SWITCHING = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n";
  static final String BUSY = "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n";
  static final String BAD_REQUEST = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n";
  static final int MAX_FRAME = 0xFFFF;
  private static final int MAX_HEADER = 4096;

  private ChatWire() {}

  /** Puts the handshake first in {@code pipeline}; after the upgrade, the frame codec, then {@code app}. */
  static void install(ChannelPipeline pipeline, ChannelHandler app) {
    pipeline.addLast("upgrade", new Upgrade(app));
  }

  /** The 503 a refused connection gets before its close. */
  static ByteBuf busy(ByteBufAllocator alloc) {
    return ByteBufUtil.writeAscii(alloc, BUSY);
  }

  /** Reads the upgrade request, answers it, and replaces itself with the frame codec. */
  private static final class Upgrade extends ByteToMessageDecoder {
    private final ChannelHandler app;

    Upgrade(ChannelHandler app) {
      this.app = app;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
      int end = endOfHeader(in);
      if (end < 0) {
        if (in.readableBytes() > MAX_HEADER) {
          in.skipBytes(in.readableBytes());
          ChannelFuture unused = ctx.writeAndFlush(ByteBufUtil.writeAscii(ctx.alloc(), BAD_REQUEST))
              .addListener(ChannelFutureListener.CLOSE);
        }
        return;
      }
      String header = in.readCharSequence(end - in.readerIndex(), StandardCharsets.US_ASCII).toString();
      if (!header.startsWith("GET ") || !header.toLowerCase(Locale.ROOT).contains("\r\nupgrade: websocket\r\n")) {
        ChannelFuture unused = ctx.writeAndFlush(ByteBufUtil.writeAscii(ctx.alloc(), BAD_REQUEST))
            .addListener(ChannelFutureListener.CLOSE);
        return;
      }
      ChannelFuture unused = ctx.writeAndFlush(ByteBufUtil.writeAscii(ctx.alloc(), SWITCHING));
      ctx.pipeline()
          .addAfter(ctx.name(), "frames", new LengthFieldBasedFrameDecoder(MAX_FRAME, 0, 2, 0, 2))
          .addAfter("frames", "text", new StringDecoder(StandardCharsets.UTF_8))
          .addAfter("text", "prepender", new LengthFieldPrepender(2))
          .addAfter("prepender", "encoder", new StringEncoder(StandardCharsets.UTF_8))
          .addAfter("encoder", "app", app);
      ctx.pipeline().remove(this); // what is left of the buffer goes on to the frame decoder
    }

    /** The index just past the header's blank line, or -1 when it has not all arrived. */
    private static int endOfHeader(ByteBuf in) {
      int last = in.writerIndex() - 4;
      for (int i = in.readerIndex(); i <= last; i++) {
        if (in.getByte(i) == '\r' && in.getByte(i + 1) == '\n' && in.getByte(i + 2) == '\r' && in.getByte(i + 3) == '\n') {
          return i + 4;
        }
      }
      return -1;
    }
  }
}
