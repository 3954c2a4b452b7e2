package dev.lifecycle.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.nio.NioChannelOption;
import java.net.Socket;
import java.time.Duration;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@SuppressWarnings("try") // EchoServer.close() may be interrupted
final class KeepAliveTest {
  @ParameterizedTest
  @EnumSource(Transport.class)
  void keepAlive_onEveryAdmittedChannel_setsIdleAndIntervalOfTheTransport(Transport transport)
      throws Exception {
    ConnectionGovernor governor = ConnectionGovernor.newBuilder("keep-alive")
        .keepAlive(Duration.ofSeconds(17), Duration.ofMillis(4_900))
        .build();
    try (EchoServer server = new EchoServer(transport, governor);
        Socket client = new Socket()) {
      assertThat(Sockets.served(client, 1, server.address)).isTrue();
      Sockets.await("child tracked", () -> !server.children.isEmpty());
      Channel child = server.children.iterator().next();
      ChannelConfig config = child.config();
      assertThat(config.getOption(ChannelOption.SO_KEEPALIVE)).isTrue();
      if (transport == Transport.EPOLL) {
        assertThat(config.getOption(EpollChannelOption.TCP_KEEPIDLE)).isEqualTo(17);
        assertThat(config.getOption(EpollChannelOption.TCP_KEEPINTVL)).isEqualTo(4);
      } else {
        assertThat(config.getOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPIDLE))).isEqualTo(17);
        assertThat(config.getOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPINTERVAL))).isEqualTo(4);
      }
    }
  }

  @Test
  void keepAlive_underASecond_failsNamingTheValue() {
    assertThatThrownBy(() -> ConnectionGovernor.newBuilder("k").keepAlive(Duration.ofMillis(500), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keep-alive idle PT0.5S is out of range; give 1 s to 32767 s (the kernel's TCP_KEEPIDLE/TCP_KEEPINTVL)");
  }
}
