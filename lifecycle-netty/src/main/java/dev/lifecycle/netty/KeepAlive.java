package dev.lifecycle.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioChannelOption;
import jdk.net.ExtendedSocketOptions;

/**
 * TCP keep-alive idle time and probe interval on a child channel, where its transport has them:
 * epoll's {@code TCP_KEEPIDLE}/{@code TCP_KEEPINTVL}, io_uring's, and NIO's through {@link
 * ExtendedSocketOptions}. Looked up by name, so that this module needs no native transport. A
 * transport without them keeps the kernel's defaults (two hours on Linux) with {@code SO_KEEPALIVE}
 * on.
 */
final class KeepAlive {
  private static final ChannelOption<Integer> NIO_IDLE = NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPIDLE);
  private static final ChannelOption<Integer> NIO_INTERVAL =
      NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPINTERVAL);
  private static final String[] NATIVE = {
    "io.netty.channel.epoll.EpollChannelOption", "io.netty.channel.uring.IoUringChannelOption"
  };

  final int idleSeconds;
  final int intervalSeconds;

  KeepAlive(int idleSeconds, int intervalSeconds) {
    this.idleSeconds = idleSeconds;
    this.intervalSeconds = intervalSeconds;
  }

  /** Turns keep-alive on with these times; true if the transport took both. */
  boolean apply(Channel channel) {
    ChannelConfig config = channel.config();
    try {
      config.setOption(ChannelOption.SO_KEEPALIVE, true);
      if (config.setOption(NIO_IDLE, idleSeconds)) {
        return config.setOption(NIO_INTERVAL, intervalSeconds);
      }
      for (String type : NATIVE) {
        String idle = type + "#TCP_KEEPIDLE";
        String interval = type + "#TCP_KEEPINTVL";
        if (ChannelOption.exists(idle)
            && ChannelOption.exists(interval)
            && config.setOption(ChannelOption.<Integer>valueOf(idle), idleSeconds)) {
          return config.setOption(ChannelOption.<Integer>valueOf(interval), intervalSeconds);
        }
      }
    } catch (RuntimeException closed) {
      // the peer is gone already (the option cannot be set on a closed socket): nothing to keep alive
    }
    return false;
  }
}
