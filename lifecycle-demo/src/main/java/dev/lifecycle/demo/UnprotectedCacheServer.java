package dev.lifecycle.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The binary cache's backend as it was: a thread per connection, a handler that blocks on an
 * upstream fetch without a timeout, and an accept loop that retries EMFILE without a word. Once the
 * blocked handlers hold every FD, the server stops answering, silently.
 */
final class UnprotectedCacheServer implements ChildRun {
  private final AtomicLong handling = new AtomicLong();
  private final AtomicLong acceptFailures = new AtomicLong();

  @Override
  @SuppressWarnings("UnclosedResource") // the server lives until the JVM ends
  public int start(Settings settings, Wire wire) throws IOException {
    Path store = CacheProtocol.createStore();
    int origin = settings.getInt("origin");
    ServerSocket server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(() -> acceptLoop(server, store, origin), "cache-accept");
    accept.setDaemon(true);
    accept.start();
    return server.getLocalPort();
  }

  // Ownership of each socket passes to its handler thread.
  @SuppressWarnings("UnclosedResource")
  private void acceptLoop(ServerSocket server, Path store, int origin) {
    while (true) {
      try {
        Socket socket = server.accept();
        Thread t = new Thread(() -> handle(socket, store, origin), "cache-request");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        acceptFailures.incrementAndGet(); // EMFILE: retry; nothing is logged
        try {
          Thread.sleep(20);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  private void handle(Socket raw, Path store, int origin) {
    handling.incrementAndGet();
    try (Socket socket = raw) {
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
      String line = String.valueOf(in.readLine());
      if (line.equals("PING")) {
        out.println("PONG");
      } else if (line.startsWith("GET hit-")) {
        out.println("OK " + CacheProtocol.readCached(store, line.substring(4)));
      } else if (line.startsWith("GET ")) {
        try (Socket upstream = new Socket()) {
          out.println("OK " + CacheProtocol.fetch(upstream, origin, line.substring(4)).length());
        }
      } else {
        out.println("ERR");
      }
    } catch (IOException e) {
      // a failed request
    } finally {
      handling.decrementAndGet();
    }
  }

  @Override
  public Map<String, LongSupplier> gauges() {
    return Map.of("inFlight", handling::get, "acceptFailures", acceptFailures::get);
  }

  @Override
  public void finish(Wire wire) {
    wire.number("acceptFailures", acceptFailures.get());
    wire.number("stalls", 0);
  }
}
