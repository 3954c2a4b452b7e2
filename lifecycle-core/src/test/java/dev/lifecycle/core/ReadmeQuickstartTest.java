package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's core quickstart is this file's region between the {@code README} markers, so the
 * snippet users copy is compiled and run here.
 */
final class ReadmeQuickstartTest {
  // README:core-quickstart:begin
  /** A connection that lifecycle tracks: dropped without close(), it is reported and reclaimed. */
  static final class Connection implements AutoCloseable, TrackedResource {
    private static final ResourceKind KIND = Tracker.global().kind("demo.Connection");

    @Owning private final Socket socket; // this class closes it
    private final Tracked tracked;

    Connection(@Owning Socket socket) { // the caller hands it over
      this.socket = socket;
      this.tracked = KIND.track(this, socket, String.valueOf(socket.getRemoteSocketAddress()));
    }

    void send(String line) throws IOException {
      tracked.checkOpen(); // after close: IllegalStateException saying when and by whom
      socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Tracked tracked() { // a scope that owns it shows up as its owner in reports
      return tracked;
    }

    @Override
    public void close() throws IOException {
      if (tracked.close()) { // true once, however often close() is called
        socket.close();
      }
    }
  }

  static void handle(InetSocketAddress server, Path audit) throws IOException {
    try (Scope request = Scope.open("GET /orders/42")) {
      Connection db = request.own(new Connection(new Socket(server.getAddress(), server.getPort())));
      Writer log = request.own(Files.newBufferedWriter(audit));
      db.send("SELECT 42");
      log.write("order 42 sent\n");
    } // log, then db, closed here: in reverse order, exactly once, on every path
  }
  // README:core-quickstart:end

  @Test
  void quickstart_scopeClosesBothResources(@TempDir Path dir) throws IOException {
    Path audit = dir.resolve("audit.log");
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      handle(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), audit);

      try (Socket accepted = server.accept();
          BufferedReader in =
              new BufferedReader(
                  new InputStreamReader(accepted.getInputStream(), StandardCharsets.UTF_8))) {
        assertThat(in.readLine()).isEqualTo("SELECT 42");
        assertThat(in.read()).as("the scope closed the connection").isEqualTo(-1);
      }
      assertThat(Connection.KIND.liveCount()).isZero();
      assertThat(Files.readString(audit, StandardCharsets.UTF_8)).isEqualTo("order 42 sent\n");
    }
  }

  @Test
  void readme_showsThisFilesQuickstart() throws IOException {
    String readme = Readme.text();
    assertThat(readme).contains(Readme.region(ReadmeQuickstartTest.class, "core-quickstart"));
  }

}
