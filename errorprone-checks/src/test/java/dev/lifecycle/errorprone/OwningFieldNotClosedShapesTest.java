package dev.lifecycle.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Owning fields closed by a lifecycle method that is not {@code close()}, by the enclosing class,
 * through a cleanup object or a private helper; and an owning field overwritten while open.
 */
final class OwningFieldNotClosedShapesTest {
  @Test
  void closedByOtherLifecycleMethods_quiet_overwrittenWhileOpen_flagged() {
    LifecycleStubs.add(CompilationTestHelper.newInstance(OwningFieldNotClosed.class, getClass()))
        .addSourceLines(
            "Fields.java",
            "import java.io.*;",
            "import java.net.*;",
            "class Fields implements Closeable {",
            "  static final class Server {",
            "    private final ServerSocket server;",
            "    Server(int port) throws IOException { server = new ServerSocket(port); }",
            "    void stop() throws IOException { server.close(); }",
            "  }",
            "  static final class Reconnecting implements Closeable {",
            "    private Socket socket;",
            "    Reconnecting(String host) throws IOException { socket = new Socket(host, 80); }",
            "    void reconnect(String host) throws IOException {",
            "      // BUG: Diagnostic contains: `socket` is given a new resource while it may still hold an open one",
            "      socket = new Socket(host, 80);",
            "    }",
            "    void reconnectSafely(String host) throws IOException {",
            "      socket.close();",
            "      socket = new Socket(host, 80);",
            "    }",
            "    @Override public void close() throws IOException { socket.close(); }",
            "  }",
            "  static final class Pair implements Closeable {",
            "    private final Socket a;",
            "    private final Socket b;",
            "    Pair(String h) throws IOException {",
            "      a = new Socket(h, 1);",
            "      b = new Socket(h, 2);",
            "    }",
            "    private void closeSockets(Socket x, Socket y) throws IOException { x.close(); y.close(); }",
            "    @Override public void close() throws IOException { closeSockets(a, b); }",
            "  }",
            "  interface Cleanable { void closeAndSuppress(Throwable t); }",
            "  static Cleanable cleanerFor(AutoCloseable c) { return t -> {}; }",
            "  static final class Pooled implements Closeable {",
            "    private final Socket conn;",
            "    Pooled(String h) throws IOException { conn = new Socket(h, 1); }",
            "    void abort(Throwable t) { cleanerFor(conn).closeAndSuppress(t); }",
            "    @Override public void close() {}",
            "  }",
            "  final class Inner {",
            "    private final InputStream in;",
            "    Inner(File f) throws IOException { in = new FileInputStream(f); }",
            "  }",
            "  private Inner inner;",
            "  @Override public void close() throws IOException { inner.in.close(); }",
            "  static final class Forgotten {",
            "    // BUG: Diagnostic contains: `Forgotten` owns `in` but is not AutoCloseable",
            "    private final InputStream in;",
            "    Forgotten(File f) throws IOException { in = new FileInputStream(f); }",
            "  }",
            "}")
        .doTest();
  }
}
