package dev.lifecycle.demo;

import dev.lifecycle.core.FdBudget;
import dev.lifecycle.core.Scope;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The chat server with lifecycle: each connection is a {@link Scope} that owns its tracked socket
 * and its {@link FdBudget} reservation, so every way out (BYE, a reset, an idle half-open
 * connection reaped by its read timeout) closes them; each password-reset email is a child scope
 * that owns its file. Connections over the FD budget are answered BUSY and closed, before EMFILE.
 *
 * <p>The seam for lifecycle-netty: this accept loop is what its connection governor (or core's
 * blocking accept-loop governor) replaces.
 */
final class ProtectedChatServer implements ChildRun {
  private final AtomicLong shed = new AtomicLong();
  private final AtomicLong reaped = new AtomicLong();
  private final AtomicLong resets = new AtomicLong();
  private final AtomicLong emails = new AtomicLong();
  private volatile @Nullable Path spool;
  private volatile int idleMillis;

  @Override
  @SuppressWarnings("UnclosedResource") // the server lives until the JVM ends
  public int start(Settings settings, Wire wire) throws IOException {
    idleMillis = settings.getInt("idleMillis");
    spool = Files.createTempDirectory("demo-chat-spool");
    FdBudget budget = FdBudget.system();
    wire.text("budget", budget.toString());
    try (Scope warm = Scope.open("warm-up")) { // loads what a connection uses, before READY
      FdBudget.Reservation fds = budget.tryReserve(1);
      if (fds != null) {
        warm.own(fds);
      }
    }
    TrackedSocket.KIND.liveCount();
    ServerSocket server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(() -> acceptLoop(server, budget, wire), "chat-accept");
    accept.setDaemon(true);
    accept.start();
    return server.getLocalPort();
  }

  private void acceptLoop(ServerSocket server, FdBudget budget, Wire wire) {
    while (true) {
      try {
        FdBudget.Reservation fd = budget.tryReserve(2); // the socket, and an email file
        if (fd == null) {
          shed(server); // answer BUSY from the headroom, before the kernel answers EMFILE
          continue;
        }
        Socket socket;
        try {
          socket = server.accept();
        } catch (IOException e) {
          fd.close();
          throw e;
        }
        startHandler(fd, socket);
      } catch (IOException e) {
        wire.event("accept failed: " + e.getMessage());
      }
    }
  }

  // Ownership of the socket and the reservation passes to the handler thread's scope.
  @SuppressWarnings("UnclosedResource")
  private void startHandler(FdBudget.Reservation fd, Socket socket) {
    Thread handler = new Thread(() -> handle(fd, socket), "chat-client");
    handler.setDaemon(true);
    handler.start();
  }

  private void handle(FdBudget.Reservation fd, Socket raw) {
    try (Scope connection = Scope.open("chat connection")) {
      connection.own(fd);
      Socket socket = connection.own(new TrackedSocket(raw)).socket();
      socket.setSoTimeout(idleMillis); // a half-open client is reaped after this much silence
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
      String line;
      while ((line = in.readLine()) != null) {
        if (line.equals("BYE")) {
          out.println("BYE");
          return;
        }
        out.println(ChatProtocol.answer(line, address -> sendResetEmail(connection, address)));
      }
    } catch (SocketTimeoutException e) {
      reaped.incrementAndGet();
    } catch (IOException | RuntimeException e) {
      resets.incrementAndGet(); // a reset: the scope closed the socket all the same
    }
  }

  private void shed(ServerSocket server) throws IOException {
    try (Socket socket = server.accept()) {
      shed.incrementAndGet();
      socket.getOutputStream().write("BUSY\n".getBytes(StandardCharsets.US_ASCII));
    }
  }

  private boolean sendResetEmail(Scope connection, String address) {
    try (Scope email = connection.child("reset email")) {
      Path dir = spool;
      if (dir == null) {
        return false;
      }
      OutputStream transport = email.own(Files.newOutputStream(Files.createTempFile(dir, "reset-", ".eml")));
      transport.write(ChatProtocol.email(address));
      emails.incrementAndGet();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public Map<String, LongSupplier> gauges() {
    return Map.of("connections", TrackedSocket.KIND::liveCount, "shed", shed::get, "reaped", reaped::get);
  }

  @Override
  public void finish(Wire wire) {
    wire.number("shed", shed.get());
    wire.number("reaped", reaped.get());
    wire.number("resets", resets.get());
    wire.number("emails", emails.get());
  }
}
