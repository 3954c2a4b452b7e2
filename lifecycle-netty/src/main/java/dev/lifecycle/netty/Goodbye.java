package dev.lifecycle.netty;

import dev.lifecycle.core.ConnectionGate;
import dev.lifecycle.core.internal.UserCode;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The pipeline of a refused channel with a goodbye: writes it once active, then closes. */
final class Goodbye extends ChannelInboundHandlerAdapter {
  private final ConnectionGovernor governor;

  Goodbye(ConnectionGovernor governor) {
    this.governor = governor;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    ConnectionGate.Refusal refusal = ctx.channel().attr(ConnectionGovernor.REFUSAL).get();
    Function<ConnectionGate.Refusal, ?> message = governor.goodbye;
    Object[] reply = {null};
    Throwable failure =
        message == null || refusal == null ? null : UserCode.run(() -> reply[0] = message.apply(refusal));
    if (failure != null) {
      UserCode.failed("goodbye of " + governor.gate.name(), failure);
    }
    @Nullable Object goodbye = reply[0];
    if (goodbye == null) {
      ConnectionGovernor.abort(ctx.channel());
      return;
    }
    ChannelFuture unused = ctx.writeAndFlush(goodbye).addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ReferenceCountUtil.release(msg); // a refused peer's request is not served
  }
}
