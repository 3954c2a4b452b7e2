package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's blocking-server quickstart is this file's region between the {@code README} markers,
 * so the snippet users copy is compiled and run here.
 */
final class AcceptLoopReadmeTest {
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final ExecutorService acceptor = Executors.newSingleThreadExecutor();

  // README:blocking-quickstart:begin
  AcceptLoop start(InetSocketAddress address) throws IOException {
    FdBudget budget = FdBudget.system(); // the FD limit, minus headroom for logs, JDBC, ...
    ConnectionGate gate = ConnectionGate.newBuilder("orders")
        .maxPerAddress(64) // one client cannot take every connection
        .maxTotal((int) Math.min(10_000, budget.capacity())) // never more than the FDs allow
        .fdBudget(budget) // one descriptor per connection; accepting pauses while few are left
        .build();
    ServerSocketChannel server = ServerSocketChannel.open().bind(address);
    // threads: Executors.newVirtualThreadPerTaskExecutor() on Java 21+, or any Executor
    AcceptLoop loop = AcceptLoop.of(server, gate, threads, channel -> echo(channel));
    acceptor.execute(loop::run); // accepts until loop.close() or loop.drain(...)
    return loop; // over a limit: reset at once (SO_LINGER 0), counted, logged once a second
  }

  static void echo(SocketChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(512);
    while (channel.read(buffer) >= 0) { // the loop closes the channel and releases its count after
      channel.write(buffer.flip());
      buffer.clear();
    }
  }
  // README:blocking-quickstart:end

  @Test
  void quickstart_echoesThenDrains() throws Exception {
    AcceptLoop loop = start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    InetSocketAddress address = (InetSocketAddress) loop.localAddress();
    try (Socket client = new Socket(address.getAddress(), address.getPort())) {
      client.getOutputStream().write("hi\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      assertThat(client.getInputStream().readNBytes(3)).isEqualTo("hi\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      assertThat(loop.gate().open()).isEqualTo(1);
      assertThat(loop.drain(Duration.ofMillis(100))).isEqualTo(1); // still open: forced
    } finally {
      loop.close();
      threads.shutdown();
      acceptor.shutdown();
      assertThat(acceptor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(loop.gate().open()).isZero();
  }

  @Test
  void readme_showsThisFilesQuickstart() {
    assertThat(Readme.text()).contains(Readme.region(AcceptLoopReadmeTest.class, "blocking-quickstart"));
  }
}
