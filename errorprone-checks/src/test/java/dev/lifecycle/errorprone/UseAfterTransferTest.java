package dev.lifecycle.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class UseAfterTransferTest {
  private final CompilationTestHelper helper =
      LifecycleStubs.add(CompilationTestHelper.newInstance(UseAfterTransfer.class, getClass()));

  @Test
  void identification() {
    helper
        .addSourceLines(
            "Sink.java",
            "import dev.lifecycle.core.Owning;",
            "import java.io.Closeable;",
            "final class Sink {",
            "  static void keep(@Owning Closeable c) {}",
            "  static void look(Closeable c) {}",
            "}")
        .addSourceLines(
            "Test.java",
            "import dev.lifecycle.core.Scope;",
            "import java.io.*;",
            "class Test {",
            "  int afterClose(File f) throws IOException {",
            "    InputStream in = new FileInputStream(f);",
            "    in.close();",
            "    // BUG: Diagnostic contains: `in` is used after it was closed on line 6",
            "    return in.read();",
            "  }",
            "  void afterTransfer(Scope a, Scope b, InputStream in) throws IOException {",
            "    a.transfer(in, b);",
            "    // BUG: Diagnostic contains: moved to another scope on line 11",
            "    in.read();",
            "  }",
            "  void afterOwning(InputStream in) throws IOException {",
            "    Sink.keep(in);",
            "    // BUG: Diagnostic contains: handed to the @Owning parameter of `keep`",
            "    in.read();",
            "  }",
            "  void negatives(File f, boolean b, InputStream other) throws IOException {",
            "    InputStream in = new FileInputStream(f);",
            "    if (b) {",
            "      in.close();",
            "    }",
            "    in.read();",
            "    in.close();",
            "    in.close();",
            "    if (in != null) { }",
            "    in = new FileInputStream(f);",
            "    in.read();",
            "    in.close();",
            "    Sink.look(other);",
            "    other.read();",
            "  }",
            "  String queriesAfterClose(java.net.Socket socket, File f) throws IOException {",
            "    StringWriter w = new StringWriter();",
            "    w.close();",
            "    w.write(\"in-memory writers do not care\");",
            "    socket.close();",
            "    return w.toString() + socket.isConnected() + socket.getPort() + socket;",
            "  }",
            "  void releaseHandsBack(Scope scope, InputStream in) throws IOException {",
            "    scope.release(in);",
            "    in.read();",
            "    in.close();",
            "  }",
            "  @SuppressWarnings(\"UseAfterTransfer\")",
            "  void suppressed(InputStream in) throws IOException {",
            "    in.close();",
            "    in.read();",
            "  }",
            "}")
        .doTest();
  }
}
