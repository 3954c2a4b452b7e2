package dev.lifecycle.demo;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One of the chat site's users, from outside the server: a blocking client on loopback that speaks
 * {@link ChatWire} (the upgrade handshake, then length-prefixed text frames).
 */
final class ChatClient implements AutoCloseable {
  static final int TIMEOUT_MILLIS = 1_000;

  private final Socket socket;
  private final DataInputStream in;
  private final DataOutputStream out;
  private volatile long lastSpokeNanos = System.nanoTime();

  private ChatClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = new DataOutputStream(socket.getOutputStream());
  }

  /**
   * Connects, upgrades and says HELLO; throws if the server does not switch protocols (it answers
   * 503 when it sheds the connection) or does not answer WELCOME in time.
   */
  static ChatClient connect(int port, String name) throws IOException {
    return connect(port, name, TIMEOUT_MILLIS);
  }

  /** {@link #connect(int, String)} with a timeout of its own for the connect and each answer. */
  static ChatClient connect(int port, String name, int timeoutMillis) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      socket.setTcpNoDelay(true); // one frame, one segment: no wait for a delayed ACK
      ChatClient client = new ChatClient(socket);
      client.upgrade();
      client.expect("HELLO " + name, "WELCOME");
      return client;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  private void upgrade() throws IOException {
    out.write(ChatWire.UPGRADE_REQUEST.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the server closed the connection during the upgrade");
      }
      header.write(b);
      matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : b == '\r' ? 1 : 0;
      if (header.size() > 4096) {
        throw new IOException("the upgrade answer is too long");
      }
    }
    String status = header.toString(StandardCharsets.US_ASCII).lines().findFirst().orElse("");
    if (!status.startsWith("HTTP/1.1 101")) {
      throw new IOException("the server did not upgrade: " + status);
    }
  }

  /** Sends {@code line} as one frame and checks that the answer frame is {@code answer}. */
  void expect(String line, String answer) throws IOException {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    byte[] frame = new byte[2 + bytes.length];
    frame[0] = (byte) (bytes.length >>> 8);
    frame[1] = (byte) bytes.length;
    System.arraycopy(bytes, 0, frame, 2, bytes.length);
    out.write(frame); // one write: the length and the text in one segment
    out.flush();
    lastSpokeNanos = System.nanoTime();
    byte[] got = new byte[in.readUnsignedShort()];
    in.readFully(got);
    String text = new String(got, StandardCharsets.UTF_8);
    if (!answer.equals(text)) {
      throw new IOException("expected " + answer + " to " + line + ", got " + text);
    }
  }

  /** Nanoseconds since this client last sent a frame. */
  long silentNanos() {
    return System.nanoTime() - lastSpokeNanos;
  }

  /** Vanishes with a reset: SO_LINGER 0 makes close() send RST, as a dropped network does. */
  void reset() throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  /** Says BYE and closes, the happy path. */
  void bye() throws IOException {
    try {
      expect("BYE", "BYE");
    } finally {
      socket.close();
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
