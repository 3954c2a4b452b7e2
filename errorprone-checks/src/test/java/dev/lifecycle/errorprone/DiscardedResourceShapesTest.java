package dev.lifecycle.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * DiscardedResource decides per method, as UnclosedResource does, whether a dropped result had to
 * be closed: getters called for their effect and fluent calls are not flagged.
 */
final class DiscardedResourceShapesTest {
  @Test
  void discarded_gettersFluentCallsAndBorrowedWrappers_areQuiet() {
    CompilationTestHelper.newInstance(DiscardedResource.class, getClass())
        .addSourceLines(
            "dev/lifecycle/core/Lease.java",
            "package dev.lifecycle.core;",
            "public interface Lease<V> extends AutoCloseable {",
            "  V value();",
            "  @Override void close();",
            "}")
        .addSourceLines(
            "Discards.java",
            "import dev.lifecycle.core.Lease;",
            "import java.io.*;",
            "import java.net.*;",
            "import java.nio.file.*;",
            "class Discards {",
            "  static final class Out extends Writer {",
            "    Out add() { return this; }",
            "    @Override public void write(char[] c, int o, int l) {}",
            "    @Override public void flush() {}",
            "    @Override public void close() {}",
            "    void fluent() { add(); this.add(); }",
            "  }",
            "  abstract static class Binder<T extends Binder<T>> implements AutoCloseable {",
            "    abstract T bind(String name);",
            "    void selfTyped() { bind(\"a\"); }",
            "  }",
            "  static final class Exchange implements Closeable {",
            "    private OutputStream body;",
            "    OutputStream getResponseBody() throws IOException {",
            "      if (body == null) {",
            "        body = new ByteArrayOutputStream();",
            "      }",
            "      return body;",
            "    }",
            "    void lazyInit() throws IOException { getResponseBody(); }",
            "    @Override public void close() throws IOException { body.close(); }",
            "  }",
            "  static final class Listener implements Closeable {",
            "    private final PrintStream out = new PrintStream(new ByteArrayOutputStream());",
            "    PrintStream error(String message) { out.println(message); return out; }",
            "    @Override public void close() { out.close(); }",
            "  }",
            "  static BufferedReader handshake(Reader in) { return new BufferedReader(in); }",
            "  void quiet(Socket s, Lease<Socket> lease, Listener listener, Reader borrowed) throws IOException {",
            "    s.getInputStream();",
            "    lease.value();",
            "    listener.error(\"x\");",
            "    handshake(borrowed);",
            "    new BufferedReader(borrowed);",
            "  }",
            "  void flagged(File f, Path p) throws IOException {",
            "    // BUG: Diagnostic contains: `new FileInputStream`",
            "    new FileInputStream(f);",
            "    // BUG: Diagnostic contains: `newInputStream(..)`",
            "    Files.newInputStream(p);",
            "  }",
            "}")
        .doTest();
  }
}
