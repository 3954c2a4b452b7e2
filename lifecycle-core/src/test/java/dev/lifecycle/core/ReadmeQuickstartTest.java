package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's core quickstart is this file's region between the {@code README} markers, so the
 * snippet users copy is compiled and run here.
 */
final class ReadmeQuickstartTest {
  // README:core-quickstart:begin
  static final class Connection implements AutoCloseable {
    @Owning private final Socket socket; // this class closes it

    Connection(@Owning Socket socket) { // the caller hands it over
      this.socket = socket;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
  // README:core-quickstart:end

  @Test
  void quickstart_closesWhatItOwns() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Socket socket = new Socket(server.getInetAddress(), server.getLocalPort());
      try (Connection connection = new Connection(socket)) {
        assertThat(connection.socket.isConnected()).isTrue();
      }
      assertThat(socket.isClosed()).isTrue();
    }
  }

  @Test
  void readme_showsThisFilesQuickstart() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    assertThat(readme).contains(region("core-quickstart"));
  }

  /** The lines between the region's markers in this source file, without their common indent. */
  static String region(String name) {
    Path source = Path.of("src/test/java/dev/lifecycle/core/ReadmeQuickstartTest.java");
    try {
      String text = Files.readString(source, StandardCharsets.UTF_8);
      String begin = "// README:" + name + ":begin\n";
      int from = text.indexOf(begin) + begin.length();
      int to = text.lastIndexOf('\n', text.indexOf("// README:" + name + ":end"));
      return text.substring(from, to).stripIndent() + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source.toAbsolutePath(), e);
    }
  }
}
