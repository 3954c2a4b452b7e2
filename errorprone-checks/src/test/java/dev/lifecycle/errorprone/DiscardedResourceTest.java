package dev.lifecycle.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class DiscardedResourceTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(DiscardedResource.class, getClass());

  @Test
  void identification() {
    LifecycleStubs.add(helper)
        .addSourceLines(
            "Owner.java",
            "import java.util.ArrayList;",
            "import java.util.List;",
            "final class Owner implements AutoCloseable {",
            "  private final List<AutoCloseable> owned = new ArrayList<>();",
            "  <T extends AutoCloseable> T own(T resource) {",
            "    owned.add(resource);",
            "    return resource;",
            "  }",
            "  @Override public void close() {}",
            "}")
        .addSourceLines(
            "Test.java",
            "import com.google.errorprone.annotations.CanIgnoreReturnValue;",
            "import java.io.*;",
            "import java.net.Socket;",
            "import java.nio.file.*;",
            "import java.util.List;",
            "import java.util.concurrent.Executors;",
            "class Test {",
            "  void positives(Path path) throws IOException {",
            "    // BUG: Diagnostic contains: the resource returned by `new FileInputStream` is discarded",
            "    new FileInputStream(path.toFile());",
            "    // BUG: Diagnostic contains: `newInputStream(..)` is discarded and can never be closed",
            "    Files.newInputStream(path);",
            "    // BUG: Diagnostic contains: `lines(..)` is discarded",
            "    Files.lines(path);",
            "    // BUG: Diagnostic contains: DiscardedResource",
            "    new Socket();",
            "    // BUG: Diagnostic contains: `newSingleThreadExecutor(..)`",
            "    Executors.newSingleThreadExecutor();",
            "  }",
            "  void lifecycle(dev.lifecycle.core.Scope scope, InputStream in) {",
            "    // BUG: Diagnostic contains: `open(..)` is discarded",
            "    dev.lifecycle.core.Scope.open(\"request\");",
            "    // BUG: Diagnostic contains: `release(..)` is discarded",
            "    scope.release(in);",
            "    scope.own(in);",
            "  }",
            "  void negatives(Path path, Writer writer, Owner owner, List<String> list)",
            "      throws IOException {",
            "    writer.append(\"fluent calls return their receiver\");",
            "    new ByteArrayOutputStream();",
            "    new StringWriter();",
            "    list.stream().map(String::length);",
            "    owner.own(new FileInputStream(path.toFile()));",
            "    keep(new FileInputStream(path.toFile()));",
            "    try (InputStream in = Files.newInputStream(path)) {",
            "      in.read();",
            "    }",
            "  }",
            "  @SuppressWarnings(\"DiscardedResource\")",
            "  void suppressed() throws IOException {",
            "    new Socket();",
            "  }",
            "  @CanIgnoreReturnValue",
            "  InputStream keep(InputStream in) {",
            "    return in;",
            "  }",
            "}")
        .doTest();
  }
}
