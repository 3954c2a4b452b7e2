package dev.lifecycle.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The chat site's server as the postmortem describes it: a websocket-like line server that forgets a
 * client's socket when the client vanishes (a reset or a half-open connection), and a mailer that
 * keeps one open file per password-reset email. Nothing is closed on the unhappy paths.
 */
final class UnprotectedChatServer implements ChildRun {
  private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
  private final List<OutputStream> mailerTransports = new CopyOnWriteArrayList<>();
  private final AtomicLong handlers = new AtomicLong();
  private final AtomicLong acceptFailures = new AtomicLong();
  private volatile @org.jspecify.annotations.Nullable Path spool;

  @Override
  @SuppressWarnings("UnclosedResource") // the server lives until the JVM ends
  public int start(Settings settings, Wire wire) throws IOException {
    spool = Files.createTempDirectory("demo-chat-spool");
    ServerSocket server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(() -> acceptLoop(server, wire), "chat-accept");
    accept.setDaemon(true);
    accept.start();
    return server.getLocalPort();
  }

  private void acceptLoop(ServerSocket server, Wire wire) {
    while (true) {
      try {
        Socket socket = server.accept();
        clients.add(socket);
        Thread handler = new Thread(() -> handle(socket), "chat-client");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException e) {
        // EMFILE: the accept loop retries; nobody is told, the site stops answering.
        if (acceptFailures.getAndIncrement() == 0) {
          wire.event("accept failed: " + e.getMessage());
        }
        pause();
      }
    }
  }

  // The bug replayed: the socket is closed (and forgotten) only when the client says BYE.
  @SuppressWarnings("UnclosedResource")
  private void handle(Socket socket) {
    handlers.incrementAndGet();
    try {
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
      String line;
      while ((line = in.readLine()) != null) {
        if (line.equals("BYE")) {
          out.println("BYE");
          clients.remove(socket);
          socket.close();
          return;
        }
        out.println(ChatProtocol.answer(line, this::sendResetEmail));
      }
    } catch (IOException e) {
      // "Connection reset by peer": the client is gone; its socket stays open, and in `clients`.
    } finally {
      handlers.decrementAndGet();
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

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public Map<String, LongSupplier> gauges() {
    return Map.of("connections", () -> clients.size(), "emailFiles", () -> mailerTransports.size(),
        "handlers", handlers::get);
  }

  @Override
  public void finish(Wire wire) {
    wire.number("acceptFailures", acceptFailures.get());
    wire.number("leakedEmailFiles", mailerTransports.size());
  }
}
