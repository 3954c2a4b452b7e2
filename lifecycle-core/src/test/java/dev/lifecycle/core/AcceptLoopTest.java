package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.core.health.FileDescriptors;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The blocking accept loop against real sockets on loopback, with the process's own FD count as the
 * judge. Isolated: other test classes must not open descriptors while the count is compared.
 */
@Isolated
@SuppressWarnings("try") // sockets closed by hand mid-test on purpose; Server.close waits (may be interrupted)
final class AcceptLoopTest {
  private static final FileDescriptors FDS = FileDescriptors.system();
  private final Tracker tracker = Tracker.newBuilder().name("accept loop test").build();

  /** Answers one byte with one byte, then waits for the client's end of stream. */
  static void echoOnce(SocketChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(1);
    if (channel.read(buffer) < 0) {
      return;
    }
    buffer.flip();
    channel.write(buffer);
    buffer.clear();
    while (channel.read(buffer) >= 0) {
      buffer.clear();
    }
  }

  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not within 10 s: " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }

  /** {@code 127.0.0.host}: every address of 127/8 is the loopback interface on Linux. */
  static InetAddress loopback(int host) {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) host});
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  static long openFds() {
    return FDS.open().orElseThrow();
  }

  /** Connects from {@code 127.0.0.host}, sends a byte; true if the server answered it. */
  static boolean served(Socket socket, int host, InetSocketAddress server) throws IOException {
    socket.bind(new InetSocketAddress(loopback(host), 0));
    socket.setSoTimeout(5_000);
    try {
      socket.connect(server, 5_000); // a refusal's reset can arrive before connect returns
      socket.getOutputStream().write(1);
      return socket.getInputStream().read() == 1;
    } catch (SocketTimeoutException e) {
      throw e; // neither served nor refused: a failure of the test
    } catch (IOException reset) {
      return false;
    }
  }

  private static final class Server implements AutoCloseable {
    final ExecutorService handlers = Executors.newCachedThreadPool();
    final ExecutorService acceptor = Executors.newSingleThreadExecutor();
    final AcceptLoop loop;
    final InetSocketAddress address;
    final Future<?> running;

    Server(ConnectionGate gate, AcceptLoop.Handler<SocketChannel> handler) throws IOException {
      ServerSocketChannel channel = ServerSocketChannel.open();
      channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
      address = (InetSocketAddress) channel.getLocalAddress();
      loop = AcceptLoop.of(channel, gate, handlers, handler);
      running = acceptor.submit(loop::run);
    }

    @Override
    public void close() throws Exception {
      loop.drain(Duration.ofSeconds(5));
      running.get(10, TimeUnit.SECONDS);
      acceptor.shutdown();
      handlers.shutdown();
      assertThat(handlers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
      assertThat(acceptor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  /** One burst: a third closed normally, a third reset, a third half-closed and closed later. */
  static void burst(InetSocketAddress server, int connections, int round) throws IOException {
    List<Socket> halfOpen = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Socket socket = new Socket();
      try {
        assertThat(served(socket, 1 + (i + round) % 4, server)).isTrue();
        switch (i % 3) {
          case 0 -> socket.close();
          case 1 -> {
            socket.setSoLinger(true, 0);
            socket.close();
          }
          default -> {
            socket.shutdownOutput();
            halfOpen.add(socket);
          }
        }
      } catch (IOException | RuntimeException | Error e) {
        socket.close();
        throw e;
      }
    }
    for (Socket socket : halfOpen) {
      socket.close();
    }
  }

  @Test
  void churn_normalResetAndHalfOpen_accountingZeroAndFdsBackToBaseline() throws Exception {
    ConnectionGate gate = ConnectionGate.newBuilder("churn").maxPerAddress(1_000).tracker(tracker).build();
    int bursts = 40;
    int perBurst = 250; // 10 000 connections in all
    try (Server server = new Server(gate, AcceptLoopTest::echoOnce)) {
      burst(server.address, perBurst, 0); // warm-up: the JDK opens some descriptors once
      await("warm-up connections closed", () -> gate.open() == 0);
      long baseline = openFds();
      for (int round = 1; round < bursts; round++) {
        burst(server.address, perBurst, round);
      }
      await("every connection released", () -> gate.open() == 0 && server.loop.connections() == 0);
      assertThat(gate.admitted()).isEqualTo((long) bursts * perBurst);
      assertThat(gate.released()).isEqualTo(gate.admitted());
      assertThat(gate.refused()).isZero();
      assertThat(gate.addressCount()).isZero();
      await("FDs back to the baseline " + baseline, () -> openFds() <= baseline + 2);
    }
  }

  @Test
  void racingClients_fromFourAddresses_neverExceedLimitsAndEveryRefusalIsClosedAndCounted()
      throws Exception {
    int perAddress = 4;
    int total = 10;
    ConnectionGate gate = ConnectionGate.newBuilder("race")
        .maxPerAddress(perAddress).maxTotal(total).tracker(tracker).build();
    AtomicIntegerArray serving = new AtomicIntegerArray(256);
    AtomicInteger servingTotal = new AtomicInteger();
    AtomicInteger worstAddress = new AtomicInteger();
    AtomicInteger worstTotal = new AtomicInteger();
    AcceptLoop.Handler<SocketChannel> handler = channel -> {
      int host = ((InetSocketAddress) channel.getRemoteAddress()).getAddress().getAddress()[3];
      worstAddress.accumulateAndGet(serving.incrementAndGet(host), Math::max);
      worstTotal.accumulateAndGet(servingTotal.incrementAndGet(), Math::max);
      try {
        echoOnce(channel);
      } finally {
        servingTotal.decrementAndGet();
        serving.decrementAndGet(host);
      }
    };
    AtomicInteger served = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    try (Server server = new Server(gate, handler)) {
      ExecutorService clients = Executors.newFixedThreadPool(8);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < 8; c++) {
        int host = 1 + c % 4;
        done.add(clients.submit(() -> {
          start.await();
          List<Socket> open = new ArrayList<>();
          try {
            for (int i = 0; i < 150; i++) {
              Socket socket = new Socket();
              open.add(socket);
              if (served(socket, host, server.address)) {
                served.incrementAndGet();
              } else {
                refused.incrementAndGet();
              }
              if (open.size() > 3 || ThreadLocalRandom.current().nextBoolean()) {
                open.remove(ThreadLocalRandom.current().nextInt(open.size())).close();
              }
            }
          } finally {
            for (Socket socket : open) {
              socket.close();
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      clients.shutdown();
      await("every connection released", () -> gate.open() == 0);
    }
    assertThat(worstAddress.get()).isBetween(1, perAddress);
    assertThat(worstTotal.get()).isBetween(1, total);
    assertThat(refused.get()).isPositive();
    assertThat(gate.refused()).isEqualTo(refused.get());
    assertThat(gate.admitted()).isEqualTo(served.get());
    assertThat(gate.addressCount()).isZero();
  }

  @Test
  void drain_connectionStillOpenAtDeadline_isForceClosedAndCounted() throws Exception {
    ConnectionGate gate = ConnectionGate.newBuilder("drain").tracker(tracker).build();
    Server server = new Server(gate, AcceptLoopTest::echoOnce);
    try (Socket lingering = new Socket()) {
      assertThat(served(lingering, 1, server.address)).isTrue();
      int forced = server.loop.drain(Duration.ofMillis(200));
      assertThat(forced).isEqualTo(1);
      assertThat(gate.open()).isZero();
      InputStream in = lingering.getInputStream();
      assertThat(readEndOrReset(in)).isTrue();
    } finally {
      server.close();
    }
    assertThat(server.loop.forced()).isEqualTo(1);
  }

  static boolean readEndOrReset(InputStream in) {
    try {
      return in.read() < 0;
    } catch (IOException reset) {
      return true;
    }
  }

  @Test
  void plainServerSocket_overLimit_refusedWithResetAndReleasedAfterHandler() throws Exception {
    ConnectionGate gate = ConnectionGate.newBuilder("plain").maxTotal(1).tracker(tracker).build();
    ServerSocket serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    InetSocketAddress address = (InetSocketAddress) serverSocket.getLocalSocketAddress();
    ExecutorService handlers = Executors.newCachedThreadPool();
    AcceptLoop loop = AcceptLoop.of(serverSocket, gate, handlers, socket -> {
      InputStream in = socket.getInputStream();
      socket.getOutputStream().write(in.read());
      while (in.read() >= 0) {
        // until the client's end of stream
      }
    });
    ExecutorService acceptor = Executors.newSingleThreadExecutor();
    Future<?> running = acceptor.submit(loop::run);
    try (Socket first = new Socket(); Socket second = new Socket()) {
      assertThat(served(first, 1, address)).isTrue();
      assertThat(served(second, 2, address)).isFalse();
      assertThat(gate.refused(ConnectionGate.Refusal.TOTAL)).isEqualTo(1);
      first.close();
      await("first released", () -> gate.open() == 0);
    } finally {
      assertThat(loop.drain(Duration.ofSeconds(5))).isZero();
      running.get(10, TimeUnit.SECONDS);
      acceptor.shutdown();
      handlers.shutdown();
    }
    assertThat(serverSocket.isClosed()).isTrue();
  }

  @Test
  void fdBudgetLow_pausesAcceptingAndResumesWhenReleased() throws Exception {
    FdBudget budget = FdBudgetTest.counting(12, 10); // capacity 2
    ConnectionGate gate =
        ConnectionGate.newBuilder("paused").fdBudget(budget).pauseBelow(1).tracker(tracker).build();
    try (Server server = new Server(gate, AcceptLoopTest::echoOnce);
        Socket a = new Socket();
        Socket b = new Socket();
        Socket waiting = new Socket()) {
      assertThat(served(a, 1, server.address)).isTrue();
      assertThat(served(b, 1, server.address)).isTrue();
      await("paused", gate::acceptPaused);
      waiting.bind(new InetSocketAddress(loopback(1), 0));
      waiting.connect(server.address, 5_000); // completed by the kernel, not accepted
      waiting.setSoTimeout(300);
      waiting.getOutputStream().write(1);
      boolean answeredWhilePaused;
      try {
        answeredWhilePaused = waiting.getInputStream().read() == 1;
      } catch (SocketTimeoutException expected) {
        answeredWhilePaused = false;
      }
      assertThat(answeredWhilePaused).isFalse();
      assertThat(gate.refused()).isZero(); // it waited in the backlog, not refused
      a.close();
      b.close();
      waiting.setSoTimeout(5_000);
      assertThat(waiting.getInputStream().read()).isEqualTo(1); // accepted once there is room again
    }
  }
}
