package dev.lifecycle.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class OwningFieldNotClosedTest {
  private final CompilationTestHelper helper =
      LifecycleStubs.add(CompilationTestHelper.newInstance(OwningFieldNotClosed.class, getClass()));

  @Test
  void identification() {
    helper
        .addSourceLines(
            "NotCloseable.java",
            "import java.io.*;",
            "final class NotCloseable {",
            "  // BUG: Diagnostic contains: `NotCloseable` owns `out` but is not AutoCloseable",
            "  private final OutputStream out;",
            "  NotCloseable(File f) throws IOException { out = new FileOutputStream(f); }",
            "}")
        .addSourceLines(
            "Forgets.java",
            "import dev.lifecycle.core.Owning;",
            "import java.io.*;",
            "import java.net.Socket;",
            "final class Forgets implements Closeable {",
            "  private final InputStream in;",
            "  // BUG: Diagnostic contains: `socket` owns a resource, but `Forgets.close()` never closes it",
            "  @Owning private final Socket socket;",
            "  Forgets(File f, @Owning Socket socket) throws IOException {",
            "    this.in = new FileInputStream(f);",
            "    this.socket = socket;",
            "  }",
            "  @Override public void close() throws IOException { in.close(); }",
            "}")
        .addSourceLines(
            "Correct.java",
            "import dev.lifecycle.core.Borrowed;",
            "import dev.lifecycle.core.Owning;",
            "import java.io.*;",
            "import java.net.Socket;",
            "final class Correct implements Closeable {",
            "  private final InputStream in;",
            "  private final Socket socket;",
            "  private final OutputStream borrowed;",
            "  @Borrowed private final Reader reader;",
            "  private final Writer view;",
            "  private final StringWriter memory = new StringWriter();",
            "  private static final PrintStream LOG = new PrintStream(new ByteArrayOutputStream());",
            "  Correct(File f, @Owning Socket socket, OutputStream out, Reader reader) throws IOException {",
            "    this.in = new FileInputStream(f);",
            "    this.socket = socket;",
            "    this.borrowed = out;",
            "    this.reader = reader;",
            "    this.view = new OutputStreamWriter(out);",
            "  }",
            "  @Override public void close() throws IOException {",
            "    try { in.close(); } finally { closeSocket(); }",
            "  }",
            "  private void closeSocket() throws IOException { this.socket.close(); }",
            "}")
        .addSourceLines(
            "LifecycleOfATest.java",
            "import java.io.*;",
            "import org.junit.jupiter.api.AfterEach;",
            "import org.junit.jupiter.api.AutoClose;",
            "import org.junit.jupiter.api.BeforeEach;",
            "final class LifecycleOfATest {",
            "  private InputStream in;",
            "  @AutoClose private final OutputStream out = new ByteArrayOutputStream();",
            "  @AutoClose private Writer writer;",
            "  // BUG: Diagnostic contains: `forgotten` owns a resource",
            "  private Reader forgotten;",
            "  @BeforeEach void setUp() throws IOException {",
            "    in = new FileInputStream(\"data\");",
            "    writer = new FileWriter(\"out\");",
            "    forgotten = new FileReader(\"other\");",
            "  }",
            "  @AfterEach void tearDown() throws IOException {",
            "    in.close();",
            "  }",
            "}")
        .addSourceLines(
            "Suppressed.java",
            "import java.io.*;",
            "final class Suppressed {",
            "  @SuppressWarnings(\"OwningFieldNotClosed\") // lives as long as the process",
            "  private final OutputStream out;",
            "  Suppressed(File f) throws IOException { out = new FileOutputStream(f); }",
            "}")
        .doTest();
  }
}
