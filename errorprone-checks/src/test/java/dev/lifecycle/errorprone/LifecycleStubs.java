package dev.lifecycle.errorprone;

import com.google.errorprone.CompilationTestHelper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stub versions of lifecycle's types, matched by name, for the checks' tests: the files under
 * {@code src/test/resources/corpus/stubs}, which the corpus compiles too. They carry the real
 * signatures (a subset of the members); lifecycle-jdbc's {@code LifecycleStubsTest} compares them
 * with lifecycle-core's and lifecycle-jdbc's classes, so that they cannot drift.
 */
final class LifecycleStubs {
  private LifecycleStubs() {}

  static CompilationTestHelper add(CompilationTestHelper helper) {
    Path root = Corpus.ROOT.resolve("stubs");
    for (Path stub : Corpus.stubs()) {
      try {
        helper.addSourceLines(
            root.relativize(stub).toString(),
            Files.readAllLines(stub, StandardCharsets.UTF_8).toArray(String[]::new));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the stub " + stub, e);
      }
    }
    return helper;
  }
}
