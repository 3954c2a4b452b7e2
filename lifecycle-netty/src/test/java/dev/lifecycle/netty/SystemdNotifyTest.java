package dev.lifecycle.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.core.health.HealthListener;
import dev.lifecycle.core.health.StallReport;
import dev.lifecycle.core.health.Watchdog;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollDomainDatagramChannel;
import io.netty.channel.unix.DomainDatagramPacket;
import io.netty.channel.unix.DomainSocketAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notifications to a real UNIX datagram socket that the test binds, as systemd's would be. */
final class SystemdNotifyTest {
  private final EventLoopGroup group = Transport.EPOLL.group(1);
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

  @AfterEach
  void shutDown() throws InterruptedException {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
  }

  /** systemd's side: a datagram socket bound at {@code address} that queues what it receives. */
  private Channel bindReceiver(String address) throws InterruptedException {
    return new Bootstrap()
        .group(group)
        .channel(EpollDomainDatagramChannel.class)
        .handler(new SimpleChannelInboundHandler<DomainDatagramPacket>() {
          @Override
          protected void channelRead0(ChannelHandlerContext ctx, DomainDatagramPacket packet) {
            received.add(packet.content().toString(StandardCharsets.UTF_8));
          }
        })
        .bind(new DomainSocketAddress(address))
        .sync()
        .channel();
  }

  private String next() throws InterruptedException {
    String message = received.poll(10, TimeUnit.SECONDS);
    assertThat(message).as("a notification within 10 s").isNotNull();
    return message;
  }

  @Test
  void readyStatusStopping_toAPath_arriveInOrder(@TempDir Path dir) throws Exception {
    Path path = dir.resolve("notify");
    Channel receiver = bindReceiver(path.toString());
    try (SystemdNotify notify = SystemdNotify.connect(path.toString())) {
      assertThat(notify.ready()).isTrue();
      assertThat(notify.status("serving 3 connections\nsecond line")).isTrue();
      assertThat(notify.stopping()).isTrue();
      assertThat(next()).isEqualTo("READY=1");
      assertThat(next()).isEqualTo("STATUS=serving 3 connections second line");
      assertThat(next()).isEqualTo("STOPPING=1");
      assertThat(notify.sent()).isEqualTo(3);
      assertThat(notify.failed()).isZero();
    } finally {
      receiver.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void abstractName_withAtPrefix_isTheExactAbstractAddress() throws Exception {
    String name = "lifecycle-notify-" + ThreadLocalRandom.current().nextLong(1L << 40);
    Channel receiver = bindReceiver("\0" + name);
    try (SystemdNotify notify = SystemdNotify.connect("@" + name)) {
      // the kernel's view: an abstract name shows as "@name"; a trailing NUL would show as "@name@"
      assertThat(unixSockets()).anySatisfy(line -> assertThat(line).endsWith(" @" + name));
      assertThat(notify.ready()).isTrue();
      assertThat(next()).isEqualTo("READY=1");
    } finally {
      receiver.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void watchdog_sentOnlyWhileEveryEventLoopIsHealthy(@TempDir Path dir) throws Exception {
    Path path = dir.resolve("notify");
    Channel receiver = bindReceiver(path.toString());
    EventLoopGroup workers = Transport.NIO.group(2);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch stalled = new CountDownLatch(1);
    try (SystemdNotify notify = SystemdNotify.connect(path.toString())) {
      Watchdog watchdog = Watchdog.newBuilder("systemd test")
          .checkInterval(Duration.ofMillis(50))
          .notifyWhileHealthy(notify::watchdog)
          .listener(new HealthListener() {
            @Override
            public void onStall(StallReport stall) {
              stalled.countDown();
            }
          })
          .build();
      try (watchdog;
          EventLoopHeartbeats beats =
              EventLoopHeartbeats.start(workers, watchdog, "worker", Duration.ofMillis(300))) {
        watchdog.start();
        assertThat(next()).isEqualTo("WATCHDOG=1");

        workers.next().execute(() -> awaitQuietly(release)); // a handler blocks its loop
        assertThat(stalled.await(10, TimeUnit.SECONDS)).as("stall reported within 10 s").isTrue();
        // the check that reported the stall sent nothing; one sent by an earlier check may still be
        // on its way through the notifier's event loop: discard what arrives within two checks
        while (received.poll(100, TimeUnit.MILLISECONDS) != null) {
          // discarded
        }
        long quietSince = System.nanoTime();
        String during = received.poll(500, TimeUnit.MILLISECONDS); // ten checks while stalled
        assertThat(during)
            .as("WATCHDOG=1 while a loop is stalled, %d ms after the stall was seen",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - quietSince))
            .isNull();
        assertThat(watchdog.allHealthy()).as("still stalled through the quiet window").isFalse();

        release.countDown();
        assertThat(next()).isEqualTo("WATCHDOG=1");
        assertThat(watchdog.allHealthy()).isTrue();
        assertThat(beats.loops()).isEqualTo(2);
      }
      assertThat(notify.failed()).isZero();
    } finally {
      release.countDown();
      workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
      receiver.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void connect_relativeOrMissing_failsNamingTheSocket(@TempDir Path dir) {
    assertThatThrownBy(() -> SystemdNotify.connect("run/notify"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("notify socket \"run/notify\" is neither an absolute path nor an abstract name (@name)");
    String missing = dir.resolve("nobody-listens").toString();
    assertThatThrownBy(() -> SystemdNotify.connect(missing))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot connect to the notify socket \"" + missing + "\": ");
  }

  @Test
  void afterClose_sendsNothing(@TempDir Path dir) throws Exception {
    Path path = dir.resolve("notify");
    Channel receiver = bindReceiver(path.toString());
    try {
      SystemdNotify notify = SystemdNotify.connect(path.toString());
      notify.close();
      notify.close();
      assertThat(notify.ready()).isFalse();
      notify.watchdog();
      assertThat(notify.sent()).isZero();
      assertThat(notify.toString()).endsWith(", closed]");
    } finally {
      receiver.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static void awaitQuietly(CountDownLatch release) {
    try {
      boolean unused = release.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static java.util.List<String> unixSockets() throws IOException {
    return Files.readAllLines(Path.of("/proc/net/unix"));
  }
}
