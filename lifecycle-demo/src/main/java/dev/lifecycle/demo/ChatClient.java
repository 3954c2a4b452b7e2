package dev.lifecycle.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One of the chat site's users, from outside the server: a line client on loopback. */
final class ChatClient implements AutoCloseable {
  static final int TIMEOUT_MILLIS = 1_000;

  private final Socket socket;
  private final BufferedReader in;
  private final PrintWriter out;

  private ChatClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    this.out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
  }

  /** Connects and says HELLO; throws if the server does not answer WELCOME in time. */
  static ChatClient connect(int port, String name) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      ChatClient client = new ChatClient(socket);
      client.expect("HELLO " + name, "WELCOME");
      return client;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** Sends {@code line} and checks that the answer is {@code answer}. */
  void expect(String line, String answer) throws IOException {
    out.println(line);
    String got = in.readLine();
    if (!answer.equals(got)) {
      throw new IOException("expected " + answer + " to " + line + ", got " + got);
    }
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
