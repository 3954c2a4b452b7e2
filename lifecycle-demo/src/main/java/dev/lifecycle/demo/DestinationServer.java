package dev.lifecycle.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A mail provider on loopback: answers {@code MAIL id} with 250, or 451 (try again later) for
 * every {@code failEvery}-th message, and refuses more than {@code maxConnections} at once (421), as
 * providers do. Counts the connections it really has open.
 */
final class DestinationServer implements AutoCloseable {
  private final String name;
  private final ServerSocket server;
  private final int maxConnections;
  private final int failEvery;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong messages = new AtomicLong();

  DestinationServer(String name, int maxConnections, int failEvery) throws IOException {
    this.name = name;
    this.maxConnections = maxConnections;
    this.failEvery = failEvery;
    this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::acceptLoop, "mx-" + name);
    accept.setDaemon(true);
    accept.start();
  }

  String name() {
    return name;
  }

  int port() {
    return server.getLocalPort();
  }

  /** Connections open now, as the provider sees them. */
  int open() {
    return open.get();
  }

  /** Messages accepted (250). */
  long received() {
    return received.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Thread t = new Thread(() -> serve(socket), "mx-" + name + "-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket raw) {
    int now = open.incrementAndGet();
    try (Socket socket = raw) {
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
      if (now > maxConnections) {
        out.println("421 too many connections from you");
        return;
      }
      String line;
      while ((line = in.readLine()) != null) {
        if (line.equals("QUIT")) {
          out.println("221 bye");
          return;
        }
        Thread.sleep(3); // the SMTP conversation
        if (messages.incrementAndGet() % failEvery == 0) {
          out.println("451 try again later");
        } else {
          received.incrementAndGet();
          out.println("250 ok");
        }
      }
    } catch (IOException e) {
      // the sender went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.decrementAndGet();
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
